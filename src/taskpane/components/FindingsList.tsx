import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  makeStyles,
  Option,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Finding, Severity } from "../../core";
import { codeLabel, helpFor } from "../finding-help";
import { INLINE_LISTBOX } from "./popup";
import { countText, plural } from "../counts";

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  code: { minWidth: "10em", maxWidth: "100%" },
  list: { listStyleType: "none", marginTop: 0, marginBottom: 0, paddingLeft: 0 },
  finding: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    maxWidth: "100%",
    height: "auto",
    minWidth: 0,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  where: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em" },
  message: { fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere", minWidth: 0 },
  help: {
    display: "block",
    paddingLeft: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  // The severity's colour is a mark beside its word, not the word's colour: coloured text lost
  // contrast on the button's hover and pressed backgrounds in the dark theme.
  severity: { display: "inline-flex", alignItems: "center", columnGap: "4px" },
  mark: { display: "inline-block", width: "8px", height: "8px", borderRadius: "50%" },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  info: { backgroundColor: tokens.colorNeutralForeground3 },
  groupName: { overflowWrap: "anywhere" },
  // A pressed filter is drawn inverted (the theme's text colour as its fill) with a check mark:
  // Fluent's own pressed grey differed from the unpressed button by 1.2:1 in the dark theme,
  // where WCAG 1.4.11 asks 3:1 for a state shown by colour. Hover keeps it inverted.
  pressed: {
    backgroundColor: tokens.colorNeutralForeground1,
    color: tokens.colorNeutralForegroundInverted,
    ":hover": {
      backgroundColor: tokens.colorNeutralForeground2,
      color: tokens.colorNeutralForegroundInverted,
    },
    ":hover:active": {
      backgroundColor: tokens.colorNeutralForeground2,
      color: tokens.colorNeutralForegroundInverted,
    },
  },
  codeOption: { display: "grid", minWidth: 0 },
});

const ORDER: Severity[] = ["error", "warning", "info"];
const LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };
const PLURAL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };
const ALL_CODES = "all";
/**
 * Findings drawn per group at first, and per "Show more": a 100,000-row register's thousand
 * findings drawn at once held the page for half a second as its results arrived; a window of
 * them is drawn in a few milliseconds, and the group's count says how many there are.
 */
export const FINDINGS_WINDOW = 50;

/** A finding's identity within one analysis (a code at a cell). */
export const findingKey = (f: Finding) => `${f.code}@${f.sheet}!${f.cell}`;

export interface FindingsFilter {
  severities: ReadonlySet<Severity>;
  code: string;
}

export function filterFindings(findings: readonly Finding[], filter: FindingsFilter): Finding[] {
  return findings.filter(
    (f) =>
      filter.severities.has(f.severity) && (filter.code === ALL_CODES || f.code === filter.code),
  );
}

/** The filters as an export states them: "Errors and warnings; code: Score does not match". */
export function filterWords(severities: ReadonlySet<Severity>, code: string): string {
  const kinds = ORDER.filter((s) => severities.has(s)).map((s) => PLURAL[s].toLowerCase());
  const which =
    kinds.length === ORDER.length
      ? "All severities"
      : kinds.length === 0
        ? "No severity"
        : kinds.join(" and ").replace(/^./, (c) => c.toUpperCase());
  return `${which}; ${code === ALL_CODES ? "all codes" : `code: ${codeLabel(code)}`}`;
}

/**
 * Findings grouped by table (or sheet), each group collapsible, filtered by severity and code;
 * choosing one selects its cell (Excel) or shows it in context (standalone, via `detail`).
 */
