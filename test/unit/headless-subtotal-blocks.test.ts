import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { buildProfile, type ProfileSection } from "../helpers/monthly-builder";

/**
 * Blocks of lines with no heading, each closed by a labelled total ("Total Waste"), and a grand
 * total over them, in the kinds read by labels first (monthly profiles, funding allocations): a
 * labelled total with a later total under it closes its own block, not every line above it. One
 * planted wrong subtotal gives exactly its finding.
 */
type Rows = Parameters<typeof sheet>[1];
const found = (s: ReturnType<typeof sheet>) =>
  analyseWorkbook(workbook(s), { asOf: TODAY }).findings.map((x) => `${x.code}@${x.cell}`);

describe("monthly profiles with headless subtotal blocks", () => {
  const months = (v: number) => Array.from({ length: 12 }, () => v);
  const blocks = (typed: (Record<number, number> | undefined)[]): ProfileSection[] =>
    [
      [
        "Waste",
        [
          ["Collection", 1200, 100],
          ["Disposal", 600, 50],
        ],
      ],
      [
        "Parks",
        [
          ["Grounds", 1200, 100],
          ["Trees", 240, 20],
          ["Play", 360, 30],
        ],
      ],
      [
        "Libraries",
        [
          ["Branches", 2400, 200],
          ["Mobile", 120, 10],
        ],
      ],
    ].map(([name, lines], b) => ({
      heading: null,
      lines: (lines as [string, number, number][]).map(([label, budget, month], k) => ({
        code: `${String(name).charAt(0)}${k + 1}`,
        label,
        budget,
        months: months(month),
      })),
      total: `Total ${String(name)}`,
      ...(typed[b] ? { typedTotals: typed[b] } : {}),
    }));

  it("all right: no findings", () => {
    const built = buildProfile({ sections: blocks([]), grandTotal: "Grand total" });
    expect(found(built.sheet)).toEqual([]);
  });

  it.each([
    [0, { 1: 999 }, "D"],
    [1, { 3: 140 }, "F"],
    [2, { 0: 2500 }, "C"],
  ] as const)("block %i with a typed wrong subtotal: exactly it", (block, typed, column) => {
    const typedTotals = [0, 1, 2].map((b) => (b === block ? typed : undefined));
    const built = buildProfile({ sections: blocks(typedTotals), grandTotal: "Grand total" });
    expect(found(built.sheet)).toEqual([
      `total-mismatch@${column}${(built.totalRows[block] ?? 0) + 1}`,
    ]);
  });
});

describe("funding allocations with headless subtotal blocks", () => {
  const rows = (personalisation: number, prevention: number, all: number): Rows => [
    ["Ref", "Scheme", "Source of funding", "2025/26 £", "2026/27 £"],
    ["1.1", "Coordination", "BCF", 100, 100],
    ["1.3", "Carers", "BCF", 30, 30],
    [null, "Total personalisation", null, personalisation, 130],
    ["2.1", "Falls", "DFG", 10, 10],
    ["2.2", "Reablement", "BCF", 20, 20],
    ["2.3", "Equipment", "DFG", 45, 40],
    [null, "Total prevention", null, prevention, 70],
    [null, "Total funding", null, all, 200],
  ];

  it("all right: no findings", () => {
    expect(found(sheet("Funding", rows(130, 75, 205)))).toEqual([]);
  });

  it("a wrong first subtotal: exactly it", () => {
    expect(found(sheet("Funding", rows(135, 75, 205)))).toEqual(["total-mismatch@D4"]);
  });

  it("a wrong second subtotal: exactly it", () => {
    expect(found(sheet("Funding", rows(130, 70, 205)))).toEqual(["total-mismatch@D8"]);
  });

  it("a wrong grand total: exactly it", () => {
    expect(found(sheet("Funding", rows(130, 75, 215)))).toEqual(["total-mismatch@D9"]);
  });
});
