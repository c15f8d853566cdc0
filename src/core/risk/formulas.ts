import type { CellValue } from "../snapshot";
import { bandOf, sortedOnce, type Band } from "../bands";

/**
 * The formulas written into risk registers, and their evaluation in the core. Each `...Value`
 * function computes exactly what Excel (and LibreOffice) compute for the matching formula, so the
 * cached values we write agree with a recalculation on every row — including rows with bad input.
 *
 * Two score formulas: plain numbers use COUNT so that a blank or text input gives "" instead of
 * #VALUE!. Text inputs are read by `labelExpression`: as a number where they are one ("01", " 3 "),
 * else by their leading one or two digits ("3 - Likely", "10. Severe"), else by the number in the
 * first brackets ("Likely (3)", "(3) Likely", "Likely [3]") — every label form check reads.
 */
export function scoreFormula(likelihood: string, impact: string, labelMode: boolean): string {
  return labelMode
    ? `=IFERROR(${labelExpression(likelihood)}*${labelExpression(impact)},"")`
    : `=IF(COUNT(${likelihood},${impact})=2,${likelihood}*${impact},"")`;
}

/**
 * VALUE(t); else, when t starts with a digit, VALUE of its first one or two digits; else VALUE of
 * what sits between the first "(" and the first ")" once [ ] are read as ( ). A unary minus on a
 * one-character text is a number only for a digit, so ISNUMBER(-MID(t,2,1)) asks "is the second
 * character a digit" (VALUE: learn.microsoft.com/en-us/office/excel/value-function).
 */
