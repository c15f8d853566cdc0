import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import type { CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

type Row = (CellValue | ReturnType<typeof f>)[];

/** A wide plan whose years are merged over source columns, as councils lay out partner funding. */
const PLAN: Row[] = [
  ["Service line", "Mandated?", "2025/26", null, null, "2026/27", null, null],
  [null, null, "PHG £", "Council £", "Total £", "PHG £", "Council £", "Total £"],
  ["Mandated services"],
  ["Sexual health", "Yes", 100, 10, f("=SUM(C4:D4)", 110), 120, 10, f("=SUM(F4:G4)", 130)],
  ["Health visiting", "Yes", 200, 0, f("=SUM(C5:D5)", 200), 210, 0, f("=SUM(F5:G5)", 210)],
  ["Total mandated", null, f("=SUM(C4:C5)", 300), 10, 310, 330, 10, 340],
  ["Other services"],
  ["Smoking cessation", "No", 50, 5, f("=SUM(C8:D8)", 55), 60, 5, f("=SUM(F8:G8)", 65)],
  ["Total other", null, 50, 5, 55, 60, 5, 65],
  ["Total all services", null, 350, 15, 365, 390, 15, 405],
];
const MERGES = ["A1:A2", "B1:B2", "C1:E1", "F1:H1"];

const analyse = (rows: Row[]) =>
  analyseWorkbook(workbook(sheet("Plan", rows, { merges: MERGES })), { asOf: TODAY });
const brief = (rows: Row[]) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);

describe("funding headers of two rows", () => {
  it("read a year merged over source columns as source × year, with both header rows", () => {
    const [table, ...rest] = analyse(PLAN).tables as FundingTableReport[];
    expect(rest).toEqual([]);
    expect(table).toMatchObject({
      range: "A1:H10",
      headerRow: 1,
      headerRows: [1, 2],
      years: ["2025/26", "2026/27"],
      sources: ["PHG", "Council"],
      sections: ["Mandated services", "Other services"],
    });
  });

  it("find a hard-typed subtotal and no other total: the grand total adds the stated subtotals", () => {
    const rows = PLAN.map((r) => [...r]);
    // 2026/27 PHG subtotal typed 9 high, its row total with it; the grand totals were added from
    // the stated subtotals, so they are explained and not blamed. The row total H6 is out by the
    // same 9 only because it adds F6: it is said in F6's finding, not as a second error.
    (rows[5] as Row)[5] = 339;
    (rows[5] as Row)[7] = 349;
    (rows[9] as Row)[5] = 399;
    (rows[9] as Row)[7] = 414;
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@F6"]);
    expect(findings[0]?.message).toContain("it also puts out H6, which follows from it");
  });

  it("still report a grand total that neither the subtotals nor the lines explain", () => {
    const rows = PLAN.map((r) => [...r]);
    (rows[9] as Row)[3] = 16;
    expect(brief(rows)).toEqual(["total-mismatch@D10"]);
  });
});

describe("a total over several years", () => {
  it('reads "Total 2025-29" as the row total, not an ambiguous year', () => {
    const analysis = analyseWorkbook(
      workbook(
        sheet("Capital", [
          ["Scheme", "2025/26", "2026/27", "2027/28", "Total 2025-29"],
          ["Depot", 100, 200, 300, f("=SUM(B2:D2)", 600)],
          ["Library", 10, 20, 30, 60],
        ]),
      ),
      { asOf: TODAY },
    );
    expect(analysis.findings.filter((x) => x.code === "ambiguous-year")).toEqual([]);
    expect((analysis.tables[0] as FundingTableReport).columns).toMatchObject({ total: "E" });
  });
});

describe("references in funding tables", () => {
  const run = (rows: Row[]) =>
    analyseWorkbook(workbook(sheet("Grants", rows)), { asOf: TODAY }).findings.map(
      (x) => `${x.code}@${x.cell}`,
    );

  it("report one reference on two different grants, on the later line", () => {
    expect(
      run([
        ["Grant ref", "Grant name", "2025/26 £", "2026/27 £"],
        ["G-1", "Supporting Families", 100, 100],
        ["G-1", "Prevention grant", 50, 50],
        ["G-2", "Skills", 10, 10],
      ]),
    ).toEqual(["duplicate-id@A3"]);
  });

  it("leave a scheme split over lines of the same name alone", () => {
    expect(
      run([
        ["Scheme ID", "Scheme name", "Source of funding", "2025/26 £", "2026/27 £"],
        ["1", "Discharge support", "NHS", 100, 100],
        ["1", "Discharge support", "Council", 50, 50],
        ["2", "Reablement", "NHS", 10, 10],
      ]),
    ).toEqual([]);
  });
});

describe("two tables on one sheet", () => {
  it("end the first at the title of the second", () => {
    const rows: Row[] = [
      ["Source", "2025/26 £", "2026/27 £"],
      ["Public Health Grant", 1000, 1100],
      ["Total", f("=SUM(B2:B2)", 1000), f("=SUM(C2:C2)", 1100)],
      [],
      ["Allocations by service"],
      ...PLAN,
    ];
    const merges = MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 5)));
    const analysis = analyseWorkbook(workbook(sheet("Plan", rows, { merges })), { asOf: TODAY });
    expect(analysis.tables.map((t) => [t.range, t.headerRow])).toEqual([
      ["A1:C3", 1],
      ["A6:H15", 6],
    ]);
  });
});
