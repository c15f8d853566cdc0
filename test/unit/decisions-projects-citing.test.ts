import { analyseWorkbook } from "../../src/core/analyse";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A projects table with "Approver | Approval date | Decision ref" and no amount column: the
 * column naming the decision best is the one cited, and a reference the register lacks is found.
 */
const day = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;

test("a projects table without money still has its decision references checked", () => {
  const snapshot = workbook(
    sheet("Projects", [
      ["Project Name", "SRO", "Lead Officer", "Approver", "Approval date", "Decision ref"],
      ["Reablement", "Director of ASC", "G. Brooks", "Cabinet", day(2024, 7, 11), "CAB/24/200"],
      ["Home care", "Director of ASC", "K. Garner", "Cabinet", day(2024, 9, 1), "CAB/24/999"],
    ]),
    sheet("Decisions", [
      ["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"],
      ["CAB/24/200", "Reablement", "Cabinet", "Approved", day(2024, 7, 11), 150000],
    ]),
  );
  const found = analyseWorkbook(snapshot, { asOf: TODAY }).findings.filter((f) =>
    f.code.startsWith("decision"),
  );
  expect(found.map((f) => [f.code, f.sheet, f.cell])).toEqual([
    ["decision-not-found", "Projects", "F3"],
  ]);
});
