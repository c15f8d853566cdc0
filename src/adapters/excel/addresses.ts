import { parseAddress } from "../../core/a1";

export interface Area {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** "Sheet 1!A1:D9" or "'My sheet'!B2" (or a comma list of them) to 0-based areas. */
export function parseAreas(address: string): Area[] {
  return address
    .split(",")
    .map((part) => part.slice(part.lastIndexOf("!") + 1).trim())
    .filter(Boolean)
    .map((range) => {
      const [from, to] = range.split(":");
      const a = parseAddress(from ?? "A1");
      const b = parseAddress(to ?? from ?? "A1");
      return { firstRow: a.row, lastRow: b.row, firstColumn: a.column, lastColumn: b.column };
    });
}

/** Rows from `first` to `last` that no area covers: with the visible areas, the hidden rows. */
export function rowsNotCovered(areas: readonly Area[], first: number, last: number): number[] {
  const covered = new Uint8Array(last - first + 1);
  for (const a of areas) {
    for (let r = Math.max(a.firstRow, first); r <= Math.min(a.lastRow, last); r++)
      covered[r - first] = 1;
  }
  const out: number[] = [];
  covered.forEach((v, i) => v === 0 && out.push(first + i));
  return out;
}
