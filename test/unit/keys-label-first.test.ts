import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { bandsInOneCell } from "../../src/core/tables/keys";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** One-cell keys written label first ("Green 1-4 / Amber 6-9"), with or without a lead. */
const GAR = [
  { from: 1, to: 4, label: "Green" },
  { from: 6, to: 9, label: "Amber" },
  { from: 12, to: 16, label: "Red" },
];

describe("one-cell keys, label then range", () => {
  it.each([
    "Rating key: Green 1-4 / Amber 6-9 / Red 12-16",
    "Rating key: Green 1-4, Amber 6-9, Red 12-16",
    "Green 1-4, Amber 6-9, Red 12-16",
    "Green 1-4 / Amber 6-9 / Red 12-16",
    "RAG: Green 1-4; Amber 6-9; Red 12-16",
    "1-4 Green / 6-9 Amber / 12-16 Red",
  ])("reads %s", (text) => {
    expect(bandsInOneCell(text)).toEqual(GAR);
  });

  it("keeps colons that belong to the bands", () => {
    expect(bandsInOneCell("Low: 1-4, Medium: 5-12, High: 15-25")).toEqual([
      { from: 1, to: 4, label: "Low" },
      { from: 5, to: 12, label: "Medium" },
      { from: 15, to: 25, label: "High" },
    ]);
  });

  it("reads no bands from a lead and prose", () => {
    expect(bandsInOneCell("Rating key: see the scoring sheet, 2 tabs on")).toBeNull();
  });

  const header = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Rating"];
  const data = [
    ["R1", "Tender prices", 3, 4, 12, "Red"],
    ["R2", "Utilities", 2, 3, 6, "Red"],
    ["R3", "Asbestos", 1, 4, 4, "Green"],
  ];
  const key = "Rating key: Green 1-4 / Amber 6-9 / Red 12-16";
  const layouts: [string, string, ReturnType<typeof sheet>[]][] = [
    ["beside the header", "sheet", [sheet("Risks", [[...header, null, key], ...data])]],
    ["below the table", "sheet", [sheet("Risks", [header, ...data, [], [key]])]],
    ["above the table", "sheet", [sheet("Risks", [[key], [], header, ...data])]],
    [
      "on another sheet",
      "workbook",
      [sheet("Risks", [header, ...data]), sheet("Risk Key", [[key]])],
    ],
  ];

  it.each(layouts)("rates with the key %s", (_where, source, sheets) => {
    const a = analyseWorkbook(workbook(...sheets), { asOf: TODAY });
    const [table] = a.tables.filter(isRiskReport);
    expect(table?.bands).toMatchObject({ bands: GAR, source });
    const wrong = a.findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => [f.code, f.message])).toEqual([
      ["priority-mismatch", 'Priority is "Red" but score 6 is in band 6-9 Amber'],
    ]);
    const priority = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 5,
    );
    expect(priority?.cells.map((c) => c.value)).toEqual(["Red", "Amber", "Green"]);
  });
});
