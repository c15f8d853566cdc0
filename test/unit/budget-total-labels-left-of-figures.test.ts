import { analyseWorkbook } from "../../src/core/analyse";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Revenue monitoring kept as "Portfolio | Budget area | figures…": the lines' names in one column,
 * the totals' labels ("Communities total", "Total Communities", "Council total") in another. A
 * total's label in any column of words left of the figures marks a total row, so a wrong subtotal
 * is found rather than read as one more line.
 */
const TITLE: CellValue[] = ["Corporate revenue monitoring - Quarter 3 2025/26 (£'000)"];

const analyse = (rows: CellValue[][]) =>
  analyseWorkbook(workbook(sheet("Q3 monitoring", rows)), { asOf: TODAY });
const found = (rows: CellValue[][]) =>
  analyse(rows).findings.map((f) => [f.code, f.cell, f.message]);

describe("a total's label in any column of words left of the figures", () => {
  it("Portfolio | Budget area, '… total' under Portfolio: the wrong subtotal is found", () => {
    const rows: CellValue[][] = [
      TITLE,
      [],
      ["Portfolio", "Budget area", "Revised budget", "Forecast", "Variance (+ over / - under)"],
      ["Resources", "Finance", 4000, 4060, 60],
      ["Resources", "Property", 12000, 12150, 150],
      ["Resources", "ICT", 6500, 6420, -80],
      ["Resources total", null, 22500, 22630, 130],
      ["Communities", "Community safety", 1500, 1590, 90],
      ["Communities", "Housing", 8200, 8240, 40],
      ["Communities", "Libraries", 2900, 2875, -25],
      // 1,500 + 8,200 + 2,900 = 12,600, typed 12,700.
      ["Communities total", null, 12700, 12705, 5],
      ["Council total", null, 35100, 35335, 235],
    ];
    expect(found(rows)).toEqual([
      [
        "total-mismatch",
        "C11",
        "Revised budget is £12,700,000 but its lines (rows 8–10) sum to £12,600,000; it also puts out E11, which follows from it",
      ],
    ]);
  });

  it("'Total Communities' first, the lines under 'Budget line': the wrong total is found", () => {
    const rows: CellValue[][] = [
      TITLE,
      ["Portfolio", "Budget line", "Budget", "Forecast", "Variance"],
      ["Resources", "Finance", 4000, 4060, 60],
      ["Resources", "Property", 12000, 12150, 150],
      ["Total Resources", null, 16000, 16210, 210],
      ["Communities", "Housing", 8200, 8240, 40],
      ["Communities", "Libraries", 2900, 2875, -25],
      // 8,200 + 2,900 = 11,100, typed 11,200; its variance follows the typed figure.
      ["Total Communities", null, 11200, 11115, -85],
      ["Total net budget", null, 27100, 27325, 225],
    ];
    const findings = found(rows);
    expect(findings.map(([code, cell]) => [code, cell])).toEqual([["total-mismatch", "C8"]]);
    expect(findings[0]?.[2]).toContain(
      "Budget is £11,200,000 but its lines (rows 6–7) sum to £11,100,000",
    );
  });

  it("three columns of words, the subtotal's label in the middle one", () => {
    const rows: CellValue[][] = [
      ["Directorate", "Division", "Area", "Revised budget", "Forecast", "Variance"],
      ["Adults", "Care", "Residential", 900, 950, 50],
      ["Adults", "Care", "Home care", 600, 580, -20],
      // 900 + 600 = 1,500, typed 1,600.
      [null, "Adults total", null, 1600, 1530, -70],
      ["Children", "Early help", "Family hubs", 300, 310, 10],
      ["Children", "Early help", "Youth", 200, 190, -10],
      [null, "Children total", null, 500, 500, 0],
      ["Net total", null, null, 2000, 2030, 30],
    ];
    const findings = found(rows);
    expect(findings.map(([code, cell]) => [code, cell])).toEqual([["total-mismatch", "D4"]]);
    expect(findings[0]?.[2]).toContain(
      "Revised budget is £1,600 but its lines (rows 2–3) sum to £1,500",
    );
  });

  it("right totals in the Portfolio column are no findings, and no line", () => {
    const rows: CellValue[][] = [
      ["Portfolio", "Budget area", "Revised budget", "Forecast", "Variance"],
      ["Resources", "Finance", 4000, 4060, 60],
      ["Resources", "ICT", 6500, 6420, -80],
      ["Resources total", null, 10500, 10480, -20],
      ["Place", "Highways", 5000, 5100, 100],
      ["Place total", null, 5000, 5100, 100],
      ["Council total", null, 15500, 15580, 80],
    ];
    const a = analyse(rows);
    expect(a.findings).toEqual([]);
    const table = a.tables[0] as unknown as { lines: { cell: string; level: string }[] };
    expect(table.lines.filter((l) => l.level === "line").map((l) => l.cell)).toEqual([
      "C2",
      "C3",
      "C5",
    ]);
  });
});
