import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { CapitalProgrammeReport } from "../../src/core/capital";
import { classifyCapitalHeader } from "../../src/core/capital/columns";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { financialYearOf, yearRangeOf } from "../../src/core/tables/year-ranges";
import { parseYearLabel } from "../../src/core/tables/years";
import { tablesText } from "../../src/cli/report";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import {
  BASE_PROGRAMME,
  GBPM_PROGRAMME,
  withFinancing,
  programmeSheet,
  type ProgrammeSpec,
} from "../helpers/capital";

const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (fs: readonly Finding[]) =>
  fs.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`);
const capital = (tables: readonly { kind: string }[]) =>
  tables.filter((t): t is CapitalProgrammeReport => t.kind === "capital-programme");

describe("capital programme: reading", () => {
  it("reads schemes by year, the row total over a year range, sections and financing", () => {
    const a = analyse(programmeSheet(BASE_PROGRAMME));
    expect(brief(a.findings)).toEqual([]);
    const [t] = capital(a.tables);
    expect(t).toMatchObject({
      kind: "capital-programme",
      range: "A3:F17",
      headerRows: [3, 4, 5],
      years: ["2025/26", "2026/27", "2027/28"],
      columns: { scheme: "A", status: "B", "2025/26": "C", "2027/28": "E", total: "F" },
      unit: "£'000",
      multiplier: 1000,
      sections: ["Children's Services", "Place"],
      totalRows: 3,
      sources: ["Prudential borrowing", "Government grants", "Capital receipts"],
      financing: { range: "A19:F23", totalRow: 23 },
    });
    expect(a.tables.filter((x) => x.kind !== "capital-programme")).toEqual([]);
    expect(tablesText(a.tables).join("\n")).toContain("capital-programme");
  });

  it.each([
    ["2025/26", "2025/26", 2025],
    ["2026/27 Estimate", "2026/27", 2026],
    ["2025/26 Revised", "2025/26", 2025],
    ["2025-26", "2025/26", 2025],
    ["2025/2026 £'000", "2025/26", 2025],
    ["25/26", "2025/26", 2025],
  ])("%s is the year %s", (text, year, start) => {
    expect(financialYearOf(text)).toEqual({ year, start });
    expect(yearRangeOf(text)).toBeNull();
  });

  it.each([
    ["2025-29", 2025, 2028],
    ["Total 2025-29", 2025, 2028],
    ["Total 2025/26 to 2028/29", 2025, 2028],
    ["2025-2029", 2025, 2028],
  ])("%s is a range of years, never one year", (text, first, last) => {
    expect(yearRangeOf(text)).toMatchObject({ first, last });
    expect(financialYearOf(text)).toBeNull();
  });

  it("funding's year reader takes a range for no year, never an ambiguous one", () => {
    expect(parseYearLabel("Total 2025-29")).toBeNull();
    expect(parseYearLabel("2025-29")).toBeNull();
    expect(parseYearLabel("2009")?.label).toEqual({ kind: "ambiguous", text: "2009" });
    expect(parseYearLabel("SCR Grant £08/09")?.label).toMatchObject({ year: "2008/09" });
  });

  it("reads years in one cell, a one-cell 'Total 2025-28' and no ambiguous year", () => {
    const a = analyse(
      programmeSheet({
        ...BASE_PROGRAMME,
        years: ["2025/26 Revised", "2026/27 Estimate", "2027/28 Estimate"],
        qualifiers: [],
        total: ["Total 2025-28", ""],
      }),
    );
    expect(brief(a.findings)).toEqual([]);
    expect(capital(a.tables)[0]).toMatchObject({
      range: "A3:F16",
      headerRows: [3, 4],
      years: ["2025/26", "2026/27", "2027/28"],
      columns: { total: "F" },
    });
    expect(JSON.stringify(a)).not.toContain("NaN");
  });

  it("takes the revised figure of a year merged over two columns, the other is no year", () => {
    const s = sheet(
      "Capital",
      [
        ["Capital Programme"],
        ["Scheme", "2025/26", null, "2026/27", "Total 2025-27"],
        [null, "Original", "Revised", "Estimate", null],
        ["Depot", 100, 120, 50, f("=C4+D4", 170)],
        ["Pool", 10, 10, 20, f("=C5+D5", 30)],
        [
          "TOTAL CAPITAL PROGRAMME",
          f("=SUM(B4:B5)", 110),
          f("=SUM(C4:C5)", 130),
          f("=SUM(D4:D5)", 70),
          f("=SUM(E4:E5)", 200),
        ],
      ],
      { merges: ["B2:C2", "E2:E3"] },
    );
    const a = analyse(s);
    expect(brief(a.findings)).toEqual([]);
    expect(capital(a.tables)[0]).toMatchObject({
      range: "A2:E6",
      columns: { "2025/26": "C", "2026/27": "D", total: "E" },
      ignoredColumns: { B: "another 2025/26 figure" },
    });
  });

  it("classifies prior years, total scheme cost and the scheme column", () => {
    const role = (text: string, group: string | null = null) =>
      classifyCapitalHeader({ column: 0, group, text, unit: null })?.role;
    expect(role("Prior years")).toBe("prior");
    expect(role("Total scheme cost")).toBe("scheme-cost");
    expect(role("Total 2025-29")).toBe("total");
    expect(role("2025/26 Revised", "Capital programme 2025/26 to 2028/29")).toBe("year");
    expect(role("Capital programme 2025/26 to 2028/29 › 2028/29 Estimate")).toBe("year");
    expect(role("Total 2025-29", "2028/29 Estimate")).toBe("total");
    expect(role("Scheme")).toBe("scheme");
    expect(role("Ref")).toBe("ref");
  });

  it("leaves a plain scheme × year funding table to the funding kind", () => {
    const a = analyse(
      sheet("Funding", [
        ["Scheme", "2024-25", "2025-26"],
        ["Parks", 100, 200],
        ["Total", f("=SUM(B2:B2)", 100), f("=SUM(C2:C2)", 200)],
      ]),
    );
    expect(capital(a.tables)).toEqual([]);
  });
});

/** F13 adds two of the three years; the totals over it show what Excel computes from it. */
const STALE_F13 = {
  F13: f("=SUM(C13:D13)", 30),
  F15: f("=SUM(F12:F14)", 940),
  F17: f("=F9+F15", 1690),
};

describe("capital programme: checks", () => {
  it("finds a row total missing a year column, in pounds", () => {
    const a = analyse(programmeSheet({ ...BASE_PROGRAMME, override: STALE_F13 }));
    expect(brief(a.findings)).toEqual(["total-mismatch@F13"]);
    expect(a.findings.find((x) => x.cell === "F13")).toMatchObject({
      expected: 60,
      actual: 30,
      message:
        "Total 2025-28 is £30,000 but the years 2025/26 to 2027/28 add to £60,000; its formula SUM(C13:D13) leaves out 2027/28 Estimate (column E)",
    });
  });

  it("finds a hard-typed row total on a scheme line", () => {
    const a = analyse(
      programmeSheet({
        ...BASE_PROGRAMME,
        override: { F12: 950, F15: f("=SUM(F12:F14)", 1020), F17: f("=F9+F15", 1770) },
      }),
    );
    expect(brief(a.findings)).toEqual(["total-mismatch@F12"]);
    expect(a.findings[0]).toMatchObject({
      expected: 900,
      actual: 950,
      message: "Total 2025-28 is £950,000 but the years 2025/26 to 2027/28 add to £900,000",
    });
  });

  it("adds only the years inside the range the row total names", () => {
    const s = sheet("Capital", [
      ["Capital Programme £'000"],
      ["Scheme", "2025/26 Revised", "2026/27 Estimate", "2027/28 Estimate", "Total 2026-28"],
      ["Depot", 100, 50, 25, f("=SUM(C3:D3)", 75)],
      ["Pool", 10, 20, 30, 60],
      [
        "TOTAL CAPITAL PROGRAMME",
        f("=SUM(B3:B4)", 110),
        f("=SUM(C3:C4)", 70),
        f("=SUM(D3:D4)", 55),
        f("=SUM(E3:E4)", 135),
      ],
    ]);
    const a = analyse(s);
    expect(brief(a.findings)).toEqual(["total-mismatch@E4"]);
    expect(a.findings[0]?.message).toBe(
      "Total 2026-28 is £60,000 but the years 2026/27 to 2027/28 add to £50,000",
    );
  });

  it("finds a hard-typed section total once (not again in the grand total)", () => {
    const a = analyse(programmeSheet({ ...BASE_PROGRAMME, override: { F15: 900 } }));
    expect(brief(a.findings)).toEqual(["total-mismatch@F15"]);
    expect(a.findings.find((x) => x.cell === "F15")?.message).toBe(
      "Total 2025-28 is £900,000 but its lines (rows 12–14) sum to £970,000",
    );
  });

  it("balances financing against the scheme lines year by year", () => {
    const a = analyse(
      programmeSheet(withFinancing(BASE_PROGRAMME, "Prudential borrowing", 1, 350)),
    );
    expect(brief(a.findings)).toEqual(["reconciliation-difference@D23"]);
    expect(a.findings.find((x) => x.cell === "D23")).toMatchObject({
      source: "TOTAL FINANCING",
      year: "2026/27",
      difference: -50,
      expected: 570,
      actual: 620,
      message:
        "2026/27 financing is £620,000 but the schemes add to £570,000: financing exceeds the programme by £50,000",
    });
  });

  it("warns where financing is tbc and does not judge that year's balance", () => {
    const a = analyse(programmeSheet(withFinancing(BASE_PROGRAMME, "Government grants", 2, "tbc")));
    expect(brief(a.findings)).toEqual(["unconfirmed-funding@E21"]);
    expect(a.findings.find((x) => x.cell === "E21")).toMatchObject({
      severity: "warning",
      source: "Government grants",
      year: "2027/28",
      amount: 200,
      message:
        'Government grants for 2027/28 is "tbc": £200,000 of the 2027/28 programme (£585,000) rests on finance not yet confirmed',
    });
  });

  it("says the confirmed sources cover the year, not that £0 rests on a tbc line", () => {
    const a = analyse(
      programmeSheet(
        withFinancing(
          withFinancing(BASE_PROGRAMME, "Government grants", 2, "tbc"),
          "Capital receipts",
          2,
          285,
        ),
      ),
    );
    expect(brief(a.findings)).toEqual(["unconfirmed-funding@E21"]);
    expect(a.findings.find((x) => x.cell === "E21")).toMatchObject({
      amount: 0,
      message:
        'Government grants for 2027/28 is "tbc": the confirmed sources (£585,000) cover the 2027/28 programme (£585,000); the tbc line would over-fund it',
    });
  });

  it("reads unlabelled subtotals in £m by arithmetic and finds a typed one", () => {
    const spec: ProgrammeSpec = {
      ...GBPM_PROGRAMME,
      grandLabel: "Total capital programme",
      financingHeading: "Financed by:",
      override: { F15: 4.5 },
    };
    const a = analyse(programmeSheet(spec));
    expect(brief(a.findings)).toEqual(["total-mismatch@F15"]);
    expect(a.findings.find((x) => x.cell === "F15")).toMatchObject({
      expected: 4.825,
      actual: 4.5,
      message: "Total 2025-28 is £4,500,000 but its lines (rows 12–14) sum to £4,825,000",
    });
    expect(capital(a.tables)[0]).toMatchObject({
      unit: "£m",
      multiplier: 1_000_000,
      unlabelledTotalRows: [9, 15],
      totalRows: 3,
    });
  });

  it("leaves a hidden superseded year column out of the programme's years and row totals", () => {
    const s = sheet(
      "Capital",
      [
        ["Capital Programme"],
        [
          "Ref",
          "Scheme",
          "2025/26 Revised",
          "2026/27 Estimate",
          "2025/26 budget at Q2",
          "Total 2025-27",
        ],
        [null, null, "£m", "£m", "£m", "£m"],
        ["A1", "Depot", 1.2, 0.5, 1.5, f("=SUM(C4:D4)", 1.7)],
        ["A2", "Pool", 0.1, 0.2, 0.1, f("=SUM(C5:D5)", 0.3)],
        [
          null,
          "Total capital programme",
          f("=SUM(C4:C5)", 1.3),
          f("=SUM(D4:D5)", 0.7),
          f("=SUM(E4:E5)", 1.6),
          f("=SUM(F4:F5)", 2),
        ],
      ],
      { hiddenColumns: [4] },
    );
    const a = analyse(s);
    expect(brief(a.findings)).toEqual([]);
    expect(capital(a.tables)[0]).toMatchObject({
      years: ["2025/26", "2026/27"],
      ignoredColumns: { E: "hidden: not a year of the programme" },
      unit: "£m",
    });
  });
});

describe("capital programme: scale and financing layouts", () => {
  it("takes the scale from the title when there is no units row, and says text amounts in pounds", () => {
    const s = programmeSheet({
      ...BASE_PROGRAMME,
      years: ["2025/26 Revised", "2026/27 Estimate", "2027/28 Estimate"],
      qualifiers: [],
      total: ["Total 2025-28", ""],
      override: { A1: "Capital Programme (£'000)", C6: "100" },
    });
    // Without a units row the rows move up one: the first line is row 6.
    const a = analyse(s);
    expect(capital(a.tables)[0]).toMatchObject({ unit: "£'000", multiplier: 1000 });
    // The row and section totals are =SUM formulas over their parts: right as formulas, they are
    // not reported; the text is the one fault.
    expect(brief(a.findings)).toEqual([]);
    expect(a.findings.find((x) => x.cell === "C6")).toMatchObject({
      code: "number-as-text",
      message: '"100" is stored as text; it is read as £100,000',
    });
  });

  it("reads a financing block with no heading, opened by a source of finance", () => {
    const s = programmeSheet({ ...BASE_PROGRAMME, financingHeading: "" });
    // The builder's empty heading leaves a blank row: sources follow the grand total directly.
    const a = analyse(s);
    expect(brief(a.findings)).toEqual([]);
    expect(capital(a.tables)[0]?.sources).toEqual([
      "Prudential borrowing",
      "Government grants",
      "Capital receipts",
    ]);
  });

  it("reads a financing heading that repeats the years over the block", () => {
    const s = programmeSheet({
      ...withFinancing(BASE_PROGRAMME, "Government grants", 1, 250),
      override: { C19: "2025/26", D19: "2026/27", E19: "2027/28" },
    });
    const a = analyse(s);
    expect(brief(a.findings)).toEqual(["reconciliation-difference@D23"]);
  });
});

describe("capital programme: plan", () => {
  it("writes a missing row total as a live SUM of the years, past a note beside the table", () => {
    const s = programmeSheet({ ...BASE_PROGRAMME, total: null, beside: { F7: "see note" } });
    const a = analyse(s);
    expect(brief(a.findings)).toEqual([]);
    const ops = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(ops).toHaveLength(1);
    const op = ops[0];
    expect(op).toMatchObject({
      column: 6,
      title: "Total 2025-28",
      header: { row: 2, text: "Total 2025-28" },
    });
    const at = (row1: number) => op?.cells.find((c) => c.row === row1 - 1);
    expect(at(7)).toEqual({ row: 6, formula: "=SUM(C7:E7)", value: 600 });
    expect(at(9)).toEqual({ row: 8, formula: "=SUM(G7:G8)", value: 750 });
    expect(at(17)).toEqual({ row: 16, formula: "=SUM(G9,G15)", value: 1720 });
    expect(at(20)).toEqual({ row: 19, formula: "=SUM(C20:E20)", value: 900 });
    expect(at(23)).toEqual({ row: 22, formula: "=SUM(C23:E23)", value: 1720 });
    // Nothing written into the occupied note cell or the header rows below the top; the units
    // row states the total's unit as it does the years'.
    expect(op?.cells.map((c) => c.row)).not.toContain(3);
    expect(at(5)).toEqual({ row: 4, formula: null, value: "£'000" });
    expect(s.rows[6]?.[5]?.value).toBe("see note");
  });

  it("writes a typed line total as a SUM and keeps the council's own formulas", () => {
    const a = analyse(programmeSheet({ ...BASE_PROGRAMME, override: { ...STALE_F13, F12: 900 } }));
    const ops = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(ops.map((o) => o.cells)).toEqual([[{ row: 11, formula: "=SUM(C12:E12)", value: 900 }]]);
    expect(brief(a.findings)).toEqual(["total-mismatch@F13"]);
  });
});

describe("capital programme: a second apply", () => {
  it.each([
    ["beside the table", {}],
    ["past a note", { beside: { F7: "see note" } }],
  ])("finds its written row total again (%s) and changes nothing", (_, extra) => {
    const first = workbook(programmeSheet({ ...BASE_PROGRAMME, total: null, ...extra }));
    const once = applyPlanToSnapshot(first, analyseWorkbook(first, { asOf: TODAY }).plan, {
      valuesOnly: false,
    });
    const second = analyseWorkbook(once, { asOf: TODAY });
    expect(brief(second.findings)).toEqual([]);
    expect(second.plan.operations).toEqual([]);
    expect(capital(second.tables)[0]?.columns.total).toBeDefined();
  });
});

describe("capital programme: properties", () => {
  it("year header parsing never throws", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: null }), (text, group) => {
        financialYearOf(text);
        yearRangeOf(text);
        classifyCapitalHeader({ column: 0, group, text, unit: null });
      }),
      { numRuns: 500 },
    );
  });

  it("reading arbitrary grids with year words and merges never throws", () => {
    const word = fc.constantFrom(
      "2025/26",
      "2026/27 Estimate",
      "Total 2025-29",
      "Revised",
      "£m",
      "Scheme",
      "Financing",
      "Total",
      "tbc",
      "Prudential borrowing",
      "",
    );
    const cell = fc.oneof(word, fc.integer({ min: -5, max: 5000 }), fc.constant(null), fc.string());
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
        fc.array(fc.constantFrom("C1:D1", "A1:A3", "B2:E2", "D4:D5", "A1:XFD1"), { maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 2 }),
        (rows, merges, hiddenColumns) => {
          const a = analyse(sheet("Grid", rows, { merges, hiddenColumns }));
          expect(JSON.stringify(a.findings)).not.toContain("NaN");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reordering scheme lines inside a section never changes the findings", () => {
    const line = fc.tuple(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 5000 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 2, maxLength: 5 }),
        fc.array(line, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: -300, max: 300 }),
        fc.nat(),
        (first, second, typo, surplus, seed) => {
          const build = (a: typeof first, b: typeof second) => {
            const sections = [
              { name: "Housing", lines: a.map((v, k) => [`H${k}`, ...v] as [string, ...number[]]) },
              { name: "Place", lines: b.map((v, k) => [`P${k}`, ...v] as [string, ...number[]]) },
            ];
            const years = [0, 1, 2].map((y) => [...a, ...b].reduce((s, v) => s + (v[y] ?? 0), 0));
            const firstTotal = 6 + a.length + 1; // 1-based row of the first section's total
            const typed = a.reduce((s, v) => s + v[0] + v[1] + v[2], 0) + typo;
            return programmeSheet({
              ...BASE_PROGRAMME,
              sections,
              financing: [
                ["Prudential borrowing", (years[0] ?? 0) + surplus, years[1] ?? 0, years[2] ?? 0],
              ],
              override: { [`F${firstTotal}`]: typed },
            });
          };
          const shuffled = [...second]
            .sort(() => 0)
            .map((_, k, all) => all[(k + seed) % all.length]!);
          const key = (fs: readonly Finding[]) =>
            fs.map((x) => `${x.code}@${x.cell}:${x.message}`).sort();
          expect(key(analyse(build([...first].reverse(), shuffled)).findings)).toEqual(
            key(analyse(build(first, second)).findings),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
