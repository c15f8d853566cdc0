import { cellAddress } from "../../src/core/a1";
import type { Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import {
  analyseProfile,
  buildProfile,
  findingsOf,
  profileReport,
  twoSections,
  line,
} from "../helpers/monthly-builder";

/**
 * Monthly profiles, continued (monthly.test.ts has the headers and line figures): sections and
 * totals with and without labels, council formulas judged by what they compute, and where the
 * calculated columns are written — each with the exact findings or writes.
 */

const columnWrites = (a: Analysis) =>
  a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");

describe("monthly profile: sections and totals", () => {
  it("reports a typed section total at its cell, and not again in the grand total", () => {
    const spec = twoSections();
    spec.sections[1]!.typedTotals = { 6: 50_000 }; // column budget + 6 is the Sep month
    const built = buildProfile(spec);
    const a = analyseProfile(built);
    const row = built.totalRows[1]!;
    const column = built.budget + 6;
    const lines = built.lineRows[1]!;
    const sum = lines.reduce((s, r) => {
      const v = built.sheet.rows[r]?.[column]?.value;
      return s + (typeof v === "number" ? v : 0);
    }, 0);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "total-mismatch",
        cell: cellAddress(row, column),
        expected: sum,
        actual: 50_000,
      }),
    ]);
  });

  it("finds an unlabelled total (Net cost of service) by its arithmetic and checks it", () => {
    const built = buildProfile({
      months: "Apr",
      units: "£000",
      sections: [
        {
          heading: null,
          lines: [line("A", 240, 250), line("B", 120, 118), line("C", 60, 61)],
          total: "Net cost of service",
          typedTotals: { 10: 409 },
        },
      ],
    });
    const a = analyseProfile(built);
    const row = built.totalRows[0]!;
    const column = built.budget + 10;
    const sum = built.lineRows[0]!.reduce(
      (s, r) => s + Number(built.sheet.rows[r]?.[column]?.value ?? 0),
      0,
    );
    expect(profileReport(a).totalRows).toEqual([row + 1]);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "total-mismatch",
        cell: cellAddress(row, column),
        expected: sum,
        actual: 409,
        message: `Jan is £409,000 but the lines above sum to £${sum},000`,
      }),
    ]);
  });
});

describe("monthly profile: formulas judged by what they compute", () => {
  it("takes a right formula with a stale cached value as right (a part was rewritten)", () => {
    const built = buildProfile(twoSections());
    const row = built.lineRows[0]![0]!;
    // As after an apply turned a typed full year into =SUM: the cells reading it keep old caches.
    built.sheet.rows[row]![built.variance!] = {
      value: -1_900,
      formula: `=P${row + 1}-C${row + 1}`,
    };
    const total = built.totalRows[0]!;
    const cached = built.sheet.rows[total]![built.fullYear!]!;
    built.sheet.rows[total]![built.fullYear!] = { ...cached, value: Number(cached.value) - 11_500 };
    expect(findingsOf(analyseProfile(built))).toEqual([]);
  });

  it("still reports a SUM that leaves out an inserted line, saying which row", () => {
    const built = buildProfile(twoSections());
    const total = built.totalRows[0]!;
    const [first, second] = built.lineRows[0]!;
    const column = built.firstMonth;
    const short = Number(built.sheet.rows[first!]![column]!.value);
    built.sheet.rows[total]![column] = {
      value: short,
      formula: `=SUM(D${first! + 1}:D${first! + 1})`,
    };
    const a = analyseProfile(built);
    expect(a.findings).toEqual([
      expect.objectContaining({ code: "total-mismatch", cell: cellAddress(total, column) }),
    ]);
    expect(a.findings[0]?.message).toMatch(new RegExp(`leaves out row ${second! + 1}$`));
  });
});

describe("monthly profile: plan", () => {
  it("writes a missing full year as =SUM of the months and a missing variance beside it", () => {
    const built = buildProfile(twoSections({ fullYearHeader: null, varianceHeader: null }));
    const a = analyseProfile(built);
    const writes = columnWrites(a);
    expect(writes.map((w) => [w.title, w.column, w.header?.text])).toEqual([
      ["Full year", 15, "Full year"],
      ["Variance", 16, "Variance"],
    ]);
    const row = built.lineRows[0]![0]!;
    const first = writes[0]!.cells.find((c) => c.row === row);
    expect(first).toEqual({ row, formula: `=SUM(D${row + 1}:O${row + 1})`, value: 252_000 });
    const variance = writes[1]!.cells.find((c) => c.row === row);
    expect(variance).toEqual({
      row,
      formula: `=IF(AND(ISNUMBER(P${row + 1}),ISNUMBER(C${row + 1})),P${row + 1}-C${row + 1},"")`,
      value: 12_000,
    });
    // Headings get nothing; totals get their own row's SUM.
    const rows = writes[0]!.cells.map((c) => c.row);
    expect(rows).not.toContain(built.headerRow + 1);
    expect(rows).toContain(built.totalRows[0]);
  });

  it("writes nothing into a chart-data block beside the table: only the free column", () => {
    const built = buildProfile(twoSections({ varianceHeader: null, besideBlock: true }));
    const a = analyseProfile(built);
    const writes = columnWrites(a);
    expect(writes.map((w) => [w.title, w.column])).toEqual([["Variance", built.lastColumn + 1]]);
    expect(a.plan.operations.some((o) => o.kind === "insert-columns")).toBe(false);
  });

  it("keeps the council's formulas and rewrites only typed figures on lines", () => {
    const spec = twoSections();
    spec.sections[0]!.lines[1] = line("HM02", 120_000, 118_800, { fullYear: 107_300 });
    spec.sections[1]!.lines[0] = line("TR01", 500_000, 512_300, { variance: 8_000 });
    const built = buildProfile(spec);
    const writes = columnWrites(analyseProfile(built));
    expect(writes.map((w) => [w.title, w.header, w.cells.map((c) => [c.row, c.value])])).toEqual([
      ["Full year", null, [[built.lineRows[0]![1]!, 118_800]]],
      ["Variance", null, [[built.lineRows[1]![0]!, 12_300]]],
    ]);
  });
});
