import { cellAddress, parseAddress } from "../a1";
import { cellText, type Cell, type SheetSnapshot } from "../snapshot";
import { coherentBands, tidyLabel, type KeyBand, type WordScale } from "./keys";
import { axisNumbers, axisValue } from "./matrix-key";
import { gridPlacements, scoreGrid, wordAxisGridAt, wordAxisStart } from "./word-axis-grid";

/**
 * A risk matrix kept as the key with SCORES in its cells (5 × 4 = 20) and the bands in its fills:
 * the council colours each cell by its band and names the colours in a legend beside it ("Low"
 * filled green, "Medium" amber, "High" red). Grouping the grid's cells by fill and naming each
 * fill by the legend cell of the same fill gives the bands: each colour from its lowest score to
 * its highest. Fills are looked up only for the cells `colouredMatrixCells` names (the readers
 * put them in `keyFills`), never for every cell.
 *
 * Total: any sheet in, no throw; grids 3×3 to 5×5 only.
 */
export interface NumericGrid {
  /** The grid's cells by address, each with its score. */
  cells: { address: string; score: number }[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Axes labelled in the sheet's own words: each word's number, as the matrix orders them. */
  axes?: { across: WordScale; down: WordScale };
  /** The axis row and the side axis's column: next to the grid, or one blank apart. */
  axisRow: number;
  axisColumn: number;
}

/** Read: the bands and per band its legend cell; or why the colours give no bands. */
export type ColouredMatrixKey =
  { bands: KeyBand[]; at: string; cells: string[][] } | { unread: string; at: string };

const numberAt = (cell: Cell | null | undefined): number | null =>
  typeof cell?.value === "number" ? cell.value : null;

/**
 * The grid whose axis row of impact values (1..n across, or the words of a standard scale:
 * Insignificant … Catastrophic, "4 - Major") is row `r` from column `c + 1`, its likelihood values
 * down column `c` above or below that row (or one blank row or column apart: `gridPlacements`),
 * every cell the product: or null.
 */
function gridAt(sheet: SheetSnapshot, r: number, c: number, n: number): NumericGrid | null {
  const across = axisNumbers(
    Array.from({ length: n }, (_, k) => axisValue(sheet.rows[r]?.[c + 1 + k])),
  );
  if (!across) return null;
  for (const { rows, axisColumn } of gridPlacements(sheet, r, c, n)) {
    const down = axisNumbers(rows.map((row) => axisValue(sheet.rows[row]?.[axisColumn])));
    if (!down) continue;
    const grid = scoreGrid(sheet, rows, c, down, across);
    if (grid) return { ...grid, axisRow: r, axisColumn };
  }
  return null;
}

const point = (n: number | null): n is number =>
  n !== null && Number.isInteger(n) && n >= 1 && n <= 5;

/** An axis word's cell: short text, not a formula (the cheap test before `axisValue`). */
const shortText = (cell: Cell | null | undefined): boolean =>
  typeof cell?.value === "string" && !cell.formula && cell.value.length <= 30;

function axisStart(cells: readonly (Cell | null | undefined)[], c: number): boolean {
  const a = numberAt(cells[c]);
  if (point(a)) {
    const b = numberAt(cells[c + 1]);
    const d = numberAt(cells[c + 2]);
    return point(b) && point(d) && a !== b && a !== d && b !== d;
  }
  // Words across ("Insignificant", "Minor", "Moderate"): three distinct axis values.
  if (!shortText(cells[c]) || !shortText(cells[c + 1]) || !shortText(cells[c + 2])) return false;
  const values = [cells[c], cells[c + 1], cells[c + 2]].map(axisValue);
  return values.every((v) => v !== null) && new Set(values).size === 3;
}

/** The first grid of scores on the sheet, reading top to bottom, or null. */
export function numericMatrixGrid(
  sheet: SheetSnapshot,
  inTable: (row: number, column: number) => boolean = () => false,
): NumericGrid | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c + 3 < cells.length; c++) {
      // Cheap first (a sheet may hold a million cells): an axis row starts with three distinct
      // whole numbers 1..5 or three distinct scale words. A register's likelihood, impact and
      // score never are (L × I equals one of them, or is over 5, unless both are 2, and then two
      // are equal); its word pair and score may start one, and then its cells are no products.
      if (axisStart(cells, c + 1)) {
        if (inTable(r, c + 1)) continue;
        for (const n of [5, 4, 3]) {
          const grid = gridAt(sheet, r, c, n);
          if (grid) return grid;
        }
      }
      const grid = wordAxisGrid(sheet, r, c, inTable);
      if (grid) return grid;
    }
  }
  return null;
}

/**
 * The grid at (r, c) whose axes are the sheet's own words (see word-axis-grid.ts), or null. Cheap
 * first: a score sits next to the axis row's first word, above or below it.
 */
