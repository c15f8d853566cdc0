import { columnIndex } from "../../src/core/a1";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import {
  applyAndRecalculate,
  expectedFiles,
  type AppliedCorpusFile,
  type ExpectedValues,
} from "../helpers/corpus";
import { findSoffice } from "../helpers/libreoffice";

/**
 * Budget monitoring sheets, calculated: `apply` each revenue monitoring workbook of the corpus,
 * let LibreOffice recalculate the output, and compare every line's variance, variance % and RAG
 * with expected.json's `values` — the council's own formulas where they were right (left alone),
 * ours where a typed figure was wrong or a column was missing. The RAG is the sheet's own rule
 * where it states one (`rag`), the default rule otherwise (`defaultRag`).
 */
const BUDGET_FILES = [
  "06-kingsreach-revenue-monitoring-q2.xlsx",
  "07-hollinsford-env-budget-p6.xlsx",
  "17-pennick-hra-monitoring-q2.xlsx",
];
const files = expectedFiles.filter((f) => BUDGET_FILES.includes(f.file));

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: budget value tests skipped (they fail in CI)");

/** The column holding a field: the council's own, or the one our plan wrote. */
function columnOf(done: AppliedCorpusFile, line: ExpectedValues, field: string, title: string) {
  const table = done.analysis.tables.find(
    (t): t is BudgetTableReport => t.kind === "budget" && t.sheet === line.sheet,
  );
  const own = table?.columns[field];
  if (own) return columnIndex(own);
  const op = done.analysis.plan.operations.find(
    (o): o is ColumnWrite => o.kind === "column" && o.sheet === line.sheet && o.title === title,
  );
  return op?.column ?? -1;
}

interface TotalRowSpec {
  row: number;
  parts: number[];
}

/**
 * The variance a total row shows once the lines are right: the sum of its parts' expected
 * variances, through the totals it adds. expected.json's own figure for a total row is the one the
 * original sheet shows (Kingsreach's NET POSITION 9,200 carries the typed (280) at I29), which
 * contradicts its figure for the line (+280): after apply the line is right, and so is the total.
 */
function totalVariance(
  row: number,
  totals: readonly TotalRowSpec[],
  values: readonly ExpectedValues[],
): number | null {
  const total = totals.find((t) => t.row === row);
  if (!total) {
    const v = values.find((l) => l.row === row)?.variance;
    return typeof v === "number" ? v : null;
  }
  let sum = 0;
  for (const part of total.parts) {
    const v = totalVariance(part, totals, values);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

const rounded = (v: unknown) =>
  typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v === "" ? null : (v ?? null);

withLibreOffice("budget monitoring sheets, calculated values after apply and LibreOffice", () => {
  const recalculated = new Map<string, AppliedCorpusFile>();

  beforeAll(async () => {
    for (const done of await applyAndRecalculate(soffice ?? "soffice", files))
      recalculated.set(done.file.file, done);
  }, 300_000);

  it("covers the three revenue monitoring workbooks", () => {
    expect(files.map((f) => f.file)).toEqual(BUDGET_FILES);
  });

  for (const file of files) {
    it(`${file.file}: variance, variance % and RAG as expected.json says`, () => {
      const done = recalculated.get(file.file);
      expect(done).toBeDefined();
      if (!done) return;
      const got: Record<string, unknown>[] = [];
      const want: Record<string, unknown>[] = [];
      const table = file.tables.find((t) => t.kind === "budget");
      const totals = (table?.totalRows ?? []) as TotalRowSpec[];
      for (const line of file.values) {
        const sheet = done.sheets.find((s) => s.name === line.sheet);
        const read = (field: string, title: string) =>
          rounded(sheet?.rows[line.row - 1]?.[columnOf(done, line, field, title)]?.value);
        const g: Record<string, unknown> = { where: `${line.sheet}!${line.row}` };
        const w: Record<string, unknown> = { where: g.where };
        if ("variance" in line) {
          g.variance = read("variance", "Variance");
          const isTotal = totals.some((t) => t.row === line.row);
          w.variance = rounded(
            isTotal ? totalVariance(line.row, totals, file.values) : line.variance,
          );
        }
        if ("variancePct" in line) {
          g.variancePct = read("variancePct", "Variance %");
          w.variancePct = rounded(line.variancePct);
        }
        const rag = "rag" in line ? line.rag : line.defaultRag;
        if (rag !== undefined) {
          g.rag = read("rag", "RAG");
          w.rag = rag;
        }
        got.push(g);
        want.push(w);
      }
      expect(want.length).toBeGreaterThan(10);
      expect(got).toEqual(want);
    });
  }
});
