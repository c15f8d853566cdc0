import { cellPositionOf } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { fromPenceScaled, samePence, toPenceScaled } from "./money";
import type { Section, Structure } from "./sections";

/**
 * Total rows that no word names: "Net cost of service", or a bold unlabelled row under a block of
 * lines. Labels alone miss them (sections.ts reads "Total …"), so the figures decide: a row whose
 * amounts are the sum of the lines above it — by the council's own vertical SUM formulas or by
 * arithmetic — in most of the money columns is a total, even where one of its figures is wrong
 * (that figure is what the totals check then reports). A line equal to its neighbours' sum in one
 * column by chance is not: agreement is needed in at least two columns with a figure other than nil.
 *
 * Added beside `classifyRows` rather than inside it, so the label reading stays as it is.
 */

/** "=SUM(C7:C17)" in column `column` whose range reaches from `first` to `last`. */
function sumsOver(formula: string | undefined, column: number, first: number, last: number) {
  if (!formula) return false;
  const m = /^=SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(formula.replace(/\s/g, ""));
  if (!m) return false;
  const from = cellPositionOf(`${m[1]}${m[2]}`);
  const to = cellPositionOf(`${m[3]}${m[4]}`);
  if (!from || !to) return false;
  return from.column === column && to.column === column && from.row <= first && to.row >= last;
}

function amount(sheet: SheetSnapshot, row: number, column: number): number | null {
  const parsed = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
  return parsed.kind === "number" ? parsed.value : null;
}

/** Running sums of a block of rows, per money column, in pence of the pound. */
class Block {
  count = 0;
  first = Infinity;
  last = -1;
  readonly pence: number[];
  constructor(
    width: number,
    /** The columns' unit in pounds (1,000 for £'000): 0.512 in £'000 is 51,200p, not 51p. */
    readonly multiplier: number,
  ) {
    this.pence = new Array<number>(width).fill(0);
  }
  add(row: number, values: readonly (number | null)[], sign = 1): void {
    this.count += sign;
    if (row < this.first) this.first = row;
    if (row > this.last) this.last = row;
    for (let k = 0; k < values.length; k++)
      this.pence[k] = (this.pence[k] ?? 0) + sign * toPenceScaled(values[k] ?? 0, this.multiplier);
  }
  addBlock(other: Block, sign = 1): void {
    this.count += sign * other.count;
    this.first = Math.min(this.first, other.first);
    this.last = Math.max(this.last, other.last);
    for (let k = 0; k < other.pence.length; k++)
      this.pence[k] = (this.pence[k] ?? 0) + sign * (other.pence[k] ?? 0);
  }
}

/** Whether a row with these amounts adds up the block in most money columns (see above). */
function addsUp(
  sheet: SheetSnapshot,
  row: number,
  values: readonly (number | null)[],
  block: Block,
  money: readonly number[],
): boolean {
  if (block.count < 2) return false;
  let stated = 0;
  let agree = 0;
  let telling = 0;
  money.forEach((column, k) => {
    const value = values[k];
    if (value === null || value === undefined) return;
    stated++;
    const formula = sheet.rows[row]?.[column]?.formula;
    if (
      samePence(fromPenceScaled(block.pence[k] ?? 0, block.multiplier), value, block.multiplier) ||
      sumsOver(formula, column, block.first, block.last)
    ) {
      agree++;
      if (value !== 0) telling++;
    }
  });
  return stated >= 2 && telling >= 2 && agree * 3 >= stated * 2;
}

/** Columns where the stated figures equal the block's sums, less those where they do not. */
function agreement(values: readonly (number | null)[], block: Block): number {
  let score = 0;
  values.forEach((value, k) => {
    if (value === null || value === undefined) return;
    const sum = fromPenceScaled(block.pence[k] ?? 0, block.multiplier);
    score += samePence(sum, value, block.multiplier) ? 1 : -1;
  });
  return score;
}

/**
 * A row adding up to the loose lines above it in most columns but not all may be a line that
 * does so by chance (a planted reversed variance can make it): the labelled total under it
 * decides. Read as a line, that total adds the loose lines, this row and the lines after it;
 * read as a subtotal, it adds this row and the lines after it. The better agreement wins.
 */
function lineByTheTotalUnder(
  sheet: SheetSnapshot,
  rows: readonly number[],
  kinds: ReadonlyMap<number, string>,
  row: number,
  values: readonly (number | null)[],
  loose: Block,
  money: readonly number[],
): boolean {
  if (agreement(values, loose) === values.filter((v) => v !== null).length) return false;
  const withIt = new Block(money.length, loose.multiplier);
  withIt.addBlock(loose);
  withIt.add(row, values);
  const without = new Block(money.length, loose.multiplier);
  without.add(row, values);
  for (let i = rows.indexOf(row) + 1; i < rows.length; i++) {
    const next = rows[i] as number;
    const kind = kinds.get(next);
    const figures = money.map((c) => amount(sheet, next, c));
    if (kind === "heading") return false;
    if (kind === "section-total" || kind === "grand-total")
      return agreement(figures, withIt) > agreement(figures, without);
    withIt.add(next, figures);
    without.add(next, figures);
  }
  return false;
}

