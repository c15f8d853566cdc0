import { parseAddress, rangeAddress } from "./a1";
import type { TableBounds } from "./tables/bounds";
import type { WriteOperation } from "./plan";
import { isEmptyCell, type SheetSnapshot } from "./snapshot";
import { headerPlace, placeHeader } from "./new-header";

/** The last column a sheet can have (XFD), 0-based. */
const LAST_COLUMN = 16383;

interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function mergedAreas(sheet: SheetSnapshot): Area[] {
  return sheet.merges.map((m) => {
    const [from, to] = m.split(":");
    const a = parseAddress(from ?? "A1");
    const b = parseAddress(to ?? from ?? "A1");
    return { top: a.row, bottom: b.row, left: a.column, right: b.column };
  });
}

/** True when the cell is part of a merged range (a merged header, a merged title…). */
export function inMerge(sheet: SheetSnapshot, row: number, column: number): boolean {
  return mergedAreas(sheet).some(
    (m) => m.top <= row && row <= m.bottom && m.left <= column && column <= m.right,
  );
}

/**
 * True when `count` columns from `first` hold nothing between rows `top` and `bottom`: no value,
 * no formula, and no part of a merged range (a merged group header's hidden cells read as empty
 * but belong to the merge).
 */
export function columnsFree(
  sheet: SheetSnapshot,
  top: number,
  bottom: number,
  first: number,
  count: number,
): boolean {
  for (let r = top; r <= bottom; r++) {
    for (let c = first; c < first + count; c++) {
      if (!isEmptyCell(sheet.rows[r]?.[c] ?? undefined)) return false;
    }
  }
  return !mergedAreas(sheet).some(
    (m) => m.top <= bottom && top <= m.bottom && m.left < first + count && first <= m.right,
  );
}

/** True when any of `count` columns from `first` is a narrow spacer (snapshot.narrowColumns). */
export function narrowIn(sheet: SheetSnapshot, first: number, count: number): boolean {
  const last = first + count - 1;
  return (sheet.narrowColumns ?? []).some((n) => n.first <= last && first <= n.last);
}

/**
 * How new calculated columns are placed. "edge": they belong to the table as a whole (variance,
 * year totals), so any free columns at its right edge will do. "beside": they belong to the
 * block they close (a likelihood/impact pair's score and priority), which may sit inside a wider
 * header; when that header carries on to the right, the columns must go between existing ones.
 */
export type Placement = "edge" | "beside";

/**
 * Where a table's new calculated columns go. Nothing of the user's is written over: not a value,
 * not a formula, not a merged header cell. The columns right beside the table are used when
 * they are free; otherwise the first free columns further right, so that the rest of the sheet
 * keeps its place. Columns are inserted only when they must sit between existing ones (a block
 * placed "beside" whose header carries on), or when no free columns are left.
 */
