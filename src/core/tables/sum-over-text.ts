import type { SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import type { At } from "./money";

/**
 * What Excel's SUM would miss over these cells. SUM skips text, so a total written as =SUM over
 * a money cell typed as text computes less than the council's figure:
 *
 * - "read": an amount typed as text that reads as one ("£250,000", reported number-as-text).
 * - "unread": text that is no amount ("8O,500", reported not-a-number).
 *
 * Either way a typed total over it is left as the council typed it (a SUM would show less), and a
 * total the plan writes where there was none is a live SUM whose value is what Excel's SUM shows,
 * the text adding nothing: a text amount is never silently made a number in a written result.
 * - "none": SUM adds every amount there is (blanks, "-" for nil and "tbc" add nothing anyway).
 *
 * Funding totals and monthly full years both follow this rule. `planned` says which cells the
 * plan itself fills with numbers (they hold no text once written).
 */
export function textUnderSum(
  sheet: SheetSnapshot,
  cells: readonly At[],
  planned: (row: number, column: number) => boolean = () => false,
): "none" | "read" | "unread" {
  let read = false;
  for (const [r, c] of cells) {
    const value = sheet.rows[r]?.[c]?.value;
    if (typeof value !== "string" || planned(r, c)) continue;
    const parsed = parseMoney(value);
    if (parsed.kind === "text") return "unread";
    if (parsed.kind === "number") read = true;
  }
  return read ? "read" : "none";
}
