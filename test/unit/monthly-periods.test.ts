import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { monthOfHeader, monthRun } from "../../src/core/monthly/months";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Monthly profiles headed by accounting periods ("P1" … "P12", "Period 1", "M01"): period 1 is
 * April. Periods are short codes other tables use too, so they make a profile only as a whole
 * year (12 periods, or 13 with the year-end adjustments).
 */
type Rows = Parameters<typeof sheet>[1];
const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function profile(header: (p: number) => string, periods = 12): Rows {
  const last = letters[1 + periods] as string; // B budget, C… the periods
  const line = (name: string, budget: number, each: number, r: number, typed?: number) => [
    name,
    budget,
    ...Array.from({ length: periods }, () => each),
    typed ?? f(`=SUM(C${r}:${last}${r})`, each * periods),
  ];
  return [
    ["Highways profile 2025/26 (£)"],
    [],
    [
      "Cost centre",
      "Budget",
      ...Array.from({ length: periods }, (_, k) => header(k + 1)),
      "Full year",
    ],
    line("Street lighting", 120000, 10000, 4),
    line("Gully cleansing", 60000, 5000, 5, 55000),
    [
      "Total",
      f("=SUM(B4:B5)", 180000),
      ...Array.from({ length: periods + 1 }, (_, k) => {
        const c = letters[2 + k] as string;
        return f(`=SUM(${c}4:${c}5)`, k < periods ? 15000 : 120000 + 55000);
      }),
    ],
  ];
}

const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Profile", rows)), { asOf: TODAY });

describe("period headers", () => {
  it.each([
    ["P1", 1, 4],
    ["P01", 1, 4],
    ["Period 9", 9, 12],
    ["M12", 12, 3],
    ["Month 10", 10, 1],
    ["P13", 13, 3],
  ])("%s is period %i (month %i)", (text, period, month) => {
    expect(monthOfHeader({ value: text })).toMatchObject({ period, month });
  });

  it.each(["P0", "P14", "Pay", "Priority 1"])("%s is no period", (text) => {
    expect(monthOfHeader({ value: text })).toBeNull();
  });

  it("six periods alone make no profile; a whole year does", () => {
    const cells = (n: number) => Array.from({ length: n }, (_, k) => ({ value: `P${k + 1}` }));
    expect(monthRun(cells(6))).toBeNull();
    expect(monthRun(cells(12))?.headers).toHaveLength(12);
    expect(monthRun(cells(13))?.headers).toHaveLength(13);
  });

  it("period parsing never throws", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        monthOfHeader({ value: text });
      }),
    );
  });
});

describe("a monthly profile headed by periods", () => {
  it.each([
    ["P1", (p: number) => `P${p}`],
    ["Period 1", (p: number) => `Period ${p}`],
    ["M01", (p: number) => `M${String(p).padStart(2, "0")}`],
  ])("%s …: read as a profile, the typed full year found and written as a SUM", (_, header) => {
    const a = analyse(profile(header));
    expect(a.tables.map((t) => t.kind)).toEqual(["monthly-profile"]);
    expect(
      a.findings.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`),
    ).toEqual(["total-mismatch@O5"]);
    const fullYear = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 14,
    );
    expect(fullYear?.cells).toEqual([{ row: 4, formula: "=SUM(C5:N5)", value: 60000 }]);
  });

  it("P1 … P13: thirteen periods, the full year adds all of them", () => {
    const a = analyse(profile((p) => `P${p}`, 13));
    expect(a.tables.map((t) => t.kind)).toEqual(["monthly-profile"]);
    const fullYear = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 15,
    );
    expect(fullYear?.cells).toEqual([{ row: 4, formula: "=SUM(C5:O5)", value: 65000 }]);
  });
});
