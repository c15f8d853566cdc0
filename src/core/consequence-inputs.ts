import { parseAddress } from "./a1";
import type { SheetSnapshot } from "./snapshot";
import { parseMoney } from "./values";

/**
 * What the knock-on rule (consequences.ts) puts right and follows: the amount a reported text cell
 * evidently means, and the cells a formula reads on its own sheet.
 */

/** The amount a text cell evidently means: "57,9OO" with a letter O for a zero is 57,900. */
export function intendedAmount(text: string): number | null {
  const direct = parseMoney(text);
  if (direct.kind === "number") return direct.value;
  const fixed = text
    .replace(/(?<=[\d,.])[oO]+|[oO]+(?=[\d,.])/g, (run) => "0".repeat(run.length))
    .replace(/(?<=\d)[lI]/g, "1");
  const parsed = parseMoney(fixed);
  return parsed.kind === "number" ? parsed.value : null;
}

const REF = /(?<![A-Z$!'])\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![\w(!])/gi;
const MAX_PRECEDENTS = 20_000;

/** Every cell a formula reads on its own sheet, through the formulas of those cells. */
export function precedents(sheet: SheetSnapshot, row: number, column: number): Set<string> {
  const seen = new Set<string>();
  const queue: [number, number][] = [[row, column]];
  while (queue.length > 0 && seen.size < MAX_PRECEDENTS) {
    const [r, c] = queue.pop() as [number, number];
    const formula = sheet.rows[r]?.[c]?.formula;
    // References to other sheets are left alone: the rule stays within the sheet it can read.
    if (!formula || formula.includes("!")) continue;
    for (const m of formula.matchAll(REF)) {
      const from = parseAddress(`${m[1] ?? ""}${m[2] ?? ""}`.toUpperCase());
      const to = m[3] ? parseAddress(`${m[3]}${m[4] ?? ""}`.toUpperCase()) : from;
      for (let rr = Math.min(from.row, to.row); rr <= Math.max(from.row, to.row); rr++)
        for (
          let cc = Math.min(from.column, to.column);
          cc <= Math.max(from.column, to.column);
          cc++
        ) {
          const key = `${rr},${cc}`;
          if (seen.has(key) || seen.size >= MAX_PRECEDENTS) continue;
          seen.add(key);
          queue.push([rr, cc]);
        }
    }
  }
  return seen;
}
