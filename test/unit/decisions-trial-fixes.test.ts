import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Defects an independent trial found: registers kept in £'000, plain approvals logs, minutes
 * that refer a report back or do not agree it, dates in a citing "Approval" column, and
 * reference-like codes read as years.
 */
const HEADER = ["Ref", "Title", "Decision maker", "Status", "Key decision", "Date of decision"];

const doncaster = readDecisionRecord(
  "Decision details\nAHWB.012.2021 BCF earmarked reserve\nDecision Maker: Director\nDecision status: Approved\nDate of decision: 30/03/2021\nDecision:\nTo approve a total of £97,710 from the BCF earmarked reserve.",
  "ahwb.txt",
);

describe("importing into a register kept in £'000", () => {
  const valuesOf = (snapshot: ReturnType<typeof workbook>, row: number) =>
    (snapshot.sheets[0]?.rows[row] ?? []).map((c) => c?.value ?? null);

  test("the amount is written in thousands, the column's own format kept, and read back in pounds", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Approved £'000"],
        [
          "CAB/24/031",
          "Hubs",
          "Cabinet",
          "Approved",
          "Yes",
          { value: 45363, numberFormat: "dd-mmm-yy" },
          { value: 240, numberFormat: "#,##0.0" },
        ],
      ]),
    );
    const plan = planDecisionImport(snapshot, [doncaster]);
    const amount = plan.operations.find(
      (op): op is ColumnWrite => op.kind === "column" && op.column === 6,
    );
    expect(amount?.cells).toEqual([{ row: 2, formula: null, value: 97.71 }]);
    expect(amount?.numberFormat).toBe("#,##0.0");
    const date = plan.operations.find(
      (op): op is ColumnWrite => op.kind === "column" && op.column === 5,
    );
    expect(date?.numberFormat).toBe("dd-mmm-yy");
    const after = applyPlanToSnapshot(
      snapshot,
      { operations: plan.operations },
      { valuesOnly: false },
    );
    expect(valuesOf(after, 2)).toEqual([
      "AHWB.012.2021",
      "BCF earmarked reserve",
      "Director",
      "Approved",
      null,
      44285,
      97.71,
    ]);
    const table = analyseWorkbook(after, { asOf: TODAY }).tables.find(
      (t) => t.kind === "decisions",
    );
    expect(table).toEqual(expect.objectContaining({ references: ["CAB/24/031", "AHWB.012.2021"] }));
  });

  test("a units row under the header: year columns in £'000 get thousands too, every penny kept", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "2024/25", "2025/26"],
        ["", "", "", "", "", "", "£'000", "£'000"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, 240, 10],
      ]),
    );
    const r = readDecisionRecord(
      "Decision details\nCAB/24/050 Reablement\nDecision Maker: Cabinet\nDecision status: Approved\nDate of decision: 12/03/2024\nDecision:\nTo approve capital funding of £1,200,000.50 in 2024/25 and £800,000 in 2025/26.",
      "cab-24-050.txt",
    );
    const plan = planDecisionImport(snapshot, [r]);
    const years = plan.operations
      .filter((op): op is ColumnWrite => op.kind === "column" && op.column >= 6)
      .map((op) => [op.column, op.cells.map((c) => c.value), op.numberFormat]);
    // The council's year cells carry no format of their own and hold figures: none is imposed.
    expect(years).toEqual([
      [6, [1200.0005], undefined],
      [7, [800], undefined],
    ]);
  });

  test("an empty amount column in pounds still gets the money format", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Amount approved"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, null],
      ]),
    );
    const amount = planDecisionImport(snapshot, [doncaster]).operations.find(
      (op): op is ColumnWrite => op.kind === "column" && op.column === 6,
    );
    expect(amount?.cells).toEqual([{ row: 2, formula: null, value: 97710 }]);
    expect(amount?.numberFormat).toBe('"£"#,##0.00');
  });
});
