import { analyseWorkbook } from "../../src/core/analyse";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

const SOURCES: CellValue[][] = [
  ["Funding source", "2024-25", "2025-26"],
  ["Better Care Fund", 500, 600],
  ["Public Health Grant", 300, "tbc"],
];

function run(allocations: CellValue[][], sourceMap?: Record<string, string>) {
  return analyseWorkbook(workbook(sheet("Sources", SOURCES), sheet("Allocations", allocations)), {
    asOf: TODAY,
    ...(sourceMap ? { sourceMap } : {}),
  });
}

describe("match-funding reconciliation", () => {
  it("reconciles a wide allocations table by source and year", () => {
    const a = run([
      ["Workstream", "BCF 2024-25", "PH Grant 2024-25", "BCF 2025-26", "PH Grant 2025-26"],
      ["Reablement", 300, 100, 600, 50],
      ["Carers", 200, 150, 0, 0],
    ]);
    expect(a.reconciliation?.mapping).toEqual([
      { allocation: "BCF", source: "Better Care Fund", how: "acronym" },
      { allocation: "PH Grant", source: "Public Health Grant", how: "acronym" },
    ]);
    expect(
      a.reconciliation?.lines.map((l) => [
        l.source,
        l.year,
        l.available,
        l.allocated,
        l.difference,
        l.status,
      ]),
    ).toEqual([
      ["Better Care Fund", "2024/25", 500, 500, 0, "reconciled"],
      ["Public Health Grant", "2024/25", 300, 250, -50, "difference"],
      ["Better Care Fund", "2025/26", 600, 600, 0, "reconciled"],
      ["Public Health Grant", "2025/26", null, 50, null, "unconfirmed"],
    ]);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "reconciliation-difference",
        sheet: "Sources",
        cell: "B3",
        source: "Public Health Grant",
        year: "2024/25",
        difference: -50,
      }),
      expect.objectContaining({
        code: "unconfirmed-funding",
        sheet: "Sources",
        cell: "C3",
        source: "Public Health Grant",
        year: "2025/26",
        amount: 50,
      }),
    ]);
  });

  it("reconciles a long layout with a Source column, and reports names it cannot match", () => {
    const a = run([
      ["Workstream", "Source", "2024-25", "2025-26"],
      ["Reablement", "Better Care Fund", 500, 600],
      ["Carers", "Lottery", 100, 0],
    ]);
    expect(a.reconciliation?.unmatched).toEqual(["Lottery"]);
    expect(a.findings.map((f) => [f.code, f.sheet, f.cell, f.source, f.year])).toEqual([
      ["reconciliation-difference", "Sources", "B3", "Public Health Grant", "2024/25"],
      // The tbc source nothing here is allocated against: its table's note (info), no warning.
      ["unconfirmed-funding", "Sources", "C3", undefined, undefined],
      ["unconfirmed-funding", "Allocations", "C3", "Lottery", "2024/25"],
    ]);
  });

  it("follows the officer's mapping over its own guess", () => {
    const a = run(
      [
        ["Workstream", "Source", "2024-25"],
        ["Carers", "Lottery", 300],
        ["Reablement", "BCF", 500],
      ],
      { Lottery: "Public Health" },
    );
    expect(a.reconciliation?.mapping[0]).toEqual({
      allocation: "Lottery",
      source: "Public Health Grant",
      how: "override",
    });
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("adds a Reconciliation sheet with live formulas into both tables", () => {
    const a = run([
      ["Workstream", "BCF 2024-25", "PH Grant 2024-25"],
      ["Reablement", 500, 300],
    ]);
    const add = a.plan.operations.find((o) => o.kind === "add-sheet");
    expect(add?.kind === "add-sheet" && add.sheet).toBe("Reconciliation");
    const cells = add?.kind === "add-sheet" ? add.cells : [];
    const at = (row: number, column: number) =>
      cells.find((c) => c.row === row && c.column === column);
    expect(at(4, 2)).toMatchObject({ formula: "='Sources'!B2", value: 500 });
    expect(at(4, 3)).toMatchObject({ formula: "=SUM('Allocations'!B2)", value: 500 });
    expect(at(4, 5)).toMatchObject({ value: "Reconciled" });
  });
});
