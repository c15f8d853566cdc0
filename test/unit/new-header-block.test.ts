import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite, WritePlan } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * New calculated columns on a table whose header is a block (group labels merged over
 * sub-headers, perhaps a units row) are headed where the council names its columns: in the
 * sub-header row, with the unit of each new column in the units row (the sheet's money unit for
 * an amount, "%" for a percentage, nothing for a label), and nothing written into the row of
 * group labels.
 */

/** Values of row `r`, columns from..to (a sparse row read as blanks). */
const valuesAt = (book: WorkbookSnapshot, r: number, from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, k) => book.sheets[0]?.rows[r]?.[from + k]?.value ?? null,
  );

const newColumns = (plan: WritePlan) =>
  plan.operations.filter((op): op is ColumnWrite => op.kind === "column" && op.header !== null);

/** Header, unit and value of each new column: [title, header row, unit or null, values]. */
function described(plan: WritePlan, unitsRow: number | null) {
  return newColumns(plan).map((op) => [
    op.header?.text,
    op.header?.row,
    op.cells.find((c) => c.row === unitsRow)?.value ?? null,
    op.cells.filter((c) => c.formula !== null).map((c) => c.value),
  ]);
}

/** Apply, check, apply again: the second check asks for no new column and changes nothing. */
function expectSettled(book: WorkbookSnapshot) {
  const once = applyPlanToSnapshot(book, analyseWorkbook(book, { asOf: TODAY }).plan, {
    valuesOnly: false,
  });
  const again = analyseWorkbook(once, { asOf: TODAY });
  expect(again.findings.filter((x) => x.severity !== "info")).toEqual([]);
  expect(newColumns(again.plan)).toEqual([]);
  expect(applyPlanToSnapshot(once, again.plan, { valuesOnly: false })).toEqual(once);
  return once;
}

describe("a budget under year groups with a £'000 units row", () => {
  const book = (unit: string) =>
    workbook(
      sheet(
        "Budget",
        [
          ["Cost centre", "Service", "Last year 2024/25", null, "Current year 2025/26", null],
          [null, null, "Budget", "Outturn", "Budget", "Forecast"],
          [null, null, unit, unit, unit, unit],
          ["C100", "Libraries", 1200, 1180, 1250, 1300],
          ["C200", "Parks", 800, 820, 850, 820],
          ["C300", "Museums", 400, 390, 420, 470],
        ],
        { merges: ["A1:A3", "B1:B3", "C1:D1", "E1:F1"] },
      ),
    );

  it("heads the new columns in the sub-header row and states their units", () => {
    const plan = analyseWorkbook(book("£'000"), { asOf: TODAY }).plan;
    expect(described(plan, 2)).toEqual([
      ["Variance", 1, "£'000", [50, -30, 50]],
      ["Variance %", 1, "%", [50 / 1250, -30 / 850, 50 / 420]],
      ["Status", 1, null, ["Overspend", "Underspend", "Overspend"]],
      // 5% of the budget, or £100,000: £50k on £1.25m is Amber, £50k on £420k Red.
      ["RAG", 1, null, ["Amber", "Green", "Red"]],
    ]);
    // Nothing goes into the row of group labels.
    for (const op of newColumns(plan)) expect(op.cells.some((c) => c.row === 0)).toBe(false);
  });

  it("states pounds on a pounds sheet", () => {
    const plan = analyseWorkbook(book("£"), { asOf: TODAY }).plan;
    expect(described(plan, 2).map(([title, , unit]) => [title, unit])).toEqual([
      ["Variance", "£"],
      ["Variance %", "%"],
      ["Status", null],
      ["RAG", null],
    ]);
  });

  it("reads its own output as the same table, and a second apply changes nothing", () => {
    const once = expectSettled(book("£'000"));
    expect([0, 1, 2].map((r) => valuesAt(once, r, 6, 9))).toEqual([
      [null, null, null, null],
      ["Variance", "Variance %", "Status", "RAG"],
      ["£'000", "%", null, null],
    ]);
    const again = analyseWorkbook(once, { asOf: TODAY });
    expect(again.tables.map((t) => [t.range, t.headerRow])).toEqual([["A1:J6", 1]]);
  });
});

describe("a risk register under merged Inherent / Residual groups", () => {
  const book = workbook(
    sheet(
      "Risks",
      [
        ["Ref", "Risk", "Inherent risk", null, null, "Residual risk", null, null],
        [null, null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score"],
        ["R1", "Flood", 4, 5, 20, 2, 3, 6],
        ["R2", "Fire", 3, 3, 9, 1, 2, 2],
        ["R3", "Cyber", 5, 4, 20, 3, 4, 12],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:E1", "F1:H1"] },
    ),
  );

  it("heads each priority in the sub-header row, past the groups, not under Residual risk", () => {
    const plan = analyseWorkbook(book, { asOf: TODAY }).plan;
    expect(newColumns(plan).map((op) => [op.header?.text, op.header?.row, op.column])).toEqual([
      ["Inherent priority", 1, 8],
      ["Residual priority", 1, 9],
    ]);
    expect(described(plan, null).map(([, , , values]) => values)).toEqual([
      ["Very high", "Medium", "Very high"],
      ["Medium", "Low", "High"],
    ]);
  });

  it("settles after one apply", () => {
    const once = expectSettled(book);
    expect(valuesAt(once, 0, 8, 9)).toEqual([null, null]);
    expect(valuesAt(once, 1, 8, 9)).toEqual(["Inherent priority", "Residual priority"]);
  });
});

describe("a register with a units row under single headers", () => {
  const book = workbook(
    sheet("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Score"],
      [null, null, "(1-5)", "(1-5)", "(1-25)"],
      ["R1", "Flood", 4, 5, 20],
      ["R2", "Fire", 3, 3, 9],
    ]),
  );

  it("heads the priority in the header row and leaves its unit blank", () => {
    const plan = analyseWorkbook(book, { asOf: TODAY }).plan;
    expect(described(plan, 1)).toEqual([["Priority", 0, null, ["Very high", "Medium"]]]);
  });
});
