import type { CellValue } from "../snapshot";
import { bandOf, sortBands, type Band } from "./bands";

/**
 * The formulas written into risk registers, and their evaluation in the core. Each `...Value`
 * function computes exactly what Excel (and LibreOffice) compute for the matching formula, so the
 * cached values we write agree with a recalculation on every row — including rows with bad input.
 *
 * Two score formulas: plain numbers use COUNT so that a blank or text input gives "" instead of
 * #VALUE!. Text inputs are read as a number where they are one ("01", " 3 ") and otherwise by
 * their leading digit, as drop-down labels carry it ("3 - Likely"); that holds on 1–4 and 1–5 scales.
 */
export function scoreFormula(likelihood: string, impact: string, labelMode: boolean): string {
  const read = (ref: string) => `IFERROR(VALUE(TRIM(${ref})),VALUE(LEFT(TRIM(${ref}),1)))`;
  return labelMode
    ? `=IFERROR(${read(likelihood)}*${read(impact)},"")`
    : `=IF(COUNT(${likelihood},${impact})=2,${likelihood}*${impact},"")`;
}

/** What VALUE(TRIM(x)), else VALUE(LEFT(TRIM(x),1)), gives for the inputs we meet. */
function leadingDigit(value: CellValue): number | null {
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return value;
  const text = value.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const first = text.charAt(0);
  return /^\d$/.test(first) ? Number(first) : null;
}

export function scoreFormulaValue(
  likelihood: CellValue,
  impact: CellValue,
  labelMode: boolean,
): number | "" {
  if (labelMode) {
    const l = leadingDigit(likelihood);
    const i = leadingDigit(impact);
    return l === null || i === null ? "" : l * i;
  }
  return typeof likelihood === "number" && typeof impact === "number" ? likelihood * impact : "";
}

/**
 * How a rating column is read by the score formula: numbers, "3 - Likely" labels (their number,
 * and plain numbers too), or the words of a scale in order 1..n ("Rare", …, "Almost certain").
 */
export type AxisRead = { kind: "label" } | { kind: "words"; words: readonly string[] };

function readExpression(ref: string, mode: AxisRead): string {
  if (mode.kind === "label") return `IFERROR(VALUE(TRIM(${ref})),VALUE(LEFT(TRIM(${ref}),1)))`;
  // MATCH with match type 0 finds the first exactly equal value without regard to case, and reads
  // ? * ~ in the looked-up text as wildcards (learn.microsoft.com/en-us/office/vba/api/
  // excel.worksheetfunction.match; ECMA-376 Part 4, MATCH): readValue below does the same.
  return `MATCH(TRIM(${ref}),{${mode.words.map(quoted).join(",")}},0)`;
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

function readValue(value: CellValue, mode: AxisRead): number | null {
  if (mode.kind === "label") return leadingDigit(value);
  if (typeof value !== "string") return null;
  // Excel's MATCH reads * ? ~ in the looked-up text as wildcards; such a cell is no scale word.
  if (/[*?~]/.test(value)) return null;
  const text = value.trim().toLowerCase();
  const at = mode.words.findIndex((w) => w.toLowerCase() === text);
  return at < 0 ? null : at + 1;
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

/** Nested IFs from the top band down, matching `bandOf`: the greatest lower bound ≤ score wins. */
export function priorityFormula(score: string, bands: readonly Band[]): string {
  const sorted = sortBands(bands);
  const lowest = sorted[0];
  if (!lowest) throw new Error("priorityFormula needs at least one band");
  let expression = quoted(lowest.label);
  for (const band of sorted.slice(1)) {
    expression = `IF(${score}>=${band.from},${quoted(band.label)},${expression})`;
  }
  return `=IF(ISNUMBER(${score}),${expression},"")`;
}

export function priorityFormulaValue(score: number | "", bands: readonly Band[]): string {
  return typeof score === "number" ? bandOf(score, bands).label : "";
}