export function FindingsList({
  findings,
  onSelect,
  chosen,
  detail,
  actions,
}: {
  findings: readonly Finding[];
  onSelect: (f: Finding) => void;
  /** Key of the finding last chosen: it shows its help line and `detail`. */
  chosen?: string | null;
  detail?: ReactNode;
  /**
   * Extra buttons for the filter row (export), given the findings the filters leave shown in
   * the order the list shows them, and the filters in words.
   */
  actions?: (shown: readonly Finding[], filter: string) => ReactNode;
}) {
  const styles = useStyles();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(ORDER));
  const [code, setCode] = useState(ALL_CODES);
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  /** How many findings each group draws (FINDINGS_WINDOW until "Show more"). */
  const [drawn, setDrawn] = useState<ReadonlyMap<string, number>>(() => new Map());
  if (findings.length === 0) return <Text>Nothing to fix.</Text>;
  const codes = [...new Set(findings.map((f) => f.code))].sort((a, b) =>
    codeLabel(a).localeCompare(codeLabel(b)),
  );
  const activeCode = codes.includes(code as Finding["code"]) ? code : ALL_CODES;
  const shown = filterFindings(findings, { severities, code: activeCode });
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.table ? `${f.sheet} ${f.table}` : f.sheet;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  // Errors first within a group; a stable sort keeps the sheet's order among equals.
  for (const items of groups.values())
    items.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const toggleSeverity = (s: Severity) =>
    setSeverities((now) => {
      const next = new Set(now);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  return (
    <div>
      <div className={styles.filters} role="group" aria-label="Filter findings">
        {ORDER.map((s) => {
          const count = findings.filter((f) => f.severity === s).length;
          return (
            <ToggleButton
              key={s}
              size="small"
              checked={severities.has(s)}
              className={severities.has(s) && count > 0 ? styles.pressed : undefined}
              onClick={() => toggleSeverity(s)}
              disabled={count === 0}
            >
              {severities.has(s) && <span aria-hidden="true">✓&nbsp;</span>}
              {`${PLURAL[s]} (${countText(count)})`}
            </ToggleButton>
          );
        })}
        <Dropdown
          inlinePopup
          listbox={INLINE_LISTBOX}
          size="small"
          aria-label="Finding code"
          className={styles.code}
          value={activeCode === ALL_CODES ? "All codes" : codeLabel(activeCode)}
          selectedOptions={[activeCode]}
          onOptionSelect={(_, d) => setCode(d.optionValue ?? ALL_CODES)}
        >
          <Option value={ALL_CODES}>All codes</Option>
          {codes.map((c) => (
            // The label names the option; the code (as in the CSV export and check --json)
            // is shown under it for those who know the codes.
            <Option key={c} value={c} text={codeLabel(c)}>
              <span className={styles.codeOption}>
                {codeLabel(c)}
                <Caption1 aria-hidden="true">{c}</Caption1>
              </span>
            </Option>
          ))}
        </Dropdown>
        {actions?.([...groups.values()].flat(), filterWords(severities, activeCode))}
      </div>
      <Caption1 as="p" aria-live="polite">
        {shown.length === findings.length
          ? plural(findings.length, "finding")
          : `${countText(shown.length)} of ${countText(findings.length)} findings shown`}
      </Caption1>
      <Accordion
        multiple
        collapsible
        openItems={[...groups.keys()].filter((g) => !closed.has(g))}
        onToggle={(_, d) =>
          setClosed((now) => {
            const next = new Set(now);
            if (next.has(String(d.value))) next.delete(String(d.value));
            else next.add(String(d.value));
            return next;
          })
        }
      >
        {[...groups].map(([group, items]) => (
          <AccordionItem key={group} value={group}>
            <AccordionHeader as="h2" size="small">
              <span className={styles.groupName}>
                {group} ({countText(items.length)})
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label={`Findings in ${group}`}>
                {items.slice(0, drawn.get(group) ?? FINDINGS_WINDOW).map((f) => {
                  const key = findingKey(f);
                  const help = key === chosen ? helpFor(f.code) : undefined;
                  return (
                    <li key={key}>
                      <Button
                        appearance="subtle"
                        className={styles.finding}
                        onClick={() => onSelect(f)}
                        aria-expanded={key === chosen}
                      >
                        <Caption1 className={styles.severity}>
                          <span
                            className={`${styles.mark} ${styles[f.severity]}`}
                            aria-hidden="true"
                          />
                          {LABEL[f.severity]}
                        </Caption1>
                        <span className={styles.where}>{f.cell}</span>
                        <span className={styles.message}>{f.message}</span>
                      </Button>
                      {help && (
                        <Caption1 className={styles.help}>
                          Why it matters: {help.why} How to fix: {help.fix}
                        </Caption1>
                      )}
                      {key === chosen && detail}
                    </li>
                  );
                })}
              </ul>
              {items.length > (drawn.get(group) ?? FINDINGS_WINDOW) && (
                <Button
                  size="small"
                  onClick={() =>
                    setDrawn((now) =>
                      new Map(now).set(
                        group,
                        (now.get(group) ?? FINDINGS_WINDOW) + FINDINGS_WINDOW,
                      ),
                    )
                  }
                >
                  {`Show ${countText(Math.min(FINDINGS_WINDOW, items.length - (drawn.get(group) ?? FINDINGS_WINDOW)))} more of ${countText(items.length)}`}
                </Button>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
