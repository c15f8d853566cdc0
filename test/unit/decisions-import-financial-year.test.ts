import { planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { Entry } from "../helpers/builders";
import { sheet, workbook } from "../helpers/builders";

/** A register's own year column takes the UK financial year (April–March) of the decision. */
const record = (date: string) =>
  readDecisionRecord(
    `Decision details\nCAB/24/020 Reablement hub capital\nDecision Maker: Cabinet\nDecision status: Approved\nDecision:\nTo approve the hub.\nDate of decision: ${date}`,
    "cab-24-020.txt",
  );

/** The year cell the import writes on the new row under a register whose years read `held`. */
function yearWritten(header: string, held: string | null, date: string): Entry {
  const log: Entry[][] = [
    ["Decision ref", "Title", "Decision maker", "Date of decision", header],
    ["CAB/23/001", "Libraries", "Cabinet", 45000, held],
  ];
  const snapshot = workbook(sheet("Log", log));
  const plan = planDecisionImport(snapshot, [record(date)]);
  const after = applyPlanToSnapshot(
    snapshot,
    { operations: plan.operations },
    { valuesOnly: false },
  );
  return after.sheets[0]?.rows[2]?.[4]?.value;
}

describe("the financial year of an imported decision", () => {
  test("15 February 2024 is 2023/24, in the column's own shape", () => {
    expect(yearWritten("Financial year", "2022/23", "15/02/2024")).toBe("2023/24");
    expect(yearWritten("Year", "2022-23", "15/02/2024")).toBe("2023-24");
    expect(yearWritten("Year", "22/23", "15/02/2024")).toBe("23/24");
  });

  test("April starts the next year; an empty column takes 2024/25", () => {
    expect(yearWritten("Financial year", null, "01/04/2024")).toBe("2024/25");
    expect(yearWritten("Financial year", null, "31/03/2024")).toBe("2023/24");
  });
});
