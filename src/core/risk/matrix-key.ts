import { cellAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { Band } from "../bands";
import { tidyLabel } from "../tables/keys";

/**
 * A key drawn as the risk matrix itself: a row of impact scores 1..n (3 to 5) over a column of
 * likelihood scores, each cell of the grid naming its band ("Green", "Amber/Green", "Red").
 * Each label's band runs from the lowest to the highest score (likelihood × impact) it is given;
 * a grid whose labels overlap in score is no banding and reads as no key.
 */
export interface MatrixKey {
  bands: (Band & { cells: string[] })[];
  at: string;
}

const label = (text: string) => /^[A-Za-z][A-Za-z /&-]*$/.test(text) && text.length <= 30;

/** The numbers 1..n (3 ≤ n ≤ 5) in `values` from `first`, or 0. */
function scaleRun(values: readonly unknown[], first: number): number {
  let n = 0;
  while (values[first + n] === n + 1 || cellTextOf(values[first + n]) === String(n + 1)) n++;
  return n >= 3 && n <= 5 ? n : 0;
}

const cellTextOf = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function readMatrixKey(
  sheet: SheetSnapshot,
  inTable: (row: number, column: number) => boolean = () => false,
): MatrixKey | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const cellsOfRow = sheet.rows[r] ?? [];
    for (let c = 0; c + 3 < cellsOfRow.length; c++) {
      // Most cells are passed over here, without building anything: a sheet may be a million.
      const one = cellsOfRow[c + 1]?.value;
      if (one !== 1 && one !== "1") continue;
      const values = cellsOfRow.slice(c + 1, c + 6).map((cell) => cell?.value ?? null);
      const n = scaleRun(values, 0);
      if (n === 0 || inTable(r, c + 1)) continue;
      // Likelihood rows: above the impact row (5 at the top) or below it, each led by 1..n.
      const rows: { row: number; likelihood: number }[] = [];
      for (const step of [-1, 1]) {
        for (let k = r + step; k >= 0 && k < sheet.rows.length && rows.length < n; k += step) {
          const lead = sheet.rows[k]?.[c]?.value;
          const likelihood = typeof lead === "number" ? lead : Number(cellTextOf(lead) || NaN);
          if (!Number.isInteger(likelihood) || likelihood < 1 || likelihood > n) break;
          rows.push({ row: k, likelihood });
        }
        if (rows.length === n) break;
        rows.length = 0;
      }
      if (rows.length !== n) continue;
      const byLabel = new Map<string, Band & { cells: string[] }>();
      let whole = true;
      for (const { row, likelihood } of rows)
        for (let i = 1; i <= n && whole; i++) {
          const text = cellText(sheet.rows[row]?.[c + i] ?? undefined);
          if (!label(text)) whole = false;
          const name = tidyLabel(text);
          const score = likelihood * i;
          const key = name.toLowerCase();
          const band = byLabel.get(key) ?? { from: score, to: score, label: name, cells: [] };
          band.from = Math.min(band.from, score);
          band.to = Math.max(band.to, score);
          band.cells.push(cellAddress(row, c + i));
          byLabel.set(key, band);
        }
      if (!whole || byLabel.size < 2) continue;
      const bands = [...byLabel.values()].sort((a, b) => a.from - b.from);
      if (bands.some((b, i) => i > 0 && b.from <= (bands[i - 1]?.to ?? 0))) continue;
      return { bands, at: cellAddress(r, c + 1) };
    }
  }
  return null;
}