export function newColumns(
  sheet: SheetSnapshot,
  table: TableBounds & { headerRows?: readonly number[] },
  count: number,
  placement: Placement = "edge",
  headers: readonly string[] = [],
  /** Never let the new columns' header touch other header text (see `closesGap`). */
  keepApart = false,
): { first: number; range: string; operations: WriteOperation[] } {
  const range = rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn);
  const beside = table.lastColumn + 1;
  // The same columns written by an earlier apply (past a note or another table, so the next
  // reading does not take them as the table's): they are used again, never added a second time.
  const earlier = count > 0 ? earlierColumns(sheet, table, headers) : null;
  if (earlier !== null) return { first: earlier, range, operations: [] };
  // A narrow blank column is a council's spacer between blocks, not room: it is passed over.
  const room = (first: number) =>
    columnsFree(sheet, table.headerRow, table.lastRow, first, count) &&
    !narrowIn(sheet, first, count);
  const headerRows = table.headerRows ?? [table.headerRow];
  // Kept apart (a register, whose header reading joins whatever header text it meets): new
  // columns whose header would touch another table's (a side table one blank column away) close
  // the only gap between them, and the next reading takes the two for one table. They are then
  // inserted beside the table instead: the gap moves right with what it separated, and other
  // tables' writes on the sheet shift with the insert (a run further right might be theirs).
  const headerAt = (column: number) =>
    column >= 0 &&
    headerRows.some(
      (r) => !isEmptyCell(sheet.rows[r]?.[column] ?? undefined) || inMerge(sheet, r, column),
    );
  const closesGap = (first: number) =>
    keepApart && (headerAt(first + count) || (first !== beside && headerAt(first - 1)));
  const insert = (): WriteOperation[] => [
    { kind: "insert-columns", sheet: sheet.name, table: range, column: beside, count },
  ];
  if (count === 0) return { first: beside, range, operations: [] };
  if (room(beside)) return { first: beside, range, operations: closesGap(beside) ? insert() : [] };
  const header = sheet.rows[table.headerRow]?.[beside];
  // The column beside holds something in the table's rows (it is not free). A header beside with
  // text is read into the table (header-block.ts), so what is left is a blank header: when known
  // to be merged (a blank header merged down, P5:P6) the block's header carries on and the insert
  // is taken. When the host cannot say where merges are (Excel before ExcelApi 1.13), a header of
  // two or more rows that is blank all the way down beside the table is taken as such a merge:
  // inserting is safe whatever is merged (an inserted column is empty and Excel's Range.insert
  // moves the merges with the cells). A one-row header is not: a blank merged-down header needs
  // two rows, and guessing there would plan an insert where the known sheet plans none.
  const possiblyMergedDown =
    sheet.mergesUnknown === true &&
    headerRows.length > 1 &&
    headerRows.every((r) => isEmptyCell(sheet.rows[r]?.[beside] ?? undefined));
  const headerCarriesOn =
    !isEmptyCell(header ?? undefined) ||
    inMerge(sheet, table.headerRow, beside) ||
    possiblyMergedDown;
  if (placement === "beside" && headerCarriesOn)
    return { first: beside, range, operations: insert() };
  for (let first = beside + 1; first + count - 1 <= LAST_COLUMN; first++)
    if (room(first))
      return closesGap(first)
        ? { first: beside, range, operations: insert() }
        : { first, range, operations: [] };
  return { first: beside, range, operations: insert() };
}

/**
 * The first column of a run, right of the table, whose headers are exactly `headers`: in the row
 * naming the columns, where a header block has the new headers written (new-header.ts).
 */
function earlierColumns(
  sheet: SheetSnapshot,
  table: TableBounds & { headerRows?: readonly number[] },
  headers: readonly string[],
): number | null {
  if (headers.length === 0) return null;
  const row = sheet.rows[headerPlace(sheet, table).names] ?? [];
  const same = (c: number, text: string) => {
    const cell = row[c];
    return (
      typeof cell?.value === "string" && cell.value.trim().toLowerCase() === text.toLowerCase()
    );
  };
  for (let first = table.lastColumn + 1; first + headers.length <= row.length; first++)
    if (headers.every((h, i) => same(first + i, h))) return first;
  return null;
}

