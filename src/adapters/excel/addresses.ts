import { parseA1Ref, tokenize } from "@borgar/fx";
import { ExcelHostError } from "./errors";

export interface Area {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export const LAST_ROW = 1_048_575;
export const LAST_COLUMN = 16_383;

/**
 * Areas of an address as Excel renders it: sheet names quoted when they hold spaces or punctuation
 * ("'Risks, 2025'!A1:F20", apostrophes doubled), whole rows and columns unbounded ("Sheet1!1:4",
 * "Sheet1!A:B"), RangeAreas joined by commas ("Sheet1!A1:B2, Sheet1!D4"). The splitting and
 * parsing are the formula tokenizer's (@borgar/fx), which knows Excel's quoting; a comma inside a
 * quoted sheet name is not a separator. Throws on anything that is not a list of references.
 */
export function parseAreas(address: string): Area[] {
  const areas: Area[] = [];
  const tokens = tokenize(address);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.type === "whitespace" || (token.type === "operator" && token.value === ",")) continue;
    // A sheet named TRUE or FALSE (any case) may come bare ("TRUE!A1:C4"): the tokenizer reads the
    // name as a boolean followed by "!". Only the area's coordinates matter here, so skip the name.
    if (token.type === "bool" && tokens[i + 1]?.value === "!") {
      i += 1;
      continue;
    }
    const ref = token.type.startsWith("range") ? parseA1Ref(token.value) : undefined;
    const range = ref && "range" in ref ? ref.range : undefined;
    if (!range)
      throw new ExcelHostError(
        "UnreadableAddress",
        `Excel returned an address Council Sheets cannot read: ${address}`,
      );
    areas.push({
      firstRow: range.top ?? 0,
      lastRow: range.bottom ?? LAST_ROW,
      firstColumn: range.left ?? 0,
      lastColumn: range.right ?? LAST_COLUMN,
    });
  }
  return areas;
}

/** Indexes from `first` to `last` that no area covers along `axis`: with visible areas, the hidden ones. */
export function notCovered(
  areas: readonly Area[],
  first: number,
  last: number,
  axis: "rows" | "columns",
): number[] {
  if (last < first) return [];
  const covered = new Uint8Array(last - first + 1);
  for (const a of areas) {
    const [from, to] = axis === "rows" ? [a.firstRow, a.lastRow] : [a.firstColumn, a.lastColumn];
    for (let i = Math.max(from, first); i <= Math.min(to, last); i++) covered[i - first] = 1;
  }
  const out: number[] = [];
  covered.forEach((v, i) => v === 0 && out.push(first + i));
  return out;
}

export function cellCount(areas: readonly Area[]): number {
  return areas.reduce(
    (n, a) => n + (a.lastRow - a.firstRow + 1) * (a.lastColumn - a.firstColumn + 1),
    0,
  );
}
