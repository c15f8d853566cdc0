import type { Analysis } from "../../src/core/analyse";
import type { FundingTableModel } from "../../src/core/funding";
import { shortName } from "../../src/core/reconcile/match";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import {
  applyAndRecalculate,
  asOfSerial,
  CORPUS,
  expectedFiles,
  type ExpectedFile,
  type ExpectedValues,
} from "../helpers/corpus";
import { findSoffice } from "../helpers/libreoffice";
import { loadFile } from "../helpers/xlsx";
import { analyseWorkbook } from "../../src/core/analyse";

/**
 * The funding corpus files (sources, allocations, wide plans, a grants register) applied with the
 * direct writer and recalculated by LibreOffice: every line's amounts, year totals and totals as
 * expected.json's `values` say — the council's own right formulas left alone, ours where written
 * (a typed figure over a calculated Total column gets the column's formula back). Source columns
 * of a wide plan are named by the source they were matched to, so the matching is checked too.
 */
// findSoffice throws when CI=true and LibreOffice is missing; locally the tests skip with a warning.
const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: funding corpus values tests skipped");

const FUNDING_FILES = [
  "12-marshgate-prevention-funding-raw.xlsx",
  "13-fenwick-ukspf-investment-plan.xlsx",
  "14-greyhithe-bcf-plan-2025-26.xlsx",
  "15-wexcombe-grants-register.xlsx",
  "16-oakley-public-health-allocations.xlsx",
];
const files = expectedFiles.filter((f) => FUNDING_FILES.includes(f.file));

type Read = (column: number | null | undefined) => CellValue;

function modelFor(analysis: Analysis, line: ExpectedValues): FundingTableModel | undefined {
  return analysis.models.flatMap((m) =>
    m.kind === "funding" &&
    m.model.table.sheet === line.sheet &&
    m.model.table.dataRows.includes(line.row - 1)
      ? [m.model]
      : [],
  )[0];
}

/** The full source name a wide plan's column header stands for, through the reconciliation. */
function sourceNamed(analysis: Analysis, header: string, candidates: readonly string[]): string {
  const mapped = analysis.reconciliation?.mapping.find((m) => m.allocation === header)?.source;
  return candidates.find((c) => mapped !== undefined && shortName(c) === mapped) ?? header;
}

/** What the recalculated workbook shows for the fields one expected line names. */
function shown(
  analysis: Analysis,
  model: FundingTableModel,
  line: ExpectedValues,
  read: Read,
): Record<string, unknown> {
  const { groups, table } = model;
  const got: Record<string, unknown> = {};
  const roleColumn = (role: string) =>
    [...table.columns].find(([, r]) => r.role === role)?.[0] ?? null;
  for (const [field, wanted] of Object.entries(line)) {
    if (field === "sheet" || field === "row") continue;
    const year = groups.years.find((y) => y.year === field);
    if (year && wanted !== null && typeof wanted === "object") {
      const names = Object.keys(wanted);
      got[field] = Object.fromEntries(
        year.sources.map((s) => [sourceNamed(analysis, s.source, names), read(s.column)]),
      );
    } else if (year) got[field] = read(year.plain[0]);
    else if (field === "years") {
      got[field] = Object.fromEntries(groups.years.map((y) => [y.year, read(y.plain[0])]));
    } else if (field === "total" || field === "totalAllYears")
      got[field] = read(groups.totalColumn);
    else if (field.startsWith("total")) {
      const label = field.replace(/^total(\d{4})_(\d{2})$/, "$1/$2");
      got[field] = read(groups.years.find((y) => y.year === label)?.total);
    } else if (field === "expenditure") got[field] = read(groups.years[0]?.plain[0]);
    else if (field === "pctNHS") got[field] = read(groups.percents[0]);
    else if (field === "pctLA") got[field] = read(groups.percents[1]);
    else if (field === "source") got[field] = read(groups.sourceColumn);
    else if (field === "sourceMatches") {
      const name = String(read(groups.sourceColumn));
      const mapped = analysis.reconciliation?.mapping.find((m) => m.allocation === name)?.source;
      got[field] = mapped !== undefined && shortName(String(wanted)) === mapped ? wanted : mapped;
    } else if (field === "ref" || field === "schemeId") got[field] = read(roleColumn("ref"));
    else if (field === "line") got[field] = read(groups.labels[0]);
    else got[field] = `(no column read for "${field}")`;
  }
  return got;
}

