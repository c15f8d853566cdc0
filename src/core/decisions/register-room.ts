import { rangeAddress, rangeCorners, reportRow } from "../a1";
import { rowIsBlank } from "../tables/bounds";
import { excelTableFor } from "../tables/excel-tables";
import { cellText, type ExcelTable, type WorkbookSnapshot } from "../snapshot";
import { DecisionImportError } from "./import-error";
import { isTotalRow, type DecisionsTable } from "./register";

/**
 * Where new decisions go in a register. Under its last row, as Excel adds a row to a table typed
 * just below it — and where the register is an Excel table (ListObject), inside it: the table's
 * range grows over the new rows (`growsTable` on the writes). A register ending in a Total row
 * (a "Total" line, or an Excel table's totals row) takes new decisions in the empty rows above the
 * Total, so they stay inside its formula; without one it is refused: no writer here inserts rows
 * (that would move every formula below as Excel does), so the officer adds a blank row first.
 */
export interface RegisterRoom {
  /**
   * Checks there is room for `count` new decisions before any is placed, so a refusal says how
   * many rows are needed and how many there are. @throws {DecisionImportError} "no-room"
   */
  reserve(count: number): void;
  /** The next row (0-based) for a new decision. @throws {DecisionImportError} "no-room" */
  take(): number;
  /** The Excel table the register is kept as, when new rows grow it; with its whole new range. */
  grows(): { name: string; range: string } | undefined;
}

function totalRowOf(
  snapshot: WorkbookSnapshot,
  table: DecisionsTable,
  excel: ExcelTable | undefined,
): number | null {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  if (!sheet) return null;
  if (excel?.showTotals) return excel.lastRow;
  const text = (row: number, field: "reference" | "title") => {
    const column = table.columns[field];
    return column === undefined ? "" : cellText(sheet.rows[row]?.[column] ?? undefined);
  };
  const isTotal = (r: number) =>
    isTotalRow({ reference: text(r, "reference"), title: text(r, "title") });
  const inside = table.dataRows.find(isTotal);
  if (inside !== undefined) return inside;
  // A Total a few blank rows below the register (blank rows end the register as read).
  for (let r = table.lastRow + 1; r <= table.lastRow + 5; r++) {
    if (rowIsBlank(sheet, r, table.firstColumn, table.lastColumn)) continue;
    return isTotal(r) ? r : null;
  }
  return null;
}

/**
 * Whether row `r` lies inside every range the Total row's formulas add up ("=SUM(I5:I7)"): a
 * decision written below a SUM's range is left out of it, so only rows inside count as room.
 * Structured references ("=SUBTOTAL(109,[Amount])") follow the Excel table and set no bound here.
 */
function insideTotals(
  snapshot: WorkbookSnapshot,
  table: DecisionsTable,
  total: number,
): (r: number) => boolean {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  const spans: [number, number][][] = [];
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const formula = sheet?.rows[total]?.[c]?.formula ?? "";
    const ranges = [...formula.matchAll(/(?<![!\w])\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/g)]
      .map((m) => rangeCorners(m[0]))
      .flatMap((corners) =>
        corners ? [[corners[0].row, corners[1].row] as [number, number]] : [],
      );
    if (ranges.length > 0) spans.push(ranges);
  }
  return (r) => spans.every((ranges) => ranges.some(([from, to]) => from <= r && r <= to));
}

const needs = (count: number) =>
  `needs ${count} empty ${count === 1 ? "row" : "rows"} for the new ${count === 1 ? "decision" : "decisions"}`;
const has = (count: number) => (count === 0 ? "has none" : `has only ${count}`);

export function registerRoom(snapshot: WorkbookSnapshot, table: DecisionsTable): RegisterRoom {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  const excel = sheet
    ? excelTableFor(sheet, table.headerRow, table.firstColumn, table.lastColumn)
    : undefined;
  const total = totalRowOf(snapshot, table, excel);
  const blank = (r: number) => !sheet || rowIsBlank(sheet, r, table.firstColumn, table.lastColumn);
  if (total !== null) {
    const lastDecision = Math.max(table.headerRow, ...table.decisions.map((d) => d.row));
    const free: number[] = [];
    const inside = insideTotals(snapshot, table, total);
    for (let r = lastDecision + 1; r < total; r++) if (blank(r) && inside(r)) free.push(r);
    let last = -1;
    return {
      reserve(count) {
        if (count <= free.length) return;
        throw new DecisionImportError(
          "no-room",
          `The decisions register on "${table.sheet}" ends with a Total row (row ${reportRow(total)}): ${needs(count)} above it and ${has(free.length)}; add ${count - free.length === 1 ? "a blank row" : `${count - free.length} blank rows`} above the Total (inside its formula's range), then import again`,
        );
      },
      take() {
        const row = free.shift();
        if (row === undefined)
          throw new DecisionImportError(
            "no-room",
            `The decisions register on "${table.sheet}" ends with a Total row (row ${reportRow(total)}) and has no empty row above it for a new decision: add a blank row above the Total (inside its formula's range), then import again`,
          );
        last = row;
        return row;
      },
      // A row inside the Total's range but below the Excel table (kept without a totals row): the
      // table grows over it, as it does when a row is typed just below it.
      grows: () =>
        excel && !excel.showTotals && last > excel.lastRow
          ? {
              name: excel.name,
              range: rangeAddress(excel.firstRow, excel.firstColumn, last, excel.lastColumn),
            }
          : undefined,
    };
  }
  let next = table.lastRow + 1;
  let last = -1;
  return {
    reserve(count) {
      let room = 0;
      while (room < count && blank(next + room)) room++;
      if (room >= count) return;
      // The register (or the Excel table it is kept as) grows into blank rows only: inserting rows
      // would move every cell and formula below it, which no writer here does.
      throw new DecisionImportError(
        "no-room",
        `The decisions register on "${table.sheet}" ${needs(count)} below it and ${has(room)} (row ${reportRow(next + room)} is in use); make room for ${count - room} more and import again`,
      );
    },
    take() {
      const row = next++;
      if (!blank(row))
        throw new DecisionImportError(
          "no-room",
          `The decisions register on "${table.sheet}" has no empty row below it (row ${reportRow(row)} is in use); make room and import again`,
        );
      last = row;
      return row;
    },
    grows: () =>
      excel && last > excel.lastRow
        ? {
            name: excel.name,
            range: rangeAddress(excel.firstRow, excel.firstColumn, last, excel.lastColumn),
          }
        : undefined,
  };
}
