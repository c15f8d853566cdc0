import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { matchSource, spelledByPrefixes } from "../../src/core/reconcile/match";
import type { Cell, CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * The funding shapes councils keep, one builder per trait, each asserting the exact findings:
 * a sources table with "tbc" and a number typed as text, a long allocations table keyed by an
 * abbreviated "Source of funding", a wide plan with the year merged over source columns, a
 * single-year template with its year in the title and its own SUMIF and Difference, shares typed
 * as percentages, and an Excel table's totals row.
 */
type Row = (CellValue | Cell)[];
const run = (...sheets: SheetSnapshot[]) => analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (fs: readonly Finding[]) =>
  fs.filter((x) => x.severity !== "info").map((x) => `${x.code} ${x.sheet}!${x.cell}`);
const kinds = (a: ReturnType<typeof run>) =>
  (a.tables as FundingTableReport[]).map((t) => `${t.sheet} ${t.kind} ${t.range}`);

const SOURCES: Row[] = [
  ["Prevention programme – funding available"],
  [],
  ["Funding source", "2025/26 £", "2026/27 £", "2027/28 £", "Notes"],
  ["Public Health Grant (ring-fenced)", 100000, 100000, "tbc", "not yet announced"],
  ["Homelessness Prevention Grant", 60000, 60000, "tbc", "settlement ends 2026/27"],
  ["Council general fund (match)", "£40,000", 40000, 40000, null],
  ["Total funding", 200000, 200000, "tbc"],
];

const LONG: Row[] = [
  ["Allocations by workstream and source of funding"],
  [],
  ["Ref", "Workstream", "Source of funding", "Lead officer", "2025/26 £", "2026/27 £", "2027/28 £"],
  ["1", "EARLY HELP"],
  ["1.1", "Family hub outreach", "PHG", "Head of Early Help", 70000, 70000, 70000],
  ["1.2", "Parenting programmes", "Council match", "Head of Early Help", 40000, 40000, 40000],
  [null, "Total Early Help", null, null, 110000, 110000, 110000],
  ["2", "HOMELESSNESS PREVENTION"],
  ["2.1", "Prevention caseworkers", "HPG", "Housing Options", 60000, 75000, 50000],
  ["2.2", "Stop smoking link", "PHG", "Housing Options", 30000, 30000, 30000],
  [null, "Total Homelessness Prevention", null, null, 90000, 105000, 80000],
  [null, "GRAND TOTAL", null, null, 200000, 215000, 190000],
];

describe("a sources table and a long allocations table keyed by abbreviated source names", () => {
  const a = run(sheet("Funding sources", SOURCES), sheet("Allocations", LONG));

  it("tells the sources table (Notes after the money do not key it) from the allocations", () => {
    expect(kinds(a)).toEqual([
      "Funding sources funding-sources A3:E7",
      "Allocations allocations A3:G12",
    ]);
  });

  it("matches PHG / HPG by initials and Council match by its words", () => {
    expect(a.reconciliation?.mapping.map((m) => `${m.allocation} → ${m.how}`)).toEqual([
      "PHG → acronym",
      "Council match → contained",
      "HPG → acronym",
    ]);
  });

  it("reports the difference at the available cell and one warning per tbc source and year", () => {
    expect(brief(a.findings)).toEqual([
      "unconfirmed-funding Funding sources!D4",
      "reconciliation-difference Funding sources!C5",
      "unconfirmed-funding Funding sources!D5",
    ]);
    const difference = a.findings.find((x) => x.code === "reconciliation-difference");
    expect(difference).toMatchObject({
      source: "Homelessness Prevention Grant",
      year: "2026/27",
      difference: 15000,
      expected: 60000,
      actual: 75000,
    });
    expect(a.findings.filter((x) => x.code === "unconfirmed-funding")).toEqual([
      expect.objectContaining({ cell: "D4", source: "Public Health Grant", amount: 100000 }),
      expect.objectContaining({
        cell: "D5",
        source: "Homelessness Prevention Grant",
        amount: 50000,
      }),
    ]);
  });

  it("reads a typed £40,000 as 40,000 (number-as-text) and reconciles it", () => {
    expect(a.findings.filter((x) => x.severity === "info").map((x) => x.code)).toEqual([
      "number-as-text",
    ]);
    const match = a.reconciliation?.lines.find(
      (l) => l.source === "Council general fund" && l.year === "2025/26",
    );
    expect(match).toMatchObject({ available: 40000, allocated: 40000, status: "reconciled" });
  });

  it("reports a ref on two different lines, a wrong section total, and nothing else", () => {
    const rows = LONG.map((r) => [...r]);
    (rows[9] as Row)[0] = "2.1"; // a second workstream given the first one's ref
    (rows[6] as Row)[4] = 100000; // a typed section total 10,000 short
    const b = run(sheet("Funding sources", SOURCES), sheet("Allocations", rows));
    expect(brief(b.findings).filter((x) => !x.startsWith("unconfirmed"))).toEqual([
      "reconciliation-difference Funding sources!C5",
      "total-mismatch Allocations!E7",
      "duplicate-id Allocations!A10",
    ]);
  });
});

describe("acronyms built from the starts of words", () => {
  it("spells UKSPF from UK + Shared + Prosperity + Fund and skips small words", () => {
    expect(spelledByPrefixes("ukspf", ["uk", "shared", "prosperity", "fund"])).toBe(true);
    expect(spelledByPrefixes("dfe", ["department", "for", "education"])).toBe(true);
    expect(spelledByPrefixes("ukspf", ["uk", "shared", "fund"])).toBe(false);
    expect(matchSource("UKSPF", ["Partner contributions", "UK Shared Prosperity Fund"])).toEqual({
      source: "UK Shared Prosperity Fund",
      how: "acronym",
    });
  });
});

/** "2025/26" and "2026/27" merged over UKSPF £ | Council match £ | Total £, labels merged down. */
const WIDE_PLAN: Row[] = [
  ["Investment plan"],
  [],
  ["Ref", "Project", "2025/26", null, null, "2026/27", null, null, "Total all years £"],
  [null, null, "UKSPF £", "Council match £", "Total £", "UKSPF £", "Council match £", "Total £"],
  ["Communities"],
  ["C1", "Public realm", 100, 20, f("=SUM(C6:D6)", 120), 80, 10, f("=SUM(F6:G6)", 90)],
  ["C2", "Events", 50, 5, f("=SUM(C7:D7)", 55), 40, 5, f("=SUM(F7:G7)", 45)],
  ["Total communities", null, f("=SUM(C6:C7)", 150), f("=SUM(D6:D7)", 25)],
  ["Business"],
  ["B2", "Shop fronts", 30, 0, f("=SUM(C10:D10)", 30), 0, 0, f("=SUM(F10:G10)", 0)],
  ["B1", "Start-ups", 70, 10, f("=SUM(C11:D11)", 80), 60, 10, f("=SUM(F11:G11)", 70)],
  ["Total business", null, f("=SUM(C11:C11)", 70), f("=SUM(D11:D11)", 10)],
];
for (const [i, row] of WIDE_PLAN.entries()) {
  if (i < 5) continue;
  const r = i + 1;
  if (typeof row[2] === "number") row[8] = f(`=E${r}+H${r}`, 0);
}
const WIDE_MERGES = ["A3:A4", "B3:B4", "C3:E3", "F3:H3", "I3:I4"];

const AVAILABLE: Row[] = [
  ["Funding available"],
  [],
  ["Funding source", "2025/26 £", "2026/27 £"],
  ["UK Shared Prosperity Fund", 250, "tbc"],
  ["Council match funding (reserves)", 35, 30],
];

describe("a wide plan with the year merged over source columns", () => {
  const plan = sheet("Plan", WIDE_PLAN, { merges: WIDE_MERGES });
  // The line totals across all years, cached as Excel would show them.
  for (const row of plan.rows) {
    const cell = row[8];
    if (cell?.formula) {
      const m = /^=E(\d+)\+H\d+$/.exec(cell.formula);
      const r = Number(m?.[1]) - 1;
      const e = plan.rows[r]?.[4]?.value;
      const h = plan.rows[r]?.[7]?.value;
      cell.value = (typeof e === "number" ? e : 0) + (typeof h === "number" ? h : 0);
    }
  }
  const a = run(plan, sheet("Funding available", AVAILABLE));

  it("is a funding table of source × year columns; the per-year Total is not a source", () => {
    const report = (a.tables as FundingTableReport[]).find((t) => t.sheet === "Plan");
    expect(report).toMatchObject({
      kind: "funding",
      range: "A3:I12",
      headerRows: [3, 4],
      sources: ["UKSPF", "Council match"],
      columns: expect.objectContaining({ "total 2025/26": "E", "total 2026/27": "H", total: "I" }),
    });
  });

  it("reconciles from the lines, not the short section total, and warns on money against tbc", () => {
    expect(brief(a.findings)).toEqual([
      // SUM(C11:C11) misses the shop fronts line inserted under the heading (council match is
      // nil there, so D12 still adds up).
      "total-mismatch Plan!C12",
      "unconfirmed-funding Funding available!C4",
      "reconciliation-difference Funding available!C5",
    ]);
    // Named by the whole header block: the year merged above and the source under it.
    expect(a.findings.find((x) => x.code === "total-mismatch")?.message).toBe(
      "2025/26 UKSPF £ is £70 but its lines (rows 10–11) sum to £100; its formula SUM(C11:C11) leaves out row 10",
    );
    expect(a.findings.find((x) => x.code === "reconciliation-difference")).toMatchObject({
      source: "Council match funding",
      year: "2026/27",
      difference: -5,
    });
    expect(a.findings.find((x) => x.code === "unconfirmed-funding")).toMatchObject({
      source: "UK Shared Prosperity Fund",
      year: "2026/27",
      amount: 180,
    });
  });
});

/** A planning template: one year, named in the title; income with its own SUMIF and Difference. */
const INCOME: Row[] = [
  ["Better Care Fund 2025-26 Planning Template"],
  ["3. Income"],
  [],
  ["Funding Sources", "Income (£)", "Expenditure (£)", "Difference (£)"],
  ["Minimum NHS Contribution", 1000, f("=SUMIF(x)", 1000), f("=B5-C5", 0)],
  ["Additional NHS Contribution", 200, f("=SUMIF(x)", 250), f("=B6-C6", -50)],
  ["Total", f("=SUM(B5:B6)", 1200), f("=SUM(C5:C6)", 1250), f("=SUM(D5:D6)", -50)],
];

const pct = (value: number): Cell => ({ value, numberFormat: "0%" });
const EXPENDITURE: Row[] = [
  ["Better Care Fund 2025-26 Planning Template"],
  ["4. Expenditure"],
  [],
  [
    "Scheme ID",
    "Scheme Name",
    "Area of Spend",
    "% NHS (if Joint Commissioner)",
    "% LA (if Joint Commissioner)",
    "Source of Funding",
    "Expenditure for 2025-26 (£)",
  ],
  [1, "Community teams", "Community Health", null, null, "Minimum NHS Contribution", 700],
  [1, "Community teams", "Social Care", pct(0.7), pct(0.3), "Additional NHS Contribution", 250],
  [2, "Reablement", "Social Care", { value: 60 }, pct(0.4), "Minimum NHS Contribution", 300],
  [3, "Winter pressures", "Social Care", null, null, "Minimum NHS Contribution", null],
];

describe("a single-year template: income by source against expenditure lines", () => {
  const a = run(sheet("Income", INCOME), sheet("Expenditure", EXPENDITURE));

  it("takes the year from the title and reads Income as the amount available", () => {
    expect(kinds(a)).toEqual(["Income funding-sources A4:D7", "Expenditure allocations A4:G8"]);
    expect((a.tables as FundingTableReport[]).map((t) => t.years)).toEqual([
      ["2025/26"],
      ["2025/26"],
    ]);
  });

  it("finds the over-allocated source, the share typed as 60, the blank amount; repeated scheme ids are parts of one scheme", () => {
    expect(brief(a.findings)).toEqual([
      "reconciliation-difference Income!B6",
      "out-of-range Expenditure!D7",
      "missing-value Expenditure!G8",
    ]);
    expect(a.findings.find((x) => x.code === "reconciliation-difference")).toMatchObject({
      difference: 50,
      expected: 200,
      actual: 250,
    });
    expect(a.findings.find((x) => x.code === "out-of-range")?.message).toBe(
      "% NHS (if Joint Commissioner) is 6000% (60); a share lies between 0% and 100% — did you mean 60%?",
    );
  });

  it("reads shares kept as whole percentages (no % format, 40 and 60) on a 0–100 scale", () => {
    const rows = EXPENDITURE.map((r) => [...r]);
    (rows[5] as Row)[3] = 70;
    (rows[5] as Row)[4] = 30;
    (rows[6] as Row)[4] = 40;
    const b = run(sheet("Income", INCOME), sheet("Expenditure", rows));
    expect(brief(b.findings).filter((x) => x.startsWith("out-of-range"))).toEqual([]);
  });

  it("without a year in the title, a yearless Income column is not read as money", () => {
    const rows = INCOME.map((r, i) => (i === 0 ? ["Planning template"] : r));
    const b = run(sheet("Income", rows));
    expect(b.tables).toEqual([]);
  });
});

/** An Excel table of grants: a calculated Total column and a totals row of SUBTOTAL(109,…). */
const TOTAL_FORMULA = "=SUM(Grants[[#This Row],[2025/26 £]:[2026/27 £]])";
const GRANTS: Row[] = [
  ["Grants register"],
  [],
  ["Grant ref", "Grant name", "2025/26 £", "2026/27 £", "Total £", "Grant officer"],
  ["G-1", "Public Health Grant", 300, 320, f(TOTAL_FORMULA, 620), "R. Osei"],
  ["G-2", "Better Care Grant", 180, "tbc", f(TOTAL_FORMULA, 180), "R. Osei"],
  ["G-3", "Flood defence", 125, 125, 240, "A. Kowalski"],
  [
    null,
    null,
    f("=SUBTOTAL(109,Grants[2025/26 £])", 605),
    f("=SUBTOTAL(109,Grants[2026/27 £])", 445),
    f("=SUBTOTAL(109,Grants[Total £])", 1040),
  ],
];

describe("a grants register kept as an Excel table with a totals row", () => {
  const a = run(sheet("Register", GRANTS));

  it("is a funding table; tbc with nothing allocated against it is not an error", () => {
    expect(kinds(a)).toEqual(["Register funding A3:F7"]);
    expect(a.reconciliation).toBeNull();
  });

  it("reads the unlabelled SUBTOTAL row as the total and reports only the typed line total", () => {
    expect(brief(a.findings)).toEqual(["total-mismatch Register!E6"]);
    expect((a.tables as FundingTableReport[])[0]?.totalRows).toBe(1);
  });

  it("gives the calculated column its formula back where a figure was typed over it", () => {
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(writes.map((w) => [w.title, w.cells])).toEqual([
      ["Total £", [{ row: 5, formula: "=SUM(C6:D6)", value: 250 }]],
    ]);
  });

  it("a figure typed over the totals row is reported at its cell", () => {
    const rows = GRANTS.map((r) => [...r]);
    (rows[6] as Row)[2] = 600;
    expect(brief(run(sheet("Register", rows)).findings)).toEqual([
      "total-mismatch Register!E6",
      "total-mismatch Register!C7",
    ]);
  });

  it("a SUBTOTAL over its own column whose cached value is not yet recalculated is not an error", () => {
    // After apply corrected a line the file recalculates on open; until then the cache lags.
    const rows = GRANTS.map((r) => [...r]);
    (rows[6] as Row)[4] = f("=SUBTOTAL(109,Grants[Total £])", 1030);
    expect(brief(run(sheet("Register", rows)).findings)).toEqual(["total-mismatch Register!E6"]);
  });
});

describe("properties of reconciliation from line rows", () => {
  const SOURCE_NAMES = ["Public Health Grant", "Homelessness Prevention Grant", "Council match"];
  const SHORT = ["PHG", "HPG", "Council match"];
  const line = fc.record({
    source: fc.integer({ min: 0, max: 2 }),
    amounts: fc.tuple(fc.integer({ min: 0, max: 500000 }), fc.integer({ min: 0, max: 500000 })),
  });

  function workbookOf(
    sections: { source: number; amounts: [number, number] }[][],
    planted: { source: number; year: number; delta: number } | null,
  ) {
    const allocations: Row[] = [["Ref", "Activity", "Source of funding", "2025/26 £", "2026/27 £"]];
    const available = SOURCE_NAMES.map(() => [0, 0]);
    sections.forEach((lines, s) => {
      allocations.push([`${s + 1}`, `SECTION ${s + 1}`]);
      const first = allocations.length + 1;
      lines.forEach((l, i) => {
        allocations.push([
          `${s + 1}.${i + 1}`,
          `Activity ${s}-${i}`,
          SHORT[l.source] ?? "",
          ...l.amounts,
        ]);
        const totals = available[l.source] as number[];
        totals[0] = (totals[0] ?? 0) + l.amounts[0];
        totals[1] = (totals[1] ?? 0) + l.amounts[1];
      });
      const last = allocations.length;
      const sum = (k: 0 | 1) => lines.reduce((n, l) => n + l.amounts[k], 0);
      allocations.push([
        null,
        `Total section ${s + 1}`,
        null,
        f(`=SUM(D${first}:D${last})`, sum(0)),
        f(`=SUM(E${first}:E${last})`, sum(1)),
      ]);
    });
    if (planted) {
      const row = available[planted.source] as number[];
      row[planted.year] = (row[planted.year] ?? 0) + planted.delta;
    }
    const sources: Row[] = [
      ["Funding source", "2025/26 £", "2026/27 £"],
      ...SOURCE_NAMES.map((name, i) => [name, ...(available[i] ?? [])]),
    ];
    return run(sheet("Sources", sources), sheet("Allocations", allocations));
  }

  it("finds exactly a planted difference, at the available cell, whatever the lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.option(
          fc.record({
            source: fc.integer({ min: 0, max: 2 }),
            year: fc.integer({ min: 0, max: 1 }),
            delta: fc.integer({ min: 1, max: 100000 }),
          }),
          { nil: null },
        ),
        (sections, planted) => {
          const a = workbookOf(sections, planted);
          const expected = planted
            ? [`reconciliation-difference Sources!${"BC"[planted.year]}${planted.source + 2}`]
            : [];
          expect(brief(a.findings)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reordering lines inside a section changes no total and no reconciliation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(line, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (sections, seed) => {
          const shuffled = sections.map((lines, s) =>
            lines.map((_, i) => lines[(i + seed + s) % lines.length] ?? lines[i]!),
          );
          const before = workbookOf(sections, null);
          const after = workbookOf(shuffled, null);
          expect(brief(after.findings)).toEqual(brief(before.findings));
          expect(after.reconciliation?.lines).toEqual(before.reconciliation?.lines);
        },
      ),
      { numRuns: 40 },
    );
  });
});
