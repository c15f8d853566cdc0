import { finding, type Finding } from "../findings";
import { cellText } from "../snapshot";
import { parseMoney } from "../values";
import { headerText, type TableRef } from "./totals";

/**
 * Lines whose budget (or forecast) is "tbc": the money is not known yet, so the line is left out
 * of the variance and of the totals rather than compared against zero. Shared by every kind with
 * lines of money (budget tables, projects with money, monthly profiles): each says which rows and
 * which column, this says it the same way everywhere, and `TableRef.unconfirmedLines` makes the
 * totals lenient over them (tables/totals.ts `checkTotal`).
 */

/** The rows whose cell in `column` is "tbc", "to be confirmed" and the like. */
export function unconfirmedRows(
  ref: TableRef,
  rows: readonly number[],
  column: number | undefined,
): number[] {
  if (column === undefined) return [];
  return rows.filter(
    (r) => parseMoney(ref.sheet.rows[r]?.[column]?.value ?? null).kind === "unconfirmed",
  );
}

/**
 * One info note per line: "Budget tbc for Homelessness Prevention: left out of variance and
 * totals". It is said under the code for money not yet confirmed, as information: nothing to fix.
 */
export function unconfirmedLineNotes(
  ref: TableRef,
  rows: readonly number[],
  column: number,
  nameOf: (row: number) => string,
  what: string = headerText(ref, column),
  leftOutOf = "variance and totals",
): Finding[] {
  return rows.map((row) => {
    const name = nameOf(row) || `row ${row + 1}`;
    // Said as the cell says it: "n/a", "to be confirmed" or "pending" is not "tbc".
    const typed = cellText(ref.sheet.rows[row]?.[column] ?? undefined);
    const stated = /^tbc\.?$/i.test(typed) || typed === "" ? "tbc" : `"${typed}"`;
    return {
      ...finding(
        "unconfirmed-funding",
        ref.sheet.name,
        row,
        column,
        `${what} ${stated} for ${name}: left out of ${leftOutOf}`,
        { table: ref.range },
      ),
      severity: "info" as const,
    };
  });
}
