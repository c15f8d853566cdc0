import { analyseWorkbook } from "../../src/core/analyse";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A title line stating money ("Key decision threshold 2024/25 £500,000", merged across the log)
 * is a title, not a funding header with a year grouped over the columns: one cell with money
 * above a table is not a table.
 */
const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) as number;
const TITLE = "Key decision threshold 2024/25 £500,000";
const ROWS = [
  ["KD-01", d(2024, 2, 15), "Library refurbishment", "Cabinet", 750000, ""],
  ["KD-02", d(2024, 3, 1), "Waste collection contract", "Cabinet", 1200000, "Call-in waived"],
];

function analyse(header: string[]) {
  const log = sheet("Decisions", [[TITLE], header, ...ROWS], { merges: ["A1:F1"] });
  return analyseWorkbook(workbook(log), { asOf: TODAY });
}

describe("a money title line merged over a decisions log", () => {
  test("a log headed Ref | Date | … is not read as funding under the title", () => {
    const a = analyse(["Ref", "Date", "Subject", "Decision taker", "Value (£)", "Notes"]);
    expect(a.tables.map((t) => t.kind)).not.toContain("funding");
    expect(a.findings).toEqual([]);
  });

  test("a register headed as one is read as decisions, the title raising nothing", () => {
    const a = analyse([
      "Ref",
      "Date of decision",
      "Subject",
      "Decision taker",
      "Value (£)",
      "Notes",
    ]);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([["decisions", "A2:F4"]]);
    expect(a.findings.filter((f) => f.cell === "A1")).toEqual([]);
  });
});
