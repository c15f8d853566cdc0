import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { sumPence, toPence, withinAPenny } from "../tables/money";
import { classifyRows, type Structure } from "../tables/sections";
import type { FundingTable } from "./detect";
import type { FundingColumnGroups } from "./column-groups";
import { addsTotalsByArithmetic, addsTotalsByFormula, headinglessSubtotals } from "./grand-totals";

/**
 * The rows of a funding table — headings, lines, section and grand totals — as the shared reader
 * classifies them, with two readings of funding layouts on top: an Excel table's totals row of
 * SUBTOTAL sums, and lines that name their source while their amount is still blank.
 */
export function structureOf(
  sheet: SheetSnapshot,
  table: FundingTable,
  groups: FundingColumnGroups,
): Structure {
  const labelled = headinglessSubtotals(
    sheet,
    classifyRows(sheet, table.dataRows, groups.labels, groups.money),
    groups.labels,
  );
  const last = table.dataRows[table.dataRows.length - 1];
  const structure = totalsRows(
    labelled,
    (row) =>
      subtotalsOnly(sheet, row, groups.money) ||
      sumsOnly(sheet, row, groups.money) ||
      addsTotalsByFormula(sheet, row, groups.money, labelled) ||
      (row === last &&
        (addsTheLinesAbove(sheet, table.dataRows.slice(0, -1), row, groups.money) ||
          addsTotalsByArithmetic(sheet, row, groups.money, labelled))),
  );
  const sourceColumn = groups.sourceColumn;
  if (sourceColumn === null) return structure;
  const names = (row: number) => cellText(sheet.rows[row]?.[sourceColumn] ?? undefined) !== "";
  return linesNamingSources(structure, names);
}

const SUBTOTAL_SUM = /^=\s*SUBTOTAL\(\s*(9|109)\s*,/i;

/**
 * The row's figures are SUBTOTAL sums (an Excel table's totals row), whatever its label: at
 * least one, and no formula of another kind (a figure typed over one of them is still there).
 */
function subtotalsOnly(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  const formulas = money.flatMap((c) => {
    const formula = sheet.rows[row]?.[c]?.formula;
    return formula ? [formula] : [];
  });
  return formulas.length > 0 && formulas.every((f) => SUBTOTAL_SUM.test(f));
}

/**
 * The row's figures are all =SUM over rows above it ("All schemes", "Net cost of services"):
 * a total whatever its label says.
 */
function sumsOnly(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  const formulas = money.flatMap((c) => {
    const formula = sheet.rows[row]?.[c]?.formula;
    return formula ? [formula] : [];
  });
  return (
    formulas.length > 0 &&
    formulas.every((f) => {
      const m = /^=\s*SUM\(\s*\$?[A-Z]{1,3}\$?(\d+)\s*:\s*\$?[A-Z]{1,3}\$?(\d+)\s*\)\s*$/i.exec(f);
      return m !== null && Number(m[2]) - 1 < row;
    })
  );
}

/**
 * The table's last row whose every figure is the sum of all the rows above it (two or more, at
 * least one figure not zero): a typed grand total without the word "Total".
 */
function addsTheLinesAbove(
  sheet: SheetSnapshot,
  above: readonly number[],
  row: number,
  money: readonly number[],
): boolean {
  if (above.length < 2) return false;
  let telling = false;
  for (const c of money) {
    const stated = parseMoney(sheet.rows[row]?.[c]?.value ?? null);
    if (stated.kind === "blank") continue;
    if (stated.kind !== "number") return false;
    const parts = above.map((r) => parseMoney(sheet.rows[r]?.[c]?.value ?? null));
    const sum = sumPence(parts.flatMap((part) => (part.kind === "number" ? [part.value] : [])));
    if (!withinAPenny(sum, toPence(stated.value))) return false;
    if (stated.value !== 0) telling = true;
  }
  return telling;
}

/**
 * An Excel table's totals row adds its column with SUBTOTAL(109, Table[Column]) — the sum of
 * the rows left visible, nested subtotals ignored (support.microsoft.com/excel/subtotal-function)
 * — and its label may be anything, or nothing. A row read as a line whose figures are all such
 * sums is the grand total of the lines above it.
 */
function totalsRows(structure: Structure, isTotals: (row: number) => boolean): Structure {
  const rows = [...structure.kinds].filter(([r, k]) => k === "line" && isTotals(r)).map(([r]) => r);
  if (rows.length === 0) return structure;
  const kinds = new Map(structure.kinds);
  const sections = structure.sections.map((s) => ({ ...s, lines: [...s.lines] }));
  const grandTotals = [...structure.grandTotals];
  for (const row of rows) {
    // The last line of a section without a total closes it; anywhere else it adds the lines above.
    const section = sections.find((s) => s.lines.includes(row));
    if (section && section.totalRow === null && section.lines[section.lines.length - 1] === row) {
      section.lines.pop();
      section.totalRow = row;
      kinds.set(row, "section-total");
    } else if (!section) {
      grandTotals.push(row);
      kinds.set(row, "grand-total");
    }
  }
  return {
    kinds,
    sections,
    looseLines: structure.looseLines.filter((r) => kinds.get(r) === "line"),
    grandTotals: grandTotals.sort((a, b) => a - b),
  };
}

/**
 * "10 | Home care capacity | … | Local Authority Better Care Grant" with its amount still blank
 * reads like a numbered heading ("1 | EARLY HELP"), but a heading never names the source a line
 * is funded from: such a row is a line of the block above it. A "heading" that closes with a
 * total of its own is left as read.
 */
function linesNamingSources(structure: Structure, names: (row: number) => boolean): Structure {
  const kinds = new Map(structure.kinds);
  const sections = structure.sections.map((s) => ({ ...s, lines: [...s.lines] }));
  const looseLines = [...structure.looseLines];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    const row = section?.headingRow;
    if (!section || row === null || row === undefined || !names(row) || section.totalRow !== null)
      continue;
    kinds.set(row, "line");
    const before = sections[i - 1];
    const into = before && before.totalRow === null ? before.lines : looseLines;
    into.push(row, ...section.lines);
    into.sort((a, b) => a - b);
    sections.splice(i, 1);
    i--;
  }
  return { kinds, sections, looseLines, grandTotals: structure.grandTotals };
}
