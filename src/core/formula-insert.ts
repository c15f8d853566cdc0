import { parseA1Ref, toCol, tokenize, tokenTypes, type RangeA1 } from "@borgar/fx";

/**
 * References in formula text, moved the way Excel moves them when columns are inserted or a
 * formula is filled. Formulas are read with @borgar/fx's tokenizer, so string literals, function
 * names ("LOG10"), defined names, structured references and quoted sheet names are never taken
 * for references; only the column and row parts of real references are rewritten, and the rest
 * of the text is kept as written.
 */

/** Columns inserted on one sheet: `count` new columns at 0-based `column`. */
export interface ColumnInsert {
  sheet: string;
  column: number;
  count: number;
}

/** The last column index Excel has (XFD). */
export const MAX_COLUMN = 16383;
/** The last row index Excel has (1048576). */
export const MAX_ROW = 1048575;

/** What a reference becomes: a new range, `null` for #REF!, `undefined` to leave it as written. */
type RangeChange = (range: RangeA1, sheet: string | null) => RangeA1 | null | undefined;

const sameSheet = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * The range part's text in the shape it was written: "A1:A1" stays two cells and "C:D" columns.
 * (stringifyA1Ref writes the shortest form, which turns "A1:XFD1" into "1:1".)
 */
function rangeText(range: RangeA1, written: string): string {
  const part = (
    column: number | null | undefined,
    row: number | null | undefined,
    $c: unknown,
    $r: unknown,
  ) =>
    (column === null || column === undefined ? "" : `${$c === true ? "$" : ""}${toCol(column)}`) +
    (row === null || row === undefined ? "" : `${$r === true ? "$" : ""}${row + 1}`);
  const first = part(range.left, range.top, range.$left, range.$top);
  const single = range.left === range.right && range.top === range.bottom;
  if (!written.includes(":") && single) return first;
  return `${first}:${part(range.right, range.bottom, range.$right, range.$bottom)}`;
}

/**
 * Applies `change` to every A1 reference in `formula`. `host` names the sheet the formula lives
 * on, for references that name no sheet (null where there is none, as in a defined name).
 * References to other workbooks ("[1]Sheet1!A1") and 3-D references ("Jan:Mar!B2") are left alone:
 * an insert on one sheet does not move them.
 */
function mapReferences(formula: string, host: string | null, change: RangeChange): string {
  const tokens = tokenize(formula, { mergeRefs: true, negativeNumbers: false });
  let changed = false;
  const out = tokens.map((token) => {
    if (token.type !== tokenTypes.REF_RANGE && token.type !== tokenTypes.REF_BEAM)
      return token.value;
    const ref = parseA1Ref(token.value);
    if (!ref || !("range" in ref) || !ref.range) return token.value;
    const context = ref.context ?? [];
    if (context.length > 1) return token.value;
    const named = context[0];
    if (named !== undefined && named.includes(":")) return token.value;
    const next = change(ref.range, named ?? host);
    if (next === undefined) return token.value;
    changed = true;
    const bang = token.value.lastIndexOf("!");
    const prefix = bang < 0 ? "" : token.value.slice(0, bang + 1);
    if (next === null) return `${prefix}#REF!`;
    return prefix + rangeText(next, token.value.slice(bang + 1));
  });
  return changed ? out.join("") : formula;
}

/** A column index after the insert: moved right when at or past the insertion point. */
function insertedColumn(column: number, insert: ColumnInsert): number {
  return column >= insert.column ? column + insert.count : column;
}

function insertInRange(range: RangeA1, insert: ColumnInsert): RangeA1 | null | undefined {
  const { left, right } = range;
  // Whole rows ("3:5") have no columns to move.
  if (left === null || left === undefined) return undefined;
  const last = right ?? left;
  if (last < insert.column) return undefined;
  const from = insertedColumn(left, insert);
  // Pushed past the last column: Excel turns such a reference into #REF!.
  if (from > MAX_COLUMN) return null;
  // A range reaching the sheet's edge (A1:XFD1) keeps its edge.
  const to = Math.min(insertedColumn(last, insert), MAX_COLUMN);
  return from === left && to === last ? undefined : { ...range, left: from, right: to };
}

/**
 * `formula` (with or without its "=") after `insert`: every reference to a cell at or right of
 * the insertion point on the inserted sheet moves right, relative and absolute alike; a range
 * spanning the insertion point grows; references to other sheets and text stay as they were.
 * `host` is the sheet the formula lives on (null for defined names and chart series, whose
 * references always name their sheet).
 */
