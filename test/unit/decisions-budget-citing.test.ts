import { analyseWorkbook } from "../../src/core/analyse";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A service budget citing the decisions its lines rest on ("Decision ref" or "Authority"), with
 * references keyed as the register keys them, a space after the letters ("EX 24/01"): the
 * budget's lines are checked against the register as a funding table's are.
 */
const day = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;

const register = (statusHeading: string) =>
  sheet("Decisions log", [
    ["Decision No.", "Decision taken", "Decision taker", statusHeading, "Date taken", "Value (£)"],
    ["EX 24/01", "Libraries IT refresh", "Leader", "Agreed", day(2024, 3, 14), 300000],
    ["EX 24/03", "Bus shelter contract", "Cabinet", "Refused", day(2024, 4, 2), 40000],
  ]);
const budget = (citing: string) =>
  sheet("Budget", [
    ["Cost centre", "Description", citing, "Original budget", "Revised budget", "Forecast outturn"],
    ["L100", "Libraries IT", "EX 24/01", 300000, 300000, 290000],
    ["B300", "Bus shelters", "EX 24/03", 40000, 40000, 40000],
    ["B400", "Bus stops", "EX 24/99", 1000, 1000, 1000],
  ]);
const decisionFindings = (citing: string, statusHeading: string) =>
  analyseWorkbook(workbook(budget(citing), register(statusHeading)), { asOf: TODAY })
    .findings.filter((f) => f.code.startsWith("decision") || f.code === "over-approval")
    .map((f) => [f.code, f.sheet, f.cell]);

test.each(["Decision ref", "Authority"])(
  "a budget table citing decisions under %s: the refused and the missing one are found",
  (citing) => {
    expect(decisionFindings(citing, "Status")).toEqual([
      ["decision-not-approved", "Budget", "C3"],
      ["decision-not-found", "Budget", "C4"],
    ]);
  },
);

test("a register's Result column is its status", () => {
  expect(decisionFindings("Authority", "Result")).toEqual([
    ["decision-not-approved", "Budget", "C3"],
    ["decision-not-found", "Budget", "C4"],
  ]);
});

test("a register's Total row is not counted among its rows", () => {
  const withTotal = sheet("Decisions log", [
    ["Decision No.", "Decision taken", "Decision taker", "Result", "Date taken", "Value (£)"],
    ["EX 24/01", "Libraries IT refresh", "Leader", "Agreed", day(2024, 3, 14), 300000],
    ["EX 24/03", "Bus shelter contract", "Cabinet", "Refused", day(2024, 4, 2), 40000],
    ["Total", null, null, null, null, 340000],
  ]);
  const registers = analyseWorkbook(workbook(withTotal), { asOf: TODAY }).tables.filter(
    (t) => t.kind === "decisions",
  );
  expect(registers.map((t) => [t.range, t.rows])).toEqual([["A1:F4", 2]]);
});

test("a register's Comes into force column is its effective date", () => {
  const inForce = sheet("Approvals", [
    ["Ref.", "Subject", "Decided by", "Result", "Date decided", "Comes into force", "Approved £"],
    ["CAP/2024/007", "Day centre", "Cabinet", "Approved", day(2024, 2, 8), day(2024, 2, 17), 1000],
  ]);
  const [register] = analyseWorkbook(workbook(inForce), { asOf: TODAY }).tables.filter(
    (t) => t.kind === "decisions",
  );
  expect(register?.columns).toMatchObject({ status: "D", effectiveFrom: "F" });
});
