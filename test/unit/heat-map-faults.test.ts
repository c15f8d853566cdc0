import { analyseWorkbook } from "../../src/core/analyse";
import {
  bandScores,
  heatMapCounts,
  heatMapUnplaced,
  scaleWords,
  shownPair,
  unplacedNote,
} from "../../src/core/risk/heat-map";
import { planHeatMapSheet } from "../../src/core/risk/heat-map-sheet";
import { uniqueSheetNameOf } from "../../src/core/sheet-names";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

const KEY = [[], ["Priority Ratings:", "1-4 Low", "5-9 Medium", "10-16 High", "20-25 Very high"]];

function contextOf(name: string, rows: CellValue[][]) {
  const snapshot = workbook(sheet(name, [...rows, ...KEY]));
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  const ctx = analysis.riskContexts[0];
  if (!ctx) throw new Error("no register found");
  return { snapshot, ctx, sheet: snapshot.sheets[0]! };
}

/** Counts as a reader tallies them from two columns of the rows above (row 0 = likelihood 5). */
function tally(rows: CellValue[][], l: number, i: number): number[][] {
  const counts = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const r of rows.slice(1)) counts[5 - Number(r[l])]![Number(r[i]) - 1]!++;
  return counts;
}

describe("which ratings the heat map shows", () => {
  const header = [
    "Ref",
    "Risk",
    "Inherent likelihood",
    "Inherent impact",
    "Residual likelihood",
    "Residual impact",
    "Target likelihood",
    "Target impact",
  ];
  const rows: CellValue[][] = [
    header,
    ["R1", "A", 5, 5, 4, 3, 1, 1],
    ["R2", "B", 4, 5, 3, 3, 1, 2],
    ["R3", "C", 5, 4, 2, 4, 2, 1],
  ];

  it("maps the residual (current) ratings, not the target ones listed after them", () => {
    const { ctx, sheet: s } = contextOf("Risks", rows);
    expect(shownPair(ctx)?.name).toBe("residual");
    expect(heatMapCounts(s, ctx)).toEqual(tally(rows, 4, 5));
  });

  it("maps a current rating before any other, and inherent when there is no residual", () => {
    const current = rows.map((r) =>
      r.map((v) => (typeof v === "string" ? v.replace("Residual", "Current") : v)),
    );
    expect(shownPair(contextOf("Risks", current).ctx)?.name).toBe("current");
    const noResidual = rows.map((r) => [...r.slice(0, 4), ...r.slice(6)]);
    const { ctx, sheet: s } = contextOf("Risks", noResidual);
    expect(shownPair(ctx)?.name).toBe("inherent");
    expect(heatMapCounts(s, ctx)).toEqual(tally(rows, 2, 3));
  });
});

describe("risks the heat map cannot place", () => {
  const rows: CellValue[][] = [
    ["Ref", "Risk", "Likelihood", "Impact"],
    ["R1", "Placed", 2, 3],
    ["R2", "No likelihood", null, 3],
    ["R3", "Off the scale", 9, 3],
    ["R4", "Not a rating", "tbc", "tbc"],
    ["R5", "Placed too", 5, 5],
  ];

  it("names them, on the pane and on the printable sheet", () => {
    const { snapshot, ctx, sheet: s } = contextOf("Risks", rows);
    const unplaced = heatMapUnplaced(s, ctx);
    expect(unplaced).toEqual([2, 3, 4]);
    const note =
      "3 risks not placed (likelihood or impact missing or not on the 1–5 scale): R2, R3, R4.";
    expect(unplacedNote(s, ctx, unplaced)).toBe(note);
    const op = planHeatMapSheet(snapshot, ctx);
    expect(op.cells.map((c) => c.value)).toContain(note);
  });

  it("says nothing when every risk is placed", () => {
    const { ctx, sheet: s } = contextOf("Risks", [rows[0]!, rows[1]!, rows[5]!]);
    expect(heatMapUnplaced(s, ctx)).toEqual([]);
    expect(unplacedNote(s, ctx, [])).toBeNull();
  });
});

