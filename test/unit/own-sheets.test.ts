import { analyseWorkbook } from "../../src/core/analyse";
import {
  nextOwnSheetMarkName,
  ownSheetMarkReference,
  ownSheetRole,
  ownSheetsFromNames,
  sheetOfMarkReference,
} from "../../src/core/own-sheets";
import { sheet, TODAY, workbook } from "../helpers/builders";

describe("own-sheet marks", () => {
  it("names, references and roles round-trip, with apostrophes and commas in sheet names", () => {
    const name = nextOwnSheetMarkName("pid", ["_CouncilSheets_PID_1", "_councilsheets_pid_2"]);
    expect(name).toBe("_CouncilSheets_PID_3");
    expect(ownSheetRole(name)).toBe("pid");
    expect(ownSheetRole("_CouncilSheets_Nonsense_1")).toBeNull();
    expect(ownSheetRole("Print_Titles")).toBeNull();
    const ref = ownSheetMarkReference("Risks, 2025 – Bob's");
    expect(ref).toBe("'Risks, 2025 – Bob''s'!$A$1");
    expect(sheetOfMarkReference(ref)).toBe("Risks, 2025 – Bob's");
    expect(sheetOfMarkReference("=Log!$A$1")).toBe("Log");
    expect(sheetOfMarkReference("#REF!$A$1")).toBeNull();
    expect([
      ...ownSheetsFromNames([
        { name: "_CouncilSheets_Log_1", reference: "'Council Sheets log'!$A$1" },
        { name: "Budget", reference: "Sheet1!$A$1:$B$2" },
        { name: "_CouncilSheets_Backup_1", reference: "#REF!" },
      ]),
    ]).toEqual([["Council Sheets log", "log"]]);
  });

  it("sheets marked as ours are not analysed and raise no layout-not-found", () => {
    const register = [
      ["Ref", "Risk", "Likelihood", "Impact", "Score"],
      ["R1", "Flood", 2, 3, 9],
    ];
    const own = { ...sheet("Risks backup", register), ours: "backup" as const };
    const analysis = analyseWorkbook(workbook(sheet("Risks", register), own), { asOf: TODAY });
    expect(analysis.tables.map((t) => t.sheet)).toEqual(["Risks"]);
    expect(analysis.findings.filter((f) => f.sheet === "Risks backup")).toEqual([]);
    expect(analysis.findings.filter((f) => f.code === "score-mismatch")).toHaveLength(1);
    expect(analysis.plan.operations.every((op) => op.sheet === "Risks")).toBe(true);
  });
});
