import { rangeAddress, reportRow } from "../a1";
import type { AddSheet, ColumnWrite, PlannedCell, SheetCell, WriteOperation } from "../plan";
import { uniqueSheetName } from "../sheet-names";
import type { CellValue, WorkbookSnapshot } from "../snapshot";
import { columnScale } from "../tables/scale";
import { REGISTER_FIELDS, type DecisionRecord, type RegisterField } from "./record";
import { DecisionImportError } from "./import-error";
import { detectDecisionRegisters, type DecisionsTable } from "./register";
import { registerRoom } from "./register-room";
import { financialYearColumn, financialYearText } from "./register-year";
import { batchKey, sameDecisions, statesNoDecision } from "./register-rows";
import {
  DATES,
  formatFor,
  formatOf,
  MONEY_FORMAT,
  registerValue,
  sameCell,
  yearly,
} from "./register-values";
import { roundToPence } from "../tables/money";

/**
 * Adding decision records to a workbook's decisions register: the register it already keeps
 * (found as laid out, whatever its column names) gains a row per new decision and has the rows of
 * decisions it already holds brought up to date; a workbook without one gets a "Decisions" sheet.
 * That sheet is the council's register, not one of ours: it carries no own-sheet mark and is
 * analysed like any other table.
 */
export { DecisionImportError };

export interface ImportedRow {
  reference: string | null;
  title: string | null;
  /** "unchanged": the register's row already holds every value the record states. */
  action: "added" | "updated" | "unchanged";
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  /** Fields the record states that the register has no column for. */
  notWritten: RegisterField[];
  /** Years the record approves amounts for that the register has no year column for ("2025/26"). */
  yearsNotWritten: string[];
  /** Which of the imported records this row is (0-based, in the order given). */
  record: number;
  /**
   * Other register rows (1-based) holding the same decision: a register listing a reference twice.
   * Only the first is updated; the report shows the others as a warning.
   */
  duplicateRows: number[];
}

export interface DecisionImportPlan {
  operations: WriteOperation[];
  rows: ImportedRow[];
  /** The register written to, or the new sheet's name. */
  sheet: string;
  created: boolean;
}

function extendRegister(
  snapshot: WorkbookSnapshot,
  table: DecisionsTable,
  records: readonly DecisionRecord[],
): DecisionImportPlan {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  const range = rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn);
  const cells = new Map<RegisterField, PlannedCell[]>();
  const rows: ImportedRow[] = [];
  const placed = new Map<string, number>();
  const yearCells = new Map<number, PlannedCell[]>();
  const room = registerRoom(snapshot, table);
  const fyColumn = financialYearColumn(sheet, table);
  const fyCells: PlannedCell[] = [];
  // How many rows the new decisions take: records naming a decision the register (or an earlier
  // record of this import) holds take none.
  const named = new Set<string>();
  let adding = 0;
  for (const record of records) {
    const key = batchKey(record);
    if ((key !== null && named.has(key)) || sameDecisions(table, record).length > 0) continue;
    if (key !== null) named.add(key);
    adding += 1;
  }
  room.reserve(adding);
  // Amounts go in the column's own units: 97.71 in "Approved £'000", as the reader takes them back.
  const inUnits = (column: number, pounds: number) => {
    const { multiplier } = sheet ? columnScale(sheet, table.headerRow, column) : { multiplier: 1 };
    // Every penny kept (18116.521 in £'000 for £18,116,521): the reader multiplies back exactly.
    return multiplier === 1 ? pounds : roundToPence(pounds) / multiplier;
  };
  for (const [index, record] of records.entries()) {
    const key = batchKey(record);
    const earlier = key === null ? undefined : placed.get(key);
    const holding = sameDecisions(table, record);
    let row = earlier ?? holding[0] ?? null;
    let action: ImportedRow["action"] = row === null ? "added" : "updated";
    if (row === null) row = room.take();
    if (key !== null) placed.set(key, row);
    const notWritten: RegisterField[] = [];
    const rowCells: [RegisterField, number, CellValue][] = [];
    for (const [field] of REGISTER_FIELDS) {
      const value = registerValue(record, field);
      if (value === null) continue;
      const column = table.columns[field];
      if (column === undefined) {
        notWritten.push(field);
        continue;
      }
      const written =
        field === "amountApproved" && typeof value === "number" ? inUnits(column, value) : value;
      rowCells.push([field, column, written]);
    }
    // A row already holding what the record states is left alone and said to be unchanged.
    const existing = earlier === undefined && holding[0] !== undefined;
    const differs = ([, column, value]: [unknown, number, CellValue]) =>
      !sameCell(sheet?.rows[row]?.[column]?.value ?? null, value);
    for (const [field, , value] of existing ? rowCells.filter(differs) : rowCells) {
      const list = cells.get(field) ?? [];
      list.push({ row, formula: null, value });
      cells.set(field, list);
    }
    // A register with year columns ("2024/25") gets the amount approved for each year stated.
    const yearsNotWritten: string[] = [];
    let yearChanged = false;
    for (const { year, amount } of yearly(record)) {
      const column = [...table.years].find(([, y]) => y === year)?.[0];
      if (column === undefined) {
        if (record.amountsByYear.length > 1) yearsNotWritten.push(year);
        continue;
      }
      const value = inUnits(column, amount);
      if (existing && !differs([null, column, value])) continue;
      yearCells.set(column, [...(yearCells.get(column) ?? []), { row, formula: null, value }]);
      yearChanged = true;
    }
    // The register's own year column, left blank, takes the financial year of the decision.
    const decided = record.dateOfDecision.value;
    const heldYear = fyColumn === null ? null : sheet?.rows[row]?.[fyColumn]?.value;
    if (fyColumn !== null && decided && (heldYear ?? "") === "") {
      const value = financialYearText(decided, sheet, table, fyColumn);
      if (value) fyCells.push({ row, formula: null, value });
    }
    if (existing && !yearChanged && !rowCells.some(differs)) action = "unchanged";
    rows.push({
      reference: record.reference.value,
      title: record.title.value,
      action,
      sheet: table.sheet,
      row: row + 1,
      notWritten,
      yearsNotWritten,
      record: index,
      duplicateRows: holding.slice(1).map(reportRow),
    });
  }
  // A register kept as an Excel table grows over the rows added just below it.
  const grows = room.grows();
  const growth = grows ? { growsTable: grows } : {};
  const operations: ColumnWrite[] = [...cells].map(([field, planned]): ColumnWrite => {
    const column = table.columns[field] as number;
    const format = formatFor(sheet, table, column, formatOf(field), DATES.has(field));
    return {
      kind: "column",
      sheet: table.sheet,
      table: range,
      column,
      title: REGISTER_FIELDS.find(([f]) => f === field)?.[1] ?? field,
      header: null,
      cells: planned,
      ...(format ? { numberFormat: format } : {}),
      ...growth,
    };
  });
  for (const [column, planned] of yearCells) {
    const format = formatFor(sheet, table, column, MONEY_FORMAT, false);
    operations.push({
      kind: "column",
      sheet: table.sheet,
      table: range,
      column,
      title: table.years.get(column) ?? "",
      header: null,
      cells: planned,
      ...(format ? { numberFormat: format } : {}),
      ...growth,
    });
  }
  if (fyColumn !== null && fyCells.length > 0) {
    const title = sheet?.rows[table.headerRow]?.[fyColumn]?.value;
    operations.push({
      kind: "column",
      sheet: table.sheet,
      table: range,
      column: fyColumn,
      title: typeof title === "string" ? title : "Year",
      header: null,
      cells: fyCells,
      ...growth,
    });
  }
  return { operations, rows, sheet: table.sheet, created: false };
}

