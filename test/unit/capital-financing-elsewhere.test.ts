import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { Cell, CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

/**
 * A capital programme whose financing is a table of its own — a "Financing" sheet, or a separate
 * table beside or below the programme — is balanced year by year as a block under it is.
 * BASE_PROGRAMME's schemes add to 565, 570 and 585 (£'000) in 2025/26 to 2027/28.
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (fs: readonly Finding[]) =>
  fs.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.sheet}!${x.cell}`);
const programme = () => programmeSheet({ ...BASE_PROGRAMME, financing: null });

function financingSheet(rows: (CellValue | Cell)[][], name = "Financing"): SheetSnapshot {
  return sheet(name, rows);
}

describe("capital financing kept apart from the programme", () => {
  it("pairs a Financing sheet by its years: one finding per year that does not balance", () => {
    const a = analyse(
      programme(),
      financingSheet([
        ["Source", "2025/26", "2026/27", "2027/28"],
        ["Borrowing", 300, 300, 300],
        ["Grants", 200, 200, 200],
        ["S106", 10, 20, 10],
        ["Capital receipts", 55, 50, 65],
        ["Reserves", 0, 0, 0],
        ["Total", 565, 570, 575],
      ]),
    );
    expect(brief(a.findings)).toEqual(["reconciliation-difference@Financing!D7"]);
    const [gap] = a.findings.filter((x) => x.code === "reconciliation-difference");
    expect(gap).toMatchObject({
      year: "2027/28",
      expected: 585,
      actual: 575,
      difference: 10,
      table: "A1:D7",
    });
    expect(gap?.message).toBe(
      "2027/28 financing is £575,000 but the schemes add to £585,000: financing falls short of the programme by £10,000",
    );
  });

  it("a tbc source on the Financing sheet is unconfirmed funding, that year not judged", () => {
    const a = analyse(
      programme(),
      financingSheet([
        ["Capital Financing £'000"],
        [],
        ["Financed by", "2025/26", "2026/27", "2027/28"],
        ["Prudential borrowing", 300, 300, 300],
        ["Government grants", 200, "tbc", 200],
        ["Capital receipts", 65, 70, 85],
        ["Total financing", 565, 370, 585],
      ]),
    );
    expect(brief(a.findings)).toEqual(["unconfirmed-funding@Financing!C5"]);
    expect(a.findings.find((x) => x.code === "unconfirmed-funding")).toMatchObject({
      source: "Government grants",
      year: "2026/27",
      amount: 200,
    });
    expect(a.findings.filter((x) => x.code === "layout-not-found")).toEqual([]);
  });

  it("reads financing kept in £m against a programme in £'000, in pounds", () => {
    const a = analyse(
      programme(),
      financingSheet([
        ["Financing (£m)"],
        [null, "2025/26", "2026/27", "2027/28"],
        ["Borrowing", 0.3, 0.3, 0.3],
        ["Grants", 0.2, 0.2, 0.2],
        ["Capital receipts", 0.065, 0.07, 0.08],
        ["Total", 0.565, 0.57, 0.58],
      ]),
    );
    expect(brief(a.findings)).toEqual(["reconciliation-difference@Financing!D6"]);
    expect(a.findings.find((x) => x.code === "reconciliation-difference")).toMatchObject({
      expected: 585,
      actual: 580,
      difference: 5,
    });
  });

  it("pairs a separate table below the programme on its own sheet", () => {
    const p = programme();
    const rows: (CellValue | Cell)[][] = [
      [],
      [],
      [],
      ["Financing", null, "2025/26", "2026/27", "2027/28"],
      ["Borrowing", null, 300, 300, 300],
      ["Grants", null, 265, 260, 285],
      ["Total financing", null, 565, 560, 585],
    ];
    const below = sheet(p.name, [
      ...p.rows.map((r) => r.map((c) => c)),
      ...rows.map((r) => r.map((v) => (v === null ? null : { value: v as CellValue }))),
    ] as (Cell | null)[][]);
    const a = analyse(below);
    expect(brief(a.findings)).toEqual(["reconciliation-difference@Capital Programme!D24"]);
  });

  it("pairs a separate table beside the programme", () => {
    const p = programme();
    const beside: [number, (string | number)[]][] = [
      [2, ["Financing", "2025/26", "2026/27", "2027/28"]],
      [5, ["Borrowing", 300, 300, 300]],
      [6, ["Grants", 265, 270, 280]],
      [7, ["Total", 565, 570, 580]],
    ];
    const rows = p.rows.map((r) => [...r]);
    for (const [r, values] of beside) {
      const row = rows[r] ?? [];
      while (row.length < 8) row.push(null);
      values.forEach((v, k) => (row[8 + k] = { value: v }));
      rows[r] = row;
    }
    const a = analyse({ ...p, rows });
    expect(brief(a.findings)).toEqual(["reconciliation-difference@Capital Programme!L8"]);
  });

  it("a balanced Financing sheet raises nothing; a table of schemes is no financing", () => {
    const balanced = analyse(
      programme(),
      financingSheet([
        ["Source", "2025/26", "2026/27", "2027/28"],
        ["Borrowing", 300, 300, 300],
        ["Grants", 265, 270, 285],
      ]),
    );
    expect(brief(balanced.findings)).toEqual([]);
    const schemes = analyse(
      programme(),
      financingSheet([
        ["Scheme", "2025/26", "2026/27", "2027/28"],
        ["Library refit", 1, 2, 3],
        ["Depot roof", 4, 5, 6],
      ]),
    );
    expect(brief(schemes.findings).filter((x) => x.startsWith("reconciliation"))).toEqual([]);
  });

  it("a programme with its own financing block is not paired again", () => {
    const a = analyse(
      programmeSheet(BASE_PROGRAMME),
      financingSheet([
        ["Source", "2025/26", "2026/27", "2027/28"],
        ["Borrowing", 1, 1, 1],
        ["Grants", 1, 1, 1],
      ]),
    );
    expect(brief(a.findings)).toEqual([]);
  });
});