function labelExpression(ref: string): string {
  const t = `TRIM(${ref})`;
  const b = `SUBSTITUTE(SUBSTITUTE(${t},"[","("),"]",")")`;
  const leading = `VALUE(LEFT(${t},IF(ISNUMBER(-MID(${t},2,1)),2,1)))`;
  const bracketed = `VALUE(MID(${b},FIND("(",${b})+1,FIND(")",${b})-FIND("(",${b})-1))`;
  return `IFERROR(VALUE(${t}),IF(ISNUMBER(-LEFT(${t},1)),${leading},${bracketed}))`;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const isDigit = (c: string) => /^\d$/.test(c);

/** VALUE of a text, for the texts labels carry (plain decimals, spaces either side). */
function valueOfText(text: string): number | null {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : null;
}

/** What `labelExpression` gives for a cell: its number, or null where the formula errs. */
export function labelValue(value: CellValue): number | null {
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return value;
  // Excel's TRIM removes spaces only (not tabs or non-breaking spaces).
  const t = value.replace(/ +/g, " ").replace(/^ | $/g, "");
  const whole = valueOfText(t);
  if (whole !== null) return whole;
  if (isDigit(t.charAt(0))) return Number(t.slice(0, isDigit(t.charAt(1)) ? 2 : 1));
  const b = t.replace(/\[/g, "(").replace(/]/g, ")");
  const open = b.indexOf("(");
  const close = b.indexOf(")");
  if (open < 0 || close < 0 || close - open - 1 < 0) return null;
  return valueOfText(b.slice(open + 1, close));
}

export function scoreFormulaValue(
  likelihood: CellValue,
  impact: CellValue,
  labelMode: boolean,
): number | "" {
  if (labelMode) {
    const l = labelValue(likelihood);
    const i = labelValue(impact);
    return l === null || i === null ? "" : l * i;
  }
  return typeof likelihood === "number" && typeof impact === "number" ? likelihood * impact : "";
}

/**
 * How a rating column is read by the score formula: numbers and labels (`labelExpression`), the
 * words of a scale in order 1..n ("Rare", …, "Almost certain"), or — for labels the general
 * expression cannot read as check does — a lookup of the labels the column holds.
 */
export type AxisRead =
  | { kind: "label" }
  | { kind: "words"; words: readonly string[] }
  | { kind: "lookup"; labels: readonly string[]; numbers: readonly number[] };

function readExpression(ref: string, mode: AxisRead): string {
  if (mode.kind === "label") return labelExpression(ref);
  // MATCH with match type 0 finds the first exactly equal value without regard to case, and reads
  // ? * ~ in the looked-up text as wildcards (learn.microsoft.com/en-us/office/vba/api/
  // excel.worksheetfunction.match; ECMA-376 Part 4, MATCH): readValue below does the same.
  if (mode.kind === "words") return `MATCH(TRIM(${ref}),{${mode.words.map(quoted).join(",")}},0)`;
  const labels = mode.labels.map(quoted).join(",");
  const numbers = mode.numbers.join(",");
  return `IFERROR(VALUE(TRIM(${ref})),CHOOSE(MATCH(TRIM(${ref}),{${labels}},0),${numbers}))`;
}

/** The score formula of a register whose ratings include words: each axis read its own way. */
export function wordScoreFormula(
  likelihood: string,
  impact: string,
  likelihoodRead: AxisRead,
  impactRead: AxisRead,
): string {
  return `=IFERROR(${readExpression(likelihood, likelihoodRead)}*${readExpression(impact, impactRead)},"")`;
}

function matchAt(value: CellValue, list: readonly string[]): number {
  if (typeof value !== "string") return -1;
  // Excel's MATCH reads * ? ~ in the looked-up text as wildcards; such a cell matches no word.
  if (/[*?~]/.test(value)) return -1;
  const text = value.trim().toLowerCase();
  return list.findIndex((w) => w.toLowerCase() === text);
}

export function readValue(value: CellValue, mode: AxisRead): number | null {
  if (mode.kind === "label") return labelValue(value);
  if (mode.kind === "words") {
    const at = matchAt(value, mode.words);
    return at < 0 ? null : at + 1;
  }
  if (typeof value === "number") return value;
  if (typeof value === "string" && valueOfText(value) !== null) return valueOfText(value);
  return mode.numbers[matchAt(value, mode.labels)] ?? null;
}

export function wordScoreFormulaValue(
  likelihood: CellValue,
  impact: CellValue,
  likelihoodRead: AxisRead,
  impactRead: AxisRead,
): number | "" {
  const l = readValue(likelihood, likelihoodRead);
  const i = readValue(impact, impactRead);
  return l === null || i === null ? "" : l * i;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A placeholder for the score's address: no cell address or band label holds a NUL. */
const SCORE = "\u0000";
/** Each band list's formula split at the score's address, built once and joined per row. */
const formulaParts = new WeakMap<readonly Band[], string[]>();

/**
 * The least score any band holds: no score of a 1-based scale is below 1, so 0 (a blank
 * likelihood times an impact, as a council's own =C10*D10 gives) or a negative score is in no
 * band, unless the key's lowest band starts lower ("0-3 Low").
 */
function leastBandedScore(bands: readonly Band[]): number {
  return Math.min(1, sortedOnce(bands)[0]?.from ?? 1);
}

/**
 * Nested IFs from the top band down, matching `bandOf`: the greatest lower bound ≤ score wins; a
 * score in no band gives "", as `priorityFormulaValue` does, so the value saved is the value
 * Excel recalculates.
 */
export function priorityFormula(score: string, bands: readonly Band[]): string {
  let parts = formulaParts.get(bands);
  if (!parts) {
    const sorted = sortedOnce(bands);
    const lowest = sorted[0];
    if (!lowest) throw new Error("priorityFormula needs at least one band");
    let expression = `IF(${SCORE}>=${leastBandedScore(bands)},${quoted(lowest.label)},"")`;
    for (const band of sorted.slice(1)) {
      expression = `IF(${SCORE}>=${band.from},${quoted(band.label)},${expression})`;
    }
    parts = `=IF(ISNUMBER(${SCORE}),${expression},"")`.split(SCORE);
    formulaParts.set(bands, parts);
  }
  return parts.join(score);
}

export function priorityFormulaValue(score: number | "", bands: readonly Band[]): string {
  return typeof score === "number" && score >= leastBandedScore(bands)
    ? bandOf(score, bands).label
    : "";
}
