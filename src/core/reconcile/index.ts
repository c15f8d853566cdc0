import { recalculatedSheet } from "../tables/recalculated";
import { cellAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { formatMoney, sheetRef, sumMoney, type At } from "../tables/money";
import { parseMoney } from "../values";
import type { Allocated, Available, SourceMoneyTable } from "../tables/source-money";
import { unconfirmedWords } from "../tables/unconfirmed-lines";
import { matchSource, shortName, type MatchHow } from "./match";
import { fromPence, toPence as pence } from "../tables/money";

export interface ReconciliationLine {
  source: string;
  year: string;
  available: number | null;
  /** "tbc" or nothing stated for this source and year. */
  unconfirmed: boolean;
  allocated: number;
  /** allocated − available, when the amount available is known. */
  difference: number | null;
  status: "reconciled" | "difference" | "unconfirmed";
}

export interface Reconciliation {
  sources: { sheet: string; range: string };
  allocations: { sheet: string; range: string }[];
  mapping: { allocation: string; source: string; how: MatchHow }[];
  unmatched: string[];
  lines: ReconciliationLine[];
  /** Per year: confirmed money available, allocated, their difference, and allocations on tbc money. */
  years: {
    year: string;
    available: number;
    allocated: number;
    difference: number;
    unconfirmed: number;
  }[];
  /** Internal: the cells behind each line, for the Reconciliation sheet's formulas. */
  cells: { available: Available | null; allocated: Allocated[] }[];
}

/**
 * The line cells that hold money for a source and year, as a person would look them up: "G12",
 * or "Allocations!G12" when the money is spread over tables on several sheets.
 */
function cellsHoldingMoney(parts: readonly (Allocated & { sheetSnapshot: SheetSnapshot })[]) {
  const many = new Set(parts.map((p) => p.sheet)).size > 1;
  return parts.flatMap((p) =>
    p.cells
      .filter(([r, c]) => sumMoney(p.sheetSnapshot, [[r, c]]).total !== 0)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .map(([r, c]) => `${many ? sheetRef(p.sheet) : ""}${cellAddress(r, c)}`),
  );
}

/** Whether any of the cells holds an amount still "tbc" (its table's check notes each one). */
function holdsUnconfirmed(sheet: SheetSnapshot, cells: readonly At[]): boolean {
  return cells.some(
    ([r, c]) => parseMoney(sheet.rows[r]?.[c]?.value ?? null).kind === "unconfirmed",
  );
}

/**
 * Sources against allocations, per source and year. Needs one sources table and at least one
 * allocations table in the workbook; returns null otherwise.
 */
export function reconcile(
  found: readonly SourceMoneyTable[],
  overrides: Readonly<Record<string, string>>,
): { reconciliation: Reconciliation; findings: Finding[] } | null {
  const sourcesTable = found.find((f) => f.role === "sources");
  const allocationTables = found.filter((f) => f.role === "spends");
  if (!sourcesTable || allocationTables.length === 0) return null;
  const available = sourcesTable.available();
  const names = [...new Set(available.map((a) => a.source))];
  const allocated = allocationTables.flatMap((f) =>
    f.allocated().map((a) => ({
      ...a,
      // Amounts as Excel shows them after recalculating (see tables/recalculated.ts).
      sheetSnapshot: recalculatedSheet(f.sheet),
    })),
  );
  const mapping: Reconciliation["mapping"] = [];
  const unmatched: string[] = [];
  const mapped = new Map<string, string | null>();
  for (const a of allocated) {
    const key = a.name.toLowerCase();
    if (mapped.has(key)) continue;
    const match = matchSource(a.name, names, overrides);
    mapped.set(key, match?.source ?? null);
    if (match)
      mapping.push({ allocation: a.name, source: shortName(match.source), how: match.how });
    else unmatched.push(a.name);
  }
  const years = [...new Set(allocated.map((a) => a.year))].sort();
  const findings: Finding[] = [];
  const lines: ReconciliationLine[] = [];
  const cells: Reconciliation["cells"] = [];
  const sheetName = sourcesTable.sheet.name;
  const sourcesRange = sourcesTable.range;
  const tableOf = (sheet: string) => {
    if (sheet === sheetName) return sourcesRange;
    const f = allocationTables.find((t) => t.sheet.name === sheet);
    return f?.range;
  };
  for (const year of years) {
    for (const source of names) {
      const avail = available.find((a) => a.source === source && a.year === year) ?? null;
      const parts = allocated.filter(
        (a) => a.year === year && mapped.get(a.name.toLowerCase()) === source,
      );
      const total = fromPence(
        parts.reduce((sum, p) => sum + pence(sumMoney(p.sheetSnapshot, p.cells).total), 0),
      );
      if (total === 0 && (avail?.amount ?? 0) === 0) continue;
      const name = shortName(source);
      const line: ReconciliationLine = {
        source: name,
        year,
        available: avail?.amount ?? null,
        unconfirmed: avail?.amount === null || avail === null,
        allocated: total,
        difference: null,
        status: "unconfirmed",
      };
      if (line.available !== null) {
        line.difference = fromPence(pence(total) - pence(line.available));
        line.status = line.difference === 0 ? "reconciled" : "difference";
        // An allocation still "tbc" adds nothing yet: the line is not confirmed, neither
        // reconciled nor short, unless what is confirmed already overspends the source.
        if (line.difference <= 0 && parts.some((p) => holdsUnconfirmed(p.sheetSnapshot, p.cells)))
          line.status = "unconfirmed";
      }
      lines.push(line);
      cells.push({ available: avail, allocated: parts });
      const allocationCells = cellsHoldingMoney(parts);
      const [row, column] = avail?.cell ?? parts[0]?.anchor ?? [0, 0];
      const at = avail ? sheetName : (parts[0]?.sheet ?? sheetName);
      if (line.status === "difference" && line.difference !== null) {
        const message = `${name} ${year}: ${formatMoney(total)} allocated against ${formatMoney(line.available ?? 0)} available (difference ${formatMoney(line.difference)})`;
        findings.push(
          finding("reconciliation-difference", at, row, column, message, {
            source: name,
            year,
            difference: line.difference,
            expected: line.available,
            actual: total,
            allocated: total,
            allocationCells,
            table: tableOf(at),
          }),
        );
      } else if (line.status === "unconfirmed" && line.unconfirmed && total > 0) {
        // Said as the sources cell says it: "awaiting" or "n/a" is quoted, not called tbc.
        const what = avail?.unconfirmed
          ? `is still ${unconfirmedWords(avail.stated ?? "")}`
          : "is not stated";
        findings.push(
          finding(
            "unconfirmed-funding",
            at,
            row,
            column,
            `${formatMoney(total)} is allocated against ${name} in ${year}, whose funding ${what}`,
            { source: name, year, amount: total, allocationCells, table: tableOf(at) },
          ),
        );
      }
    }
    for (const a of allocated.filter(
      (x) => x.year === year && mapped.get(x.name.toLowerCase()) === null,
    )) {
      const total = sumMoney(a.sheetSnapshot, a.cells).total;
      if (total === 0) continue;
      const [row, column] = a.anchor;
      findings.push(
        finding(
          "unconfirmed-funding",
          a.sheet,
          row,
          column,
          `${formatMoney(total)} is allocated against "${a.name}" in ${year}, which is not in the sources table (${sheetName})`,
          { source: a.name, year, amount: total, table: tableOf(a.sheet) },
        ),
      );
    }
  }
  const yearTotals = years.map((year) => {
    const these = lines.filter((l) => l.year === year);
    const avail = fromPence(these.reduce((s, l) => s + pence(l.available ?? 0), 0));
    const alloc = fromPence(these.reduce((s, l) => s + pence(l.allocated), 0));
    const unconfirmed =
      these.filter((l) => l.unconfirmed).reduce((s, l) => s + pence(l.allocated), 0) / 100;
    return {
      year,
      available: avail,
      allocated: alloc,
      difference: fromPence(pence(alloc) - pence(avail)),
      unconfirmed,
    };
  });
  const rangeOf = (f: SourceMoneyTable) => ({ sheet: f.sheet.name, range: f.range });
  return {
    reconciliation: {
      sources: rangeOf(sourcesTable),
      allocations: allocationTables.map(rangeOf),
      mapping,
      unmatched,
      lines,
      years: yearTotals,
      cells,
    },
    findings,
  };
}