/**
 * The structure with unlabelled totals found: a row closing its section's lines becomes that
 * section's total; a row adding every line and total above it becomes a grand total; a row adding
 * the loose lines since the last total closes a section without a heading. One pass with running
 * sums: a 100,000-line table costs one read of each cell. `multiplier` is the money columns' unit
 * in pounds (1,000 for £'000), so sums compare to the pound's penny.
 */
export function withImpliedTotals(
  sheet: SheetSnapshot,
  structure: Structure,
  money: readonly number[],
  multiplier = 1,
): Structure {
  const kinds = new Map(structure.kinds);
  const sections: Section[] = structure.sections.map((s) => ({ ...s, lines: [...s.lines] }));
  const sectionOf = new Map<number, Section>();
  for (const s of sections) for (const r of s.lines) sectionOf.set(r, s);
  const lastLine = new Map(sections.map((s) => [s, s.lines[s.lines.length - 1]]));
  const moved = new Set<number>();
  const grandTotals = [...structure.grandTotals];
  const added: Section[] = [];
  const width = money.length;
  const amounts = (row: number) => money.map((c) => amount(sheet, row, c));
  const blocks = new Map<Section, Block>();
  // Looked up once per total row: a find over every section there is quadratic in sections.
  const closedBy = new Map<number, Section>();
  for (const s of sections) if (s.totalRow !== null) closedBy.set(s.totalRow, s);
  let loose = new Block(width, multiplier); // loose lines since the last total
  let all = new Block(width, multiplier); // what a grand total here would add: lines and closed totals
  let open = new Block(width, multiplier); // lines of sections with no total yet
  const rows = [...kinds.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const kind = kinds.get(row);
    const values = amounts(row);
    const section = sectionOf.get(row);
    if (kind === "heading") continue;
    if (kind === "section-total") {
      const closed = closedBy.get(row);
      const block = closed ? blocks.get(closed) : undefined;
      if (block) open.addBlock(block, -1);
      all.add(row, values);
      loose = new Block(width, multiplier);
      continue;
    }
    if (kind === "grand-total") {
      all = new Block(width, multiplier);
      all.add(row, values);
      open = new Block(width, multiplier);
      loose = new Block(width, multiplier);
      continue;
    }
    if (section) {
      const block = blocks.get(section) ?? new Block(width, multiplier);
      blocks.set(section, block);
      if (
        section.totalRow === null &&
        lastLine.get(section) === row &&
        addsUp(sheet, row, values, block, money)
      ) {
        section.lines = section.lines.filter((r) => r !== row);
        section.totalRow = row;
        kinds.set(row, "section-total");
        open.addBlock(block, -1);
        all.add(row, values);
        continue;
      }
      block.add(row, values);
      open.add(row, values);
      continue;
    }
    const everything = new Block(width, multiplier);
    everything.addBlock(all);
    everything.addBlock(open);
    if (
      addsUp(sheet, row, values, everything, money) &&
      !lineByTheTotalUnder(sheet, rows, kinds, row, values, everything, money)
    ) {
      moved.add(row);
      grandTotals.push(row);
      kinds.set(row, "grand-total");
      all = new Block(width, multiplier);
      all.add(row, values);
      open = new Block(width, multiplier);
      loose = new Block(width, multiplier);
    } else if (
      addsUp(sheet, row, values, loose, money) &&
      !lineByTheTotalUnder(sheet, rows, kinds, row, values, loose, money)
    ) {
      const lines = structure.looseLines.filter((r) => r >= loose.first && r <= loose.last);
      lines.forEach((r) => moved.add(r));
      moved.add(row);
      added.push({ name: "", headingRow: null, lines, totalRow: row });
      kinds.set(row, "section-total");
      all.add(row, values);
      all.addBlock(loose, -1);
      loose = new Block(width, multiplier);
    } else {
      loose.add(row, values);
      all.add(row, values);
    }
  }
  const ordered = [...sections, ...added].sort(
    (a, b) => (a.headingRow ?? a.lines[0] ?? 0) - (b.headingRow ?? b.lines[0] ?? 0),
  );
  return {
    kinds,
    sections: ordered,
    looseLines: structure.looseLines.filter((r) => !moved.has(r)),
    grandTotals: grandTotals.sort((a, b) => a - b),
  };
}
