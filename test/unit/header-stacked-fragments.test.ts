import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { compositeName, readHeaderBlock } from "../../src/core/tables/header-block";
import { matchField } from "../../src/core/headers";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A header word broken over two stacked rows ("Likeli-" / "hood", or "Likeli" / "hood" with no
 * hyphen) under a merged group label: the register is found and its likelihood read (issue 12).
 */
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
const written = (ops: readonly unknown[]) =>
  Object.fromEntries(
    (ops as ColumnWrite[])
      .filter((o) => o.kind === "column")
      .map((o) => [
        String.fromCharCode(65 + o.column),
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

function register(top: string, bottom: string): CellValue[][] {
  return [
    ["Ref", "Risk description", "Current risk", null, null, null],
    [null, null, top, "Impact", "Risk", "RAG"],
    [null, null, bottom, null, "score", "rating"],
    ["R1", "Market failure", 4, 4, 16, "Red"],
    ["R2", "Backlog", 2, 3, 6, "Amber"],
    // 3 × 3 = 9, not 12: the one planted error (its rating is right for 9).
    ["R3", "Discharge delays", 3, 3, 12, "Amber"],
    ["R4", "Debt", 1, 2, 2, "Green"],
    [],
    ["RAG: 1-4 Green, 5-10 Amber, 12-25 Red"],
  ];
}
const MERGES = ["A1:A3", "B1:B3", "C1:F1"];

describe("header words broken over two stacked rows", () => {
  it.each([
    ["Likeli-", "hood", "Current risk › Likelihood"],
    ["Likeli", "hood", "Current risk › Likeli hood"],
  ])("%s / %s is one column's name, not a group over the data", (top, bottom, name) => {
    const block = readHeaderBlock(sheet("S", register(top, bottom), { merges: MERGES }), 0, 0, 5);
    expect(block.bottom).toBe(2);
    expect(block.columns.map(compositeName)).toEqual([
      "Ref",
      "Risk description",
      name,
      "Current risk › Impact",
      "Current risk › Risk score",
      "Current risk › RAG rating",
    ]);
  });

  it("joins a hyphen break only before a lower-case continuation", () => {
    const rows: CellValue[][] = [
      ["Ref", "Commit-", "Under-"],
      [null, "ments", "Spend"],
      ["A1", 5, 6],
    ];
    const block = readHeaderBlock(sheet("S", rows), 0, 0, 2);
    expect(block.columns.map(compositeName)).toEqual(["Ref", "Commitments", "Under- Spend"]);
  });

  it("matches two fragments to a field only where joined they are its exact word", () => {
    const specs = [{ field: "likelihood", synonyms: ["likelihood"] }];
    expect(matchField("likeli hood", specs)).toEqual({ field: "likelihood", quality: 0.95 });
    // Joined, "risk score" is "riskscore": no spec's word, so nothing is matched.
    expect(matchField("risk score", [{ field: "x", synonyms: ["scorerisk"] }])).toBeNull();
    expect(matchField("risk score", [{ field: "x", synonyms: ["riskscore"] }])).toEqual({
      field: "x",
      quality: 0.95,
    });
  });

  it.each([
    ["Likeli-", "hood"],
    ["Likeli", "hood"],
  ])("%s / %s: the register is found, checked and written", (top, bottom) => {
    const a = analyseWorkbook(workbook(sheet("Risks", register(top, bottom), { merges: MERGES })), {
      asOf: TODAY,
    });
    expect(a.tables.map((t) => [t.sheet, t.kind, t.range])).toEqual([
      ["Risks", "risk-register", "A1:F7"],
    ]);
    expect(a.tables[0]).toMatchObject({ headerRows: [1, 2, 3], pairs: ["current"] });
    expect(brief(a.findings)).toEqual(["score-mismatch@Risks!E6"]);
    const out = written(a.plan.operations);
    expect(out.E?.map(([, v]) => v)).toEqual([16, 6, 9, 2]);
    expect(out.F).toEqual([
      [4, "Red"],
      [5, "Amber"],
      [6, "Amber"],
      [7, "Green"],
    ]);
  });
});
