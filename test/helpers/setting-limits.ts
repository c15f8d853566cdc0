/**
 * Each limit on a setting a person types, as both shells must hold it (src/core/settings-fields.ts):
 * the value refused, a value taken, and what the refusal says the setting wants.
 */
export const SETTING_LIMITS: {
  option: string;
  /** The task pane's field; null where the pane has none. */
  label: RegExp | null;
  bad: string;
  good: string;
  wants: string;
}[] = [
  {
    option: "--rag-percent",
    label: /RAG: red at/,
    bad: "150",
    good: "100",
    wants: "a percentage from 0 to 100",
  },
  {
    option: "--rag-percent",
    label: /RAG: red at/,
    bad: "-1",
    good: "0",
    wants: "a percentage from 0 to 100",
  },
  {
    option: "--rag-amount",
    label: /RAG: or at/,
    bad: "-5",
    good: "0",
    wants: "an amount in pounds, 0 or more",
  },
  {
    option: "--rag-amber-percent",
    label: /RAG: amber at/,
    bad: "101",
    good: "2",
    wants: "a percentage from 0 to 100",
  },
  {
    option: "--rag-amber-amount",
    label: /RAG: or amber at/,
    bad: "£-1",
    good: "£20k",
    wants: "an amount in pounds, 0 or more",
  },
  {
    option: "--key-threshold",
    label: /Key-decision threshold/,
    bad: "0",
    good: "1",
    wants: "an amount in pounds above 0",
  },
  {
    option: "--late-days",
    label: /published late after/,
    bad: "2.5",
    good: "3",
    wants: "a whole number of days, 0 or more",
  },
  {
    option: "--late-days",
    label: /published late after/,
    bad: "-1",
    good: "0",
    wants: "a whole number of days, 0 or more",
  },
  // The pane has no call-in field; the CLI keeps the stored settings' limit.
  {
    option: "--call-in-days",
    label: null,
    bad: "61",
    good: "60",
    wants: "a whole number of working days (0 to 60)",
  },
];
