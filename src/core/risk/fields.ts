import { matchField, normaliseHeader, type FieldMatch, type FieldSpec } from "../headers";
import { memoByText } from "../memo";

export type RiskField =
  | "id"
  | "title"
  | "likelihood"
  | "impact"
  | "score"
  | "priority"
  | "owner"
  | "reviewDate"
  | "project";

/** Fields that come once per assessment pair (inherent, current, residual, target). */
export type PairField = "likelihood" | "impact" | "score" | "priority";
export const PAIR_FIELDS: readonly PairField[] = ["likelihood", "impact", "score", "priority"];

export type PairName = "" | "inherent" | "current" | "residual" | "target";

const SPECS: readonly FieldSpec<RiskField>[] = [
  {
    field: "likelihood",
    synonyms: [
      "likelihood",
      "probability",
      "l",
      "p",
      "prob",
      "likelihood score",
      "likelihood rating",
      "chance",
    ],
  },
  {
    field: "impact",
    synonyms: [
      "impact",
      "severity",
      "consequence",
      "i",
      "impact score",
      "impact rating",
      "consequences",
    ],
  },
  {
    field: "score",
    synonyms: [
      "score",
      "risk score",
      "rating",
      "risk rating",
      "s",
      "l x i",
      "i x l",
      "lxi",
      "ixl",
      "p x i",
      "pxi",
      "overall score",
      "overall",
      "overall risk",
      "overall rating",
      "overall risk score",
      "overall risk rating",
      "total score",
    ],
  },
  {
    field: "priority",
    synonyms: [
      "priority",
      "risk priority",
      "rag",
      "rag status",
      "risk level",
      "level",
      "band",
      "risk band",
      "priority rating",
    ],
  },
  {
    field: "id",
    synonyms: [
      "id",
      "ref",
      "reference",
      "risk id",
      "risk ref",
      "risk reference",
      "risk no",
      "no",
      "number",
      "risk number",
      "ref no",
    ],
  },
  {
    field: "title",
    synonyms: [
      "title",
      "risk",
      "risk title",
      "description",
      "risk description",
      "risk name",
      "risk event",
      "risk detail",
      "details",
      "hazard",
      "issue",
    ],
  },
  {
    field: "owner",
    synonyms: [
      "owner",
      "risk owner",
      "responsible officer",
      "responsible",
      "lead officer",
      "accountable officer",
      "lead",
    ],
  },
  {
    field: "reviewDate",
    synonyms: [
      "review date",
      "next review",
      "next review date",
      "review due",
      "date of next review",
      "review by",
    ],
  },
  { field: "project", synonyms: ["project", "project name", "programme", "workstream"] },
];

const PAIR_WORDS: readonly [RegExp, Exclude<PairName, "">][] = [
  [
    /^(inherent|gross|initial|original|pre mitigation|pre control|unmitigated|before|pre|untreated|uncontrolled|without)$/,
    "inherent",
  ],
  [/^(current|present)$/, "current"],
  [
    /^(residual|net|post mitigation|post control|mitigated|after|post|revised|treated|controlled|with)$/,
    "residual",
  ],
  [/^(target|future|desired)$/, "target"],
];

/**
 * Words that say what a group is "before"/"after" ("Before controls", "Post-mitigation", "With
 * existing measures"): the pair is named by the word before them, so a group label drops them.
 */
const CONTROL_WORDS =
  /\b(controls?|mitigations?|mitigating|treatment|treatments|measures|actions|existing|in place|applied)\b/g;

function pairOf(word: string): Exclude<PairName, ""> | null {
  for (const [pattern, name] of PAIR_WORDS) if (pattern.test(word)) return name;
  return null;
}

/** Splits "Residual likelihood", "Likelihood (residual)", "Pre-mitigation L" into pair and rest. */
function splitPair(header: string): { pair: PairName; rest: string } {
  const words = header.split(" ");
  for (const take of [2, 1]) {
    if (words.length <= take) continue;
    const head = pairOf(words.slice(0, take).join(" "));
    if (head) return { pair: head, rest: words.slice(take).join(" ") };
    const tail = pairOf(words.slice(-take).join(" "));
    if (tail) return { pair: tail, rest: words.slice(0, -take).join(" ") };
  }
  return { pair: "", rest: header };
}

export interface RiskColumnMatch extends FieldMatch<RiskField> {
  pair: PairName;
}

/** What a header cell means in a risk register, or null. */
export const classifyRiskHeader = memoByText(classify);

/** "Residual risk", "Inherent risk rating", "Target": the pair a group label names, or "". */
export function pairOfLabel(label: string): PairName {
  const words = normaliseHeader(label)
    .replace(/\b(risk|risks|rating|assessment|score|scores|level|position)\b/g, " ")
    .replace(CONTROL_WORDS, " ")
    .trim()
    .replace(/\s+/g, " ");
  return words ? (pairOf(words) ?? "") : "";
}

/** "Risk level (L x I)", "Score (L×I)", "P x I": the product written out names the score column. */
const PRODUCT =
  /\b(l x i|i x l|likelihood x impact|impact x likelihood|lxi|ixl|p x i|i x p|pxi|ixp|probability x impact)\b/;

/**
 * What a column under a header block means: the group label over it ("Residual risk") names the
 * pair, its own words the field. Without a group, the words alone are classified.
 */
export function classifyRiskColumn(group: string | null, text: string): RiskColumnMatch | null {
  const own = classifyRiskHeader(text);
  if (!group) return own;
  // Nested groups ("Risk evaluation › Before controls"): the innermost label naming a pair wins.
  const labels = group.split(" › ").reverse();
  const pair = labels.map(pairOfLabel).find((p) => p !== "") ?? "";
  if (!pair || (own && own.pair)) return own;
  if (own && (PAIR_FIELDS as readonly string[]).includes(own.field)) return { ...own, pair };
  return own;
}

function classify(text: string): RiskColumnMatch | null {
  if (text.length > 60 || text.includes("=")) return null;
  const header = normaliseHeader(text);
  if (!header || /^\d+$/.test(header)) return null;
  if (PRODUCT.test(header.replace(/×/g, "x"))) {
    const { pair } = splitPair(header);
    return { field: "score", quality: 1, pair };
  }
  const { pair, rest } = splitPair(header);
  if (pair) {
    const m = matchField(rest, SPECS);
    if (m && (PAIR_FIELDS as readonly string[]).includes(m.field)) return { ...m, pair };
  }
  const m = matchField(header, SPECS);
  return m ? { ...m, pair: "" } : null;
}

export function pairTitle(pair: PairName): string {
  return pair ? pair.charAt(0).toUpperCase() + pair.slice(1) : "";
}