withLibreOffice("funding corpus, calculated values after apply and LibreOffice", () => {
  const done = new Map<string, { analysis: Analysis; sheets: SheetSnapshot[] }>();

  beforeAll(async () => {
    for (const applied of await applyAndRecalculate(soffice ?? "soffice", files))
      done.set(applied.file.file, applied);
  }, 300_000);

  it("covers every funding file of the corpus", () => {
    expect(files.map((f) => f.file)).toEqual(FUNDING_FILES);
  });

  for (const file of files as ExpectedFile[]) {
    it(`${file.file}: every line's amounts and totals as expected.json says`, () => {
      const applied = done.get(file.file);
      expect(applied).toBeDefined();
      if (!applied) return;
      const got: Record<string, unknown>[] = [];
      const want: Record<string, unknown>[] = [];
      for (const line of file.values) {
        const where = `${line.sheet}!${line.row}`;
        want.push({
          where,
          ...Object.fromEntries(
            Object.entries(line).filter(([field]) => field !== "sheet" && field !== "row"),
          ),
        });
        const model = modelFor(applied.analysis, line);
        const sheet = applied.sheets.find((s) => s.name === line.sheet);
        if (!model || !sheet) {
          got.push({ where, table: "not found" });
          continue;
        }
        const read: Read = (column) => {
          if (column === null || column === undefined) return "(no column)";
          const value = sheet.rows[line.row - 1]?.[column]?.value ?? null;
          return value === "" ? null : value;
        };
        got.push({ where, ...shown(applied.analysis, model, line, read) });
      }
      expect(got).toEqual(want);
    });
  }
});

interface ExpectedReconciliation {
  source: string;
  year: string;
  allocated: number;
  available: number | "tbc";
  difference?: number;
  status?: string;
}

interface ExpectedWarning {
  code: string;
  cell: string;
  source?: string;
  year?: string;
  amount?: number;
  allocationCells?: string[];
}

describe("funding corpus, reconciled per source and year as expected.json says", () => {
  for (const file of files) {
    it(`${file.file}: every source and year, and the cells behind each unconfirmed amount`, async () => {
      const { snapshot } = await loadFile(`${CORPUS}/${file.file}`);
      const analysis = analyseWorkbook(snapshot, { asOf: asOfSerial(file.asOf) });
      const expected = (file as unknown as { reconciliation: ExpectedReconciliation[] })
        .reconciliation;
      const lines = analysis.reconciliation?.lines ?? [];
      const want = expected
        .map((e) => ({
          source: shortName(e.source),
          year: e.year,
          allocated: e.allocated,
          available: e.available === "tbc" ? null : e.available,
          difference: e.difference ?? null,
        }))
        .sort((a, b) => `${a.source}${a.year}`.localeCompare(`${b.source}${b.year}`));
      const got = lines
        .map((l) => ({
          source: l.source,
          year: l.year,
          allocated: l.allocated,
          available: l.available,
          difference: l.difference,
        }))
        .sort((a, b) => `${a.source}${a.year}`.localeCompare(`${b.source}${b.year}`));
      expect(got).toEqual(want);
      const warnings = (file.warnings as ExpectedWarning[]).map((w) => ({
        cell: w.cell,
        source: shortName(w.source ?? ""),
        year: w.year,
        amount: w.amount,
        allocationCells: w.allocationCells,
      }));
      expect(
        analysis.findings
          .filter((x) => x.code === "unconfirmed-funding")
          .map((x) => ({
            cell: x.cell,
            source: x.source,
            year: x.year,
            amount: x.amount,
            allocationCells: x.allocationCells,
          })),
      ).toEqual(expect.arrayContaining(warnings));
    });
  }
});
