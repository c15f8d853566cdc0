import { isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import type { TableBounds } from "./bounds";

/**
 * What a table claims of its sheet: its rows, header to last, and only its own columns. Two tables
 * kept side by side on the same rows (a budget in A:H, a financing table in K:P) each claim their
 * own span, so the second is read as a table of its own kind rather than lost under the first.
 */
export interface Claim {
  sheet: string;
  first: number;
  last: number;
  firstColumn: number;
  lastColumn: number;
}

/** A table's claim: its rows, header to last, and its own columns. */
export const claimOf = (t: TableBounds): Claim => ({
  sheet: t.sheet,
  first: t.headerRow,
  last: t.lastRow,
  firstColumn: t.firstColumn,
  lastColumn: t.lastColumn,
});

/** True when the claim holds something outside its own columns on any of its rows. */
function holdsBeside(sheet: SheetSnapshot, claim: Claim): boolean {
  for (let r = claim.first; r <= claim.last; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      if (c === claim.firstColumn) c = claim.lastColumn;
      else if (!isEmptyCell(cells[c] ?? undefined)) return true;
    }
  }
  return false;
}

/**
 * The sheets where claimed tables have something beside them on their rows, each as a copy with
 * every claimed span emptied: what is left there is read again, as if the claimed tables were not
 * there. Sheets with nothing beside their tables are left out (nothing is copied for them).
 */
export function besideClaims(
  sheets: readonly SheetSnapshot[],
  claims: readonly Claim[],
): Map<string, SheetSnapshot> {
  const masked = new Map<string, SheetSnapshot>();
  for (const sheet of sheets) {
    const own = claims.filter((c) => c.sheet === sheet.name);
    if (!own.some((c) => holdsBeside(sheet, c))) continue;
    const rows = [...sheet.rows];
    for (const c of own)
      for (let r = c.first; r <= c.last; r++) {
        const cells = rows[r];
        if (!cells || cells.length <= c.firstColumn) continue;
        const row: (Cell | null | undefined)[] = [...cells];
        for (let k = c.firstColumn; k <= c.lastColumn && k < row.length; k++) row[k] = null;
        rows[r] = row;
      }
    // An Excel table inside a claimed span is gone with it; one beside it is still there.
    const tables = sheet.tables?.filter(
      (t) =>
        !own.some((c) =>
          overlaps(c, {
            sheet: sheet.name,
            first: t.firstRow,
            last: t.lastRow,
            firstColumn: t.firstColumn,
            lastColumn: t.lastColumn,
          }),
        ),
    );
    masked.set(sheet.name, { ...sheet, rows, ...(tables ? { tables } : {}) });
  }
  return masked;
}

/** The table stands beside a claimed one, on some of the same rows: found only by reading again. */
export function besideAClaim(table: Claim, claims: readonly Claim[]): boolean {
  return claims.some(
    (c) =>
      c.sheet === table.sheet &&
      c.first <= table.last &&
      table.first <= c.last &&
      (c.lastColumn < table.firstColumn || table.lastColumn < c.firstColumn),
  );
}

/**
 * True when some figure under the header is typed rather than computed. A block beside a table
 * whose every figure is a formula (a chart's data, a summary by SUMIF of the lines beside it) is
 * a view of other cells, not a table of its own: it is neither checked nor written beside.
 */
export function holdsTypedFigure(sheet: SheetSnapshot, claim: Claim): boolean {
  for (let r = claim.first + 1; r <= claim.last; r++)
    for (let c = claim.firstColumn; c <= claim.lastColumn; c++) {
      const cell = sheet.rows[r]?.[c];
      if (typeof cell?.value === "number" && !cell.formula) return true;
    }
  return false;
}

/** The two claims share a cell. */
export function overlaps(a: Claim, b: Claim): boolean {
  return (
    a.sheet === b.sheet &&
    a.first <= b.last &&
    b.first <= a.last &&
    a.firstColumn <= b.lastColumn &&
    b.firstColumn <= a.lastColumn
  );
}

/**
 * Another claimed table starts right of this one on some of its rows: new columns for this one
 * must keep the gap between them (newColumns' `keepApart`), inserting rather than closing it.
 */
export function tableOnTheRight(table: Claim, claims: readonly Claim[]): boolean {
  return claims.some(
    (c) =>
      c.sheet === table.sheet &&
      c.first <= table.last &&
      table.first <= c.last &&
      c.firstColumn > table.lastColumn,
  );
}

/**
 * The tables claimed so far on every sheet, in claim order: their spans, the rows they take (what
 * detectors pass over), and the sheets as read beside them (recomputed only when a claim is added).
 */
export class SheetClaims {
  readonly claims: Claim[] = [];
  readonly taken = new Map<string, Set<number>>();
  private beside: { count: number; sheets: Map<string, SheetSnapshot> } | null = null;

  constructor(readonly sheetsRead: readonly SheetSnapshot[]) {}

  claim(c: Claim): void {
    this.claims.push(c);
    const rows = this.taken.get(c.sheet) ?? new Set<number>();
    for (let r = c.first; r <= c.last; r++) rows.add(r);
    this.taken.set(c.sheet, rows);
  }

  /** The sheets with something beside their claimed tables, claimed spans emptied. */
  besideSheets(): Map<string, SheetSnapshot> {
    if (this.beside?.count !== this.claims.length)
      this.beside = {
        count: this.claims.length,
        sheets: besideClaims(this.sheetsRead, this.claims),
      };
    return this.beside.sheets;
  }

  /** A table found beside claimed ones is one of its own: apart from them, with typed figures. */
  standsApart(c: Claim): boolean {
    const sheet = this.sheetsRead.find((s) => s.name === c.sheet);
    return (
      sheet !== undefined &&
      besideAClaim(c, this.claims) &&
      !this.claims.some((k) => overlaps(k, c)) &&
      holdsTypedFigure(sheet, c)
    );
  }
}