export function insertColumnsInFormula(
  formula: string,
  host: string | null,
  insert: ColumnInsert,
): string {
  // Only a reference naming a sheet can point at another sheet, and those need a "!".
  if ((host === null || !sameSheet(host, insert.sheet)) && !formula.includes("!")) return formula;
  return mapReferences(formula, host, (range, sheet) =>
    sheet !== null && sameSheet(sheet, insert.sheet) ? insertInRange(range, insert) : undefined,
  );
}

/**
 * A range or space-separated list of ranges on the inserted sheet itself (ref, sqref attributes:
 * "A1:C3 E5"), after the insert. Text that is not a range is kept as it is.
 *
 * `formatFromLeft` is for ranges that carry formatting (conditional formats, validations): a
 * range ending just left of the insertion point also takes in the new columns, since inserted
 * cells take the format of the cells to their left (Excel's default CopyOrigin,
 * https://learn.microsoft.com/en-us/office/vba/api/Excel.Range.Insert; LibreOffice does the same).
 */
export function insertColumnsInRanges(
  ranges: string,
  insert: ColumnInsert,
  { formatFromLeft = false } = {},
): string {
  const change: RangeChange = (range) => {
    const moved = insertInRange(range, insert);
    if (moved !== undefined || !formatFromLeft) return moved;
    const last = range.right ?? range.left;
    if (range.left === null || range.left === undefined || last !== insert.column - 1)
      return undefined;
    return { ...range, right: Math.min(last + insert.count, MAX_COLUMN) };
  };
  return ranges
    .split(" ")
    .map((piece) => (piece === "" ? piece : mapReferences(piece, insert.sheet, change)))
    .join(" ");
}

function moveBy(value: number | null | undefined, by: number, locked: unknown, max: number) {
  if (value === null || value === undefined || locked === true) return value;
  const moved = value + by;
  return moved < 0 || moved > max ? NaN : moved;
}

/** A formula split once into text and references, to be written out moved many times. */
type Piece = string | { prefix: string; range: RangeA1; written: string };

function piecesOf(formula: string): Piece[] {
  const pieces: Piece[] = [];
  let text = "";
  for (const token of tokenize(formula, { mergeRefs: true, negativeNumbers: false })) {
    const ref =
      token.type === tokenTypes.REF_RANGE || token.type === tokenTypes.REF_BEAM
        ? parseA1Ref(token.value)
        : undefined;
    if (!ref || !("range" in ref) || !ref.range) {
      text += token.value;
      continue;
    }
    const bang = token.value.lastIndexOf("!");
    if (text) pieces.push(text);
    text = "";
    pieces.push({
      prefix: bang < 0 ? "" : token.value.slice(0, bang + 1),
      range: ref.range,
      written: token.value.slice(bang + 1),
    });
  }
  if (text) pieces.push(text);
  return pieces;
}

function movedRange(range: RangeA1, rows: number, columns: number): RangeA1 | null {
  const next: RangeA1 = {
    ...range,
    top: moveBy(range.top, rows, range.$top, MAX_ROW) ?? null,
    bottom: moveBy(range.bottom, rows, range.$bottom, MAX_ROW) ?? null,
    left: moveBy(range.left, columns, range.$left, MAX_COLUMN) ?? null,
    right: moveBy(range.right, columns, range.$right, MAX_COLUMN) ?? null,
  };
  const parts = [next.top, next.bottom, next.left, next.right];
  if (parts.some((p) => Number.isNaN(p))) return null;
  // A range whose locked end stayed while the other crossed it is written corner first, as Excel does.
  if (next.top != null && next.bottom != null && next.top > next.bottom)
    [next.top, next.bottom, next.$top, next.$bottom] = [
      next.bottom,
      next.top,
      next.$bottom,
      next.$top,
    ];
  if (next.left != null && next.right != null && next.left > next.right)
    [next.left, next.right, next.$left, next.$right] = [
      next.right,
      next.left,
      next.$right,
      next.$left,
    ];
  return next;
}

/**
 * `formula` as it reads `rows` down and `columns` across from where it was written: relative
 * parts move, $-locked parts stay (what a shared formula means in each cell it covers, and what
 * Excel's fill handle writes). A reference moved off the sheet becomes #REF!. The formula is
 * tokenized once; the function returned writes it out at any offset without reading it again,
 * since a shared formula or a filled-down column repeats one formula over many rows.
 */
export function formulaMover(formula: string): (rows: number, columns: number) => string {
  const pieces = piecesOf(formula);
  if (pieces.every((p) => typeof p === "string")) return () => formula;
  return (rows, columns) => {
    if (rows === 0 && columns === 0) return formula;
    let out = "";
    for (const p of pieces) {
      if (typeof p === "string") out += p;
      else {
        const range = movedRange(p.range, rows, columns);
        out += p.prefix + (range === null ? "#REF!" : rangeText(range, p.written));
      }
    }
    return out;
  };
}

export function moveFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formulaMover(formula)(rows, columns);
}
