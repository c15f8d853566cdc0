import { parseAddress, reportRow } from "../a1";
import { finding, type Finding } from "../findings";
import type { WriteOperation } from "../plan";
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
 * An unconfirmed amount said as the cell says it: "n/a", "awaiting" or "TBC - bid pending" is not
 * "tbc", so it is quoted; a plain "tbc" (or a blank) is said tbc.
 */
export function unconfirmedWords(typed: string): string {
  const text = typed.trim();
  return /^tbc\.?$/i.test(text) || text === "" ? "tbc" : `"${text}"`;
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
    const name = nameOf(row) || `row ${reportRow(row)}`;
    const stated = unconfirmedWords(cellText(ref.sheet.rows[row]?.[column] ?? undefined));
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

/**
 * The council's own typed judgement on an unconfirmed line (a RAG "Amber", a Status, a Variance
 * typed as text or a figure) has nothing for our formulas to compare against: they would show
 * blank there and lose it. The first rule is never damage what the council had, so those cells
 * are left as typed. Returns, per row, the calculated columns holding a typed value.
 */
export function typedOnUnconfirmed(
  ref: TableRef,
  rows: readonly number[],
  columns: readonly (number | undefined)[],
): Map<number, number[]> {
  const kept = new Map<number, number[]>();
  for (const row of rows) {
    const typed = columns.filter((c): c is number => {
      if (c === undefined) return false;
      const cell = ref.sheet.rows[row]?.[c];
      return !cell?.formula && cellText(cell ?? undefined).trim() !== "";
    });
    if (typed.length > 0) kept.set(row, typed);
  }
  return kept;
}

/** The written columns without the cells `typedOnUnconfirmed` keeps: those stay as typed. */
export function skipTypedCells(
  operations: readonly WriteOperation[],
  kept: ReadonlyMap<number, readonly number[]>,
): WriteOperation[] {
  if (kept.size === 0) return [...operations];
  return operations.map((op) =>
    op.kind !== "column" || op.header !== null
      ? op
      : { ...op, cells: op.cells.filter((c) => !kept.get(c.row)?.includes(op.column)) },
  );
}

/** The tbc notes, each saying which of the line's typed cells were left as typed: `RAG "Amber"`. */
export function withTypedKept(
  ref: TableRef,
  notes: readonly Finding[],
  kept: ReadonlyMap<number, readonly number[]>,
): Finding[] {
  return notes.map((note) => {
    const row = parseAddress(note.cell).row;
    const columns = kept.get(row);
    if (!columns) return note;
    const said = columns
      .map((c) => `${headerText(ref, c)} "${cellText(ref.sheet.rows[row]?.[c] ?? undefined)}"`)
      .join(", ");
    return { ...note, message: `${note.message}; ${said} left as typed` };
  });
}
