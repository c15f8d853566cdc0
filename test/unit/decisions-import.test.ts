import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { DecisionImportError, planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

const record = (decision: string, ref = "CAB/24/020") =>
  readDecisionRecord(
    `Decision details\n${ref} Reablement hub capital\nDecision Maker: Cabinet\nDecision status: Approved\nIs Key decision?: Yes\nDecision:\n${decision}\nDate of decision: 12/03/2024\nPublication date: 13/03/2024`,
    "cab-24-020.txt",
  );

const LOG = [
  ["Approvals log"],
  ["Ref.", "Subject", "Decided by", "Outcome", "Decision date", "Key?", "2024/25", "2025/26"],
  ["CAB/24/017", "Reablement", "Cabinet", "Agreed", 45300, "Yes", 100000, 50000],
];

describe("importing decision records into the register the workbook keeps", () => {
  test("a new row below the last, each field in the column the register calls it by, years in year columns", () => {
    const snapshot = workbook(sheet("Log", LOG));
    const r = record("To approve capital funding of £1.2m in 2024/25 and £800,000 in 2025/26.");
    const plan = planDecisionImport(snapshot, [r]);
    expect(plan.rows).toEqual([expect.objectContaining({ action: "added", sheet: "Log", row: 4 })]);
    expect(plan.rows[0]?.notWritten).toEqual([
      "publicationDate",
      "amountApproved",
      "periodStart",
      "periodEnd",
      "sourceFile",
    ]);
    const after = applyPlanToSnapshot(
      snapshot,
      { operations: plan.operations },
      { valuesOnly: false },
    );
    const row = (after.sheets[0]?.rows[3] ?? []).map((c) => c?.value ?? null);
    expect(row).toEqual([
      "CAB/24/020",
      "Reablement hub capital",
      "Cabinet",
      "Approved",
      45363,
      "Yes",
      1200000,
      800000,
    ]);
    // Written as column writes only: the direct writer splices them into the file as it is.
    expect(plan.operations.every((op) => op.kind === "column")).toBe(true);
    expect((plan.operations as ColumnWrite[]).find((op) => op.column === 4)?.numberFormat).toBe(
      "dd/mm/yyyy",
    );
    // The register, read again, holds the new decision with its years.
    const register = analyseWorkbook(after, { asOf: TODAY }).tables.find(
      (t) => t.kind === "decisions",
    );
    expect(register).toEqual(
      expect.objectContaining({ range: "A2:H4", references: ["CAB/24/017", "CAB/24/020"] }),
    );
  });

  test("a decision the register holds is updated in its own row; importing it twice writes one row", () => {
    const snapshot = workbook(sheet("Log", LOG));
    const r = record("To approve a total of £150,000 for 2024/25.", "CAB/24/017");
    const plan = planDecisionImport(snapshot, [r, r]);
    expect(plan.rows.map((x) => [x.action, x.row])).toEqual([
      ["updated", 3],
      ["updated", 3],
    ]);
    const after = applyPlanToSnapshot(
      snapshot,
      { operations: plan.operations },
      { valuesOnly: false },
    );
    expect(after.sheets[0]?.rows[2]?.[6]?.value).toBe(150000);
    expect(after.sheets[0]?.rows[3]).toBeUndefined();
  });

  test("text that looks like a formula stays text", () => {
    const snapshot = workbook(sheet("Log", LOG));
    const r = record("To note progress.", "CAB/24/021");
    r.title = { value: '=HYPERLINK("http://x")', sentence: "typed" };
    const plan = planDecisionImport(snapshot, [r]);
    const title = (plan.operations as ColumnWrite[]).find((op) => op.column === 1);
    expect(title?.cells).toEqual([{ row: 3, formula: null, value: '=HYPERLINK("http://x")' }]);
  });

  test("no room below the register: a clear fault, nothing planned", () => {
    const snapshot = workbook(
      sheet("Log", [
        ...LOG,
        [],
        ["Ref", "Decision date", "Decision maker", "Key decision"],
        ["X1", 45000, "Cabinet", "No"],
      ]),
    );
    // The second register starts two rows down; the first still has a free row below it.
    expect(planDecisionImport(snapshot, [record("To note.")]).rows[0]?.row).toBe(4);
    const full = workbook(
      sheet("Log", [
        ...LOG,
        ["Decision ref", "Decision maker", "Date of decision", "Key decision"],
        ["X2", "Cabinet", 45000, "No"],
      ]),
    );
    expect(() => planDecisionImport(full, [record("To note.")])).toThrow(DecisionImportError);
  });

  test("a workbook without a register gets a Decisions sheet that is not marked as ours", () => {
    const snapshot = workbook(sheet("Decisions", [["Minutes"]]));
    const plan = planDecisionImport(snapshot, [record("To note.")]);
    expect(plan.created).toBe(true);
    expect(plan.sheet).toBe("Decisions (2)");
    const op = plan.operations[0];
    expect(op?.kind === "add-sheet" && op.role).toBeUndefined();
  });

  test("minutes without a reference update the row the officer has since typed a reference into", () => {
    const minutes = (source: string) =>
      readDecisionRecord(
        "Cabinet – 13 March 2023\nThe Cabinet considered a report.\nResolved – (a) That a grant of £150,000 be awarded to Sport Rotherham for 2023/24.\n",
        source,
      );
    const first = minutes("rot-2023-03.txt");
    expect(first.reference.value).toBeNull();
    const title = first.title.value ?? "";
    const headers = ["Decision reference", "Title", "Decision maker", "Status", "Source file"];
    const snapshot = workbook(
      sheet("Register", [
        headers,
        // The officer typed the reference the council gave the decision after the first import.
        ["ROT-CAB-2023-03", title, "Cabinet", "Resolved", "rot-2023-03.txt"],
      ]),
    );
    const again = planDecisionImport(snapshot, [minutes("rot-2023-03.txt")]);
    expect(again.created).toBe(false);
    expect(again.rows.map((r) => [r.action, r.row])).toEqual([["unchanged", 2]]);
    // The same minutes twice in one import: one row.
    const twice = planDecisionImport(snapshot, [minutes("a.txt"), minutes("a.txt")]);
    expect(twice.rows.map((r) => [r.action, r.row])).toEqual([
      ["added", 3],
      ["updated", 3],
    ]);
    // Another record with the same title from another file, on no stated date, is another decision.
    const other = planDecisionImport(snapshot, [minutes("other.txt")]);
    expect(other.rows.map((r) => [r.action, r.row])).toEqual([["added", 3]]);
  });
});
