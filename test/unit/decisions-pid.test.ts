import { analyseWorkbook } from "../../src/core/analyse";
import type { AddSheet } from "../../src/core/plan";
import { planPids } from "../../src/core/pid-sources-from-kinds";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { BNES, REGISTER } from "../helpers/decisions-workbook";

/** Label in column A → the value beside it, in the Approval section of a PID sheet. */
function approval(op: AddSheet): Record<string, CellValue> {
  const heading = op.cells.find((c) => c.column === 0 && c.value === "Approval");
  const out: Record<string, CellValue> = {};
  for (const c of op.cells) {
    if (!heading || c.row <= heading.row || c.column !== 0 || typeof c.value !== "string") continue;
    out[c.value] = op.cells.find((v) => v.row === c.row && v.column === 1)?.value ?? null;
  }
  return out;
}

const PROJECTS: CellValue[][] = [
  ["Project name", "SRO", "Lead officer", "Decision ref", "Approver"],
  [
    "Interim community contract",
    "Director of Adult Social Services",
    "C. Thorogood",
    BNES,
    "Cabinet",
  ],
  ["Leadership Capacity Extension", "Director of People", "J. Smith", "", "Director"],
  ["Reablement", "Director of People", "A. Jones", "E0000", ""],
];

describe("PID Approval section: the project's decision from the register", () => {
  const snapshot = workbook(sheet("Decisions", REGISTER), sheet("Projects", PROJECTS));
  const { operations } = planPids(
    analyseWorkbook(snapshot, { asOf: TODAY }),
    snapshot,
    "all",
    TODAY,
  );
  const [cited, named, missing] = operations;

  test("a project citing a decision shows its reference, decision maker and date", () => {
    expect(approval(cited as AddSheet)).toEqual({
      Approver: "Cabinet",
      Date: "",
      Decision: BNES,
      "Decision maker": "Cabinet",
      "Decision date": 45239, // 09/11/2023
    });
    const date = (cited as AddSheet).cells.find((c) => c.value === 45239);
    expect(date?.numberFormat).toBe("dd/mm/yyyy");
  });

  test("a project the register names in one decision's title gets that decision", () => {
    expect(approval(named as AddSheet)).toMatchObject({
      Decision: "AHWB.012.2021",
      "Decision maker": "Director of Adults, Health and Well-Being",
      "Decision date": 44285,
    });
  });

  test("a reference the register does not hold is not presented as valid, and nothing is invented", () => {
    expect(approval(missing as AddSheet)).toEqual({
      Approver: "",
      Date: "",
      Decision: "E0000 (not in the decisions register)",
    });
  });

  test("the projects table, with no amount column, raises decision-not-found for that reference", () => {
    const found = analyseWorkbook(snapshot, { asOf: TODAY }).findings.filter(
      (f) => f.code === "decision-not-found",
    );
    expect(found.map((f) => [f.sheet, f.cell, f.decision])).toEqual([["Projects", "D4", "E0000"]]);
  });

  test("without a register the section is as before", () => {
    const plain = workbook(
      sheet(
        "Projects",
        PROJECTS.map((r) => r.slice(0, 3)),
      ),
    );
    const ops = planPids(analyseWorkbook(plain, { asOf: TODAY }), plain, "all", TODAY).operations;
    expect(approval(ops[0] as AddSheet)).toEqual({ Date: "", Approver: "" });
  });
});