/** Unit labels a units row holds under a header: "£'000", "£000", "£m", "£k", "%", "£". */
const UNIT =
  /^\(?\s*(?:[£$€]\s*(?:'?000s?|k|m|bn|millions?|thousands?)?|%|'?000s?|pence|p)\s*\)?$/i;

/** True when a row of the table holds unit labels and nothing else: it is part of the header. */
export function isUnitsRow(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): boolean {
  let units = 0;
  for (let c = first; c <= last; c++) {
    const cell = sheet.rows[row]?.[c];
    if (isEmptyCell(cell ?? undefined)) continue;
    if (cell?.formula || typeof cell?.value !== "string" || !UNIT.test(cell.value.trim()))
      return false;
    units++;
  }
  return units > 0;
}

/** "tbc", "n/a", "-": an amount not yet known stands where a figure would. */
const NOT_YET_KNOWN = /^(tbc|tba|n\/?a|nil|-)$/i;

/** True when a row holds an amount (a number, a formula, or a "tbc" in its place). */
function holdsFigure(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  for (let c = first; c <= last; c++) {
    const cell = sheet.rows[row]?.[c];
    if (typeof cell?.value === "number" || cell?.formula) return true;
    if (typeof cell?.value === "string" && NOT_YET_KNOWN.test(cell.value.trim())) return true;
  }
  return false;
}

/**
 * The last safeguard on a table's planned writes: no cell is written into a units row or into
 * a merged range, and a new column is written only into empty cells and only when it has cells
 * to hold (a header over nothing says nothing). In existing calculated columns typed values and
 * blanks are rewritten (that is what the columns are for), formulas never: a council's formula
 * is checked and reported, not replaced, and one we wrote before stays as it is.
 */
export function guardWrites(
  sheet: SheetSnapshot,
  table: TableBounds & { headerRows?: readonly number[] },
  operations: readonly WriteOperation[],
  { money = false }: { money?: boolean } = {},
): WriteOperation[] {
  const last = Math.max(
    table.lastColumn,
    ...operations.map((op) => (op.kind === "column" ? op.column : 0)),
  );
  const unitsRows = new Map<number, boolean>();
  const isUnits = (row: number) => {
    let known = unitsRows.get(row);
    if (known === undefined) {
      known = row !== table.headerRow && isUnitsRow(sheet, row, table.firstColumn, last);
      unitsRows.set(row, known);
    }
    return known;
  };
  // In a money table the rows above the first figure are header rows (sub-headers, units) even
  // when the detector counted them as data: nothing is written there.
  const firstFigure = money
    ? (table.dataRows.find((r) => holdsFigure(sheet, r, table.firstColumn, table.lastColumn)) ??
      Infinity)
    : -1;
  const place = headerPlace(sheet, table);
  const out: WriteOperation[] = [];
  for (const op of operations) {
    if (op.kind !== "column") {
      out.push(op);
      continue;
    }
    const isNew = op.header !== null;
    // After an insert the new column is empty, whatever the snapshot held there before.
    const inserted = operations.some(
      (o) => o.kind === "insert-columns" && o.table === op.table && o.column <= op.column,
    );
    const blocked = (row: number) =>
      (row > table.headerRow && row < firstFigure) ||
      isUnits(row) ||
      (!inserted &&
        (inMerge(sheet, row, op.column) ||
          (isNew && !isEmptyCell(sheet.rows[row]?.[op.column] ?? undefined))));
    // A formula the council keeps in an existing column is theirs: it is checked (a finding
    // says where it disagrees) but never replaced, and our own formula already there is left
    // as it is. Only typed values and blanks in a calculated column are written.
    const keeps = (c: { row: number; formula: string | null }) => {
      if (isNew || inserted) return false;
      const held = sheet.rows[c.row]?.[op.column]?.formula;
      return held !== undefined && held !== "";
    };
    const cells = op.cells.filter((c) => !blocked(c.row) && !keeps(c));
    // Nothing left to write (a new column over nothing, or every cell already a formula).
    if (cells.length === 0) continue;
    const kept = cells.length === op.cells.length ? op : { ...op, cells };
    // In a header block the new header goes into the row naming the columns, its unit into the
    // units row: cells of the header, written only where nothing (and no merge) is.
    const placed = placeHeader(sheet, table, kept, place, money);
    const free = (row: number) =>
      inserted ||
      (!inMerge(sheet, row, op.column) && isEmptyCell(sheet.rows[row]?.[op.column] ?? undefined));
    if (placed.header && (isUnits(placed.header.row) || !free(placed.header.row))) continue;
    const unitRow = placed.cells.length > kept.cells.length ? place.units : null;
    out.push(
      unitRow !== null && !free(unitRow) ? { ...placed, cells: placed.cells.slice(1) } : placed,
    );
  }
  return out;
}