function newRegister(
  snapshot: WorkbookSnapshot,
  records: readonly DecisionRecord[],
): DecisionImportPlan {
  const name = uniqueSheetName(
    "Decisions",
    snapshot.sheets.map((s) => s.name),
  );
  const cells: SheetCell[] = REGISTER_FIELDS.map(([, heading], column) => ({
    row: 0,
    column,
    formula: null,
    value: heading,
    bold: true,
    wrap: true,
  }));
  // Amounts approved year by year get a column per year ("2024/25"), so over-approval can be
  // checked per year as well as in total.
  const years = [...new Set(records.flatMap((r) => r.amountsByYear.map((y) => y.year)))].sort();
  years.forEach((year, k) =>
    cells.push({
      row: 0,
      column: REGISTER_FIELDS.length + k,
      formula: null,
      value: year,
      bold: true,
      wrap: true,
    }),
  );
  const rows: ImportedRow[] = [];
  const placed = new Map<string, number>();
  let next = 1;
  for (const [index, record] of records.entries()) {
    const key = batchKey(record);
    const earlier = key === null ? undefined : placed.get(key);
    const row = earlier ?? next++;
    for (const { year, amount } of record.amountsByYear)
      cells.push({
        row,
        column: REGISTER_FIELDS.length + years.indexOf(year),
        formula: null,
        value: amount,
        numberFormat: MONEY_FORMAT,
      });
    if (key !== null) placed.set(key, row);
    REGISTER_FIELDS.forEach(([field], column) => {
      const value = registerValue(record, field);
      if (value === null) return;
      const format = formatOf(field);
      cells.push({
        row,
        column,
        formula: null,
        value,
        ...(format ? { numberFormat: format } : {}),
        wrap: field === "title",
      });
    });
    // Every record is reported; a later record naming the same decision updates its row.
    rows.push({
      reference: record.reference.value,
      title: record.title.value,
      action: earlier === undefined ? "added" : "updated",
      sheet: name,
      row: row + 1,
      notWritten: [],
      yearsNotWritten: [],
      record: index,
      duplicateRows: [],
    });
  }
  const last = Math.max(1, next - 1);
  const op: AddSheet = {
    kind: "add-sheet",
    sheet: name,
    table: rangeAddress(0, 0, last, REGISTER_FIELDS.length + years.length - 1),
    title: "Decisions register",
    cells,
    columnWidths: [
      ...[18, 48, 28, 18, 10, 10, 12, 12, 12, 16, 28, 12, 12, 18, 24],
      ...years.map(() => 14),
    ],
  };
  return { operations: [op], rows, sheet: name, created: true };
}

/**
 * The writes that put the records into the workbook's decisions register.
 *
 * @throws {DecisionImportError} "not-a-record" for text that states no decision, "no-room" when
 * the register cannot grow where it is.
 */
export function planDecisionImport(
  snapshot: WorkbookSnapshot,
  records: readonly DecisionRecord[],
): DecisionImportPlan {
  // Such a record would take a blank row, and a blank row ends the register for every later read.
  const empty = records.find(statesNoDecision);
  if (empty)
    throw new DecisionImportError(
      "not-a-record",
      `${empty.sourceFile || "The record"} does not read as a decision record: no reference, title, decision maker, status or date of decision found`,
    );
  const register = snapshot.sheets
    .filter((s) => s.ours === undefined)
    .flatMap((s) => detectDecisionRegisters(s, new Set()))[0];
  return register ? extendRegister(snapshot, register, records) : newRegister(snapshot, records);
}