function wordAxisGrid(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  inTable: (row: number, column: number) => boolean,
): NumericGrid | null {
  // One blank row may part the axis row from the grid.
  const beside = [r - 2, r - 1, r + 1, r + 2].map((row) => sheet.rows[row]?.[c + 1]);
  if (!beside.some((cell) => typeof cell?.value === "number")) return null;
  if (!wordAxisStart(sheet.rows[r] ?? [], c + 1) || inTable(r, c + 1)) return null;
  for (const n of [5, 4, 3]) {
    const found = wordAxisGridAt(sheet, r, c, n);
    if (found) {
      const { across, down, ...grid } = found;
      return { ...grid, axes: { across, down } };
    }
  }
  return null;
}

const LEGEND_WORDS = /^[A-Za-z][A-Za-z /&-]{0,24}$/;

/**
 * The cells that may name the grid's colours: short words (no digits) near it, at most sixteen —
 * below it first (where councils put the legend), then beside or above it from the axis column
 * rightwards, then in the two columns left of the axis column (a legend kept on the left). The
 * axis words themselves ("Very likely", "Severe") name rows and columns, not colours: skipping
 * them keeps a legend beside a word-axis grid within reach. Left of the axis only the two
 * nearest columns: a register further left (its priority words) is no legend.
 */
export function legendCandidates(sheet: SheetSnapshot, grid: NumericGrid): string[] {
  const found: string[] = [];
  const axisColumn = grid.axisColumn;
  const below = Array.from({ length: 8 }, (_, k) => grid.bottom + 1 + k);
  const beside = Array.from(
    { length: grid.bottom - grid.top + 4 },
    (_, k) => grid.top - 3 + k,
  ).filter((r) => r >= 0);
  const onAxis = (r: number, c: number) =>
    (c === axisColumn && r >= grid.top && r <= grid.bottom) ||
    ((r === grid.top - 1 || r === grid.bottom + 1 || r === grid.axisRow) &&
      c >= grid.left &&
      c <= grid.right);
  const passes: { rows: number[]; from: number; to: number }[] = [
    { rows: [...below, ...beside], from: axisColumn, to: grid.right + 6 },
    { rows: beside, from: Math.max(0, axisColumn - 2), to: axisColumn - 1 },
  ];
  for (const { rows, from, to } of passes)
    for (const r of rows) {
      const cells = sheet.rows[r] ?? [];
      for (let c = from; c <= to && c < cells.length; c++) {
        if (onAxis(r, c)) continue;
        const text = typeof cells[c]?.value === "string" ? cellText(cells[c] ?? undefined) : "";
        if (!LEGEND_WORDS.test(text) || text.split(/\s+/).length > 3) continue;
        found.push(cellAddress(r, c));
        if (found.length === 16) return found;
      }
    }
  return found;
}

/** The cells whose fills a reader must look up for the sheet's coloured score matrix, if any. */
export function colouredMatrixCells(sheet: SheetSnapshot): string[] {
  const grid = numericMatrixGrid(sheet);
  return grid ? [...grid.cells.map((c) => c.address), ...legendCandidates(sheet, grid)] : [];
}

/**
 * The bands a coloured score matrix states, read from `sheet.keyFills`; `unread` when the grid is
 * coloured but its colours make no bands (a colour no legend names, or two colours whose scores
 * interleave): then the council's ratings are not to be judged by any other key. Null when the
 * sheet holds no coloured score matrix.
 */
export function readColouredMatrixKey(
  sheet: SheetSnapshot,
  inTable: (row: number, column: number) => boolean = () => false,
): ColouredMatrixKey | null {
  const fills = sheet.keyFills;
  if (!fills) return null;
  const grid = numericMatrixGrid(sheet, inTable);
  if (!grid) return null;
  const byFill = new Map<string, { from: number; to: number }>();
  for (const { address, score } of grid.cells) {
    const fill = fills[address];
    // An uncoloured cell: a matrix of scores, not a key in colours.
    if (!fill) return null;
    const seen = byFill.get(fill) ?? { from: score, to: score };
    byFill.set(fill, { from: Math.min(seen.from, score), to: Math.max(seen.to, score) });
  }
  if (byFill.size < 2) return null;
  const at = cellAddress(grid.top, grid.left);
  const labelOf = new Map<string, { label: string; cell: string }>();
  for (const address of legendCandidates(sheet, grid)) {
    const fill = fills[address];
    const { row, column } = parseAddress(address);
    const text = cellText(sheet.rows[row]?.[column] ?? undefined);
    if (fill && byFill.has(fill) && !labelOf.has(fill))
      labelOf.set(fill, { label: tidyLabel(text), cell: address });
  }
  const named: (KeyBand & { cell: string })[] = [];
  for (const [fill, range] of byFill) {
    const label = labelOf.get(fill);
    if (!label) return { unread: "a colour of the matrix is named by no legend cell", at };
    named.push({ ...range, label: label.label, cell: label.cell });
  }
  const bands = coherentBands(named);
  if (!bands || new Set(bands.map((b) => b.label)).size !== bands.length)
    return { unread: "its colours' scores overlap, so they make no bands", at };
  return {
    bands: bands.map(({ from, to, label }) => ({ from, to, label })),
    at,
    cells: bands.map((b) => [named.find((n) => n.label === b.label)?.cell ?? ""]),
  };
}
