import { analyseWorkbook } from "../../src/core/analyse";
import { matchSource } from "../../src/core/reconcile/match";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * Either name may be the acronym: allocations say "SCR Grant" of the "Adult Social Care Reform
 * Grant", or "Improved Better Care Fund" of the sources table's "iBCF" (a lower-case letter
 * leading the capitals). Near misses stay unmatched.
 */
describe("an acronym in the sources table, the full name in the allocations", () => {
  it.each([
    ["Improved Better Care Fund", ["DFG", "iBCF", "NHS"], "iBCF"],
    ["Disabled Facilities Grant", ["iBCF", "DFG"], "DFG"],
    ["UK Shared Prosperity Fund", ["Council match", "UKSPF"], "UKSPF"],
    ["Department for Education grant", ["DfE grant", "Council"], "DfE grant"],
    ["Adult Social Care Reform Grant", ["SCR Grant", "Public Health Grant"], "SCR Grant"],
  ])("%p is %p's %p", (allocation, sources, source) => {
    expect(matchSource(allocation, sources)).toEqual({ source, how: "acronym" });
  });

  it("prefers the acronym spelling every word: Improved Better Care Fund is iBCF, not BCF", () => {
    expect(matchSource("Improved Better Care Fund", ["BCF", "iBCF"])).toEqual({
      source: "iBCF",
      how: "acronym",
    });
    expect(matchSource("Improved Better Care Fund", ["iBCF", "BCF"])).toEqual({
      source: "iBCF",
      how: "acronym",
    });
  });

  it.each([
    ["Better Care Fund", ["iBCF"]],
    ["Improved Better Care", ["iBCF"]],
    ["Disabled Facilities Grant", ["DFC", "DGF"]],
    // "Care" and "fund" are words, not acronyms, whichever side they are on.
    ["Community Access Rural Enterprise", ["Care"]],
    ["Care", ["Community Access Rural Enterprise"]],
    ["Families Under Needs Declared", ["fund"]],
  ])("%p matches none of %p", (allocation, sources) => {
    expect(matchSource(allocation, sources)).toBeNull();
  });

  it("still reads the acronym on the allocations' side", () => {
    expect(matchSource("iBCF", ["Improved Better Care Fund", "Disabled Facilities Grant"])).toEqual(
      { source: "Improved Better Care Fund", how: "acronym" },
    );
  });
});

const SOURCES: Entry[][] = [
  ["Better Care Fund 2025-27: pooled fund contributions"],
  [],
  ["Source", "2025/26 £", "2026/27 £"],
  ["Disabled Facilities Grant", 2_450_000, 2_450_000],
  ["NHS minimum contribution", 14_820_000, 15_480_000],
  ["iBCF", 6_210_000, 6_450_000],
  ["Total", f("=SUM(B4:B6)", 23_480_000), f("=SUM(C4:C6)", 24_380_000)],
];

const longAllocations = (ibcf: string): Entry[][] => [
  ["Scheme ID", "Scheme name", "Source of funding", "2025/26 £", "2026/27 £"],
  ["BCF01", "Disabled facilities adaptations", "DFG", 2_500_000, 2_450_000],
  ["BCF02", "Intermediate care beds", "NHS Minimum Contribution", 14_820_000, 15_480_000],
  ["BCF03", "Reablement service", ibcf, 1_200_000, 1_250_000],
  ["BCF05", "Home care market sustainability", ibcf, 5_010_000, 5_200_000],
];

/** A wide plan: the year merged over DFG £ | NHS minimum contribution £ | <iBCF's name> £. */
const widePlan = (ibcf: string): Entry[][] => {
  const sources = ["DFG £", "NHS minimum contribution £", `${ibcf} £`];
  return [
    ["Scheme", "2025/26", null, null, "2026/27"],
    [null, ...sources, ...sources],
    ["Adaptations", 2_500_000, 0, 0, 2_450_000, 0, 0],
    ["Intermediate care", 0, 14_820_000, 0, 0, 15_480_000, 0],
    ["Reablement", 0, 0, 1_200_000, 0, 0, 1_250_000],
    ["Market sustainability", 0, 0, 5_010_000, 0, 0, 5_200_000],
  ];
};

describe("a BCF workbook whose allocations spell out the sources table's iBCF", () => {
  const brief = (a: ReturnType<typeof analyseWorkbook>) =>
    a.findings.map((x) => `${x.code} ${x.sheet}!${x.cell}`);
  const plans: [string, (name: string) => ReturnType<typeof sheet>][] = [
    ["long allocations", (name) => sheet("Allocations", longAllocations(name))],
    ["a wide plan", (name) => sheet("Allocations", widePlan(name), { merges: ["B1:D1", "E1:G1"] })],
  ];
  const cases = plans.flatMap(([shape, make]) =>
    ["Improved Better Care Fund", "Improved BCF"].map((name) => [shape, name, make] as const),
  );

  it.each(cases)("%s naming %p: only the planted DFG difference", (_, ibcf, make) => {
    const a = analyseWorkbook(workbook(sheet("Funding sources", SOURCES), make(ibcf)), {
      asOf: TODAY,
    });
    expect(a.reconciliation?.unmatched).toEqual([]);
    expect(a.reconciliation?.mapping.find((m) => m.allocation === ibcf)).toEqual({
      allocation: ibcf,
      source: "iBCF",
      how: "acronym",
    });
    expect(brief(a)).toEqual(["reconciliation-difference Funding sources!B4"]);
    expect(a.reconciliation?.lines.filter((l) => l.source === "iBCF").map((l) => l.status)).toEqual(
      ["reconciled", "reconciled"],
    );
  });
});