describe("the heat-map sheet's words", () => {
  it("calls a band of one score 'score 6', not 'scores 6 to 6'", () => {
    expect(bandScores({ from: 6, to: 6 })).toBe("score 6");
    expect(bandScores({ from: 5, to: 9 })).toBe("scores 5 to 9");
    const snapshot: WorkbookSnapshot = workbook(
      sheet("Risks", [
        ["Ref", "Likelihood", "Impact"],
        ["R1", 2, 3],
      ]),
    );
    const analysis = analyseWorkbook(snapshot, {
      asOf: TODAY,
      bands: [
        { label: "Low", from: 1, to: 5 },
        { label: "Medium", from: 6, to: 6 },
        { label: "High", from: 8, to: 25 },
      ],
    });
    const values = planHeatMapSheet(snapshot, analysis.riskContexts[0]!).cells.map((c) => c.value);
    expect(values).toContain("score 6");
    expect(values).not.toContain("scores 6 to 6");
  });

  // Excel's limit: "Sheet names can't contain more than 31 characters" (support.microsoft.com,
  // "Rename a worksheet").
  it("shortens a long register's sheet name at a word, within 31 characters, and keeps it unique", () => {
    const register = "Adult Social Care Risk Register";
    const first = uniqueSheetNameOf("Heat map - ", register, [register]);
    expect(first).toBe("Heat map - Adult Social Care");
    const second = uniqueSheetNameOf("Heat map - ", register, [register, first]);
    expect(second).toBe("Heat map - Adult Social (2)");
    for (const name of [first, second]) expect(name.length).toBeLessThanOrEqual(31);
    // A first word too long for the room is marked as shortened, never silently cut.
    expect(uniqueSheetNameOf("Heat map - ", "Interdepartmentalisation risks", [])).toBe(
      "Heat map - Interdepartmentalis…",
    );
    const { snapshot, ctx } = contextOf(register, [
      ["Ref", "Likelihood", "Impact"],
      ["R1", 2, 3],
    ]);
    expect(planHeatMapSheet(snapshot, ctx).sheet).toBe("Heat map - Adult Social Care");
  });
});

describe("the heat map's axis words", () => {
  // As in Ashby Vale's programme log: labels on a 1–4 scale whose drop-down source lists sit
  // beside the register, no risk rated "4 - Very likely" yet and one stray "5 - Almost certain".
  const likelihoodList = [
    "Likelihood",
    "1 - Unlikely",
    "2 - Possible",
    "3 - Likely",
    "4 - Very likely",
  ];
  const impactList = ["Impact", "1 - Minor", "2 - Moderate", "3 - Serious", "4 - Major"];
  const register: CellValue[][] = [
    ["Risk ID", "Risk", "Likelihood", "Impact", "Score", "RAG", null, "Key"],
    ["R1", "A", "3 - Likely", "3 - Serious", 9, "Red", null, "RAG: 1-3 Green, 4-6 Amber, 8-16 Red"],
    ["R2", "B", "2 - Possible", "2 - Moderate", 4, "Amber"],
    ["R3", "C", "5 - Almost certain", "3 - Serious", 15, "Red"],
    ["R4", "D", "1 - Unlikely", "1 - Minor", 1, "Green"],
    ["R5", "E", "2 - Possible", "4 - Major", 8, "Red"],
    ["R6", "F", "1 - Unlikely", "2 - Moderate", 2, "Green"],
  ];
  // The lists below the key, as Ashby Vale's N7:O11, one blank column from the register.
  const rows = register.map((row, r) =>
    r >= 2 ? [...row, null, likelihoodList[r - 2]!, impactList[r - 2]!] : row,
  );
  const snapshot = workbook(sheet("Risk Log", rows));
  const ctx = analyseWorkbook(snapshot, { asOf: TODAY }).riskContexts[0]!;
  const s = snapshot.sheets[0]!;

  it("come from the key's lists, every word of the scale, none from a stray rating", () => {
    expect(ctx.scale).toBe(4);
    const expected = (list: string[]) =>
      list.slice(1).map((label, i) => [i + 1, label.replace(/^\d - /, "")]);
    expect(scaleWords(s, ctx, shownPair(ctx)!.likelihood)).toEqual(expected(likelihoodList));
    expect(scaleWords(s, ctx, shownPair(ctx)!.impact)).toEqual(expected(impactList));
    const printed = planHeatMapSheet(snapshot, ctx).cells.map((c) => c.value);
    expect(printed).toContain("4 Very likely");
    expect(printed).not.toContain("5 Almost certain");
  });

  it("come from the risks' own labels when the workbook has no key list", () => {
    const bare = workbook(sheet("Risk Log", register));
    const bareCtx = analyseWorkbook(bare, { asOf: TODAY }).riskContexts[0]!;
    const words = scaleWords(bare.sheets[0]!, bareCtx, shownPair(bareCtx)!.likelihood);
    expect(words).toContainEqual([3, "Likely"]);
    expect(words.map(([v]) => v)).not.toContain(4);
  });
});
