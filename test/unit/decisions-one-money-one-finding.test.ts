import { analyseWorkbook } from "../../src/core/analyse";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

const day = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;

const REGISTER = sheet("Decisions", [
  ["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"],
  ["KD/2024/051", "Town Hall roof", "Executive", "Approved", day(2024, 9, 11), 1840000],
  ["KD/2024/052", "Community Safety Fund", "Executive", "Deferred", day(2024, 9, 11), null],
]);
const findingsOf = (...sheets: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(workbook(...sheets, REGISTER), { asOf: TODAY })
    .findings.filter((f) => f.code.startsWith("decision") || f.code === "over-approval")
    .map((f) => [f.code, f.sheet, f.cell]);

test("money on a deferred decision that approved no amount: one finding, not approved", () => {
  const grants = sheet("Grants", [
    ["Organisation", "Decision ref", "Amount"],
    ["Safer Streets CIC", "KD/2024/052", 250000],
  ]);
  expect(findingsOf(grants)).toEqual([["decision-not-approved", "Grants", "B2"]]);
});

test("a project's budget and the grant allocation of the same money are not added together", () => {
  const projects = sheet("Projects", [
    ["Project", "Decision ref", "Budget", "Start date"],
    ["Town Hall roof", "KD/2024/051", 1840000, day(2024, 10, 1)],
  ]);
  const grants = sheet("Grants", [
    ["Organisation", "Decision ref", "Amount"],
    ["Roof contractor", "KD/2024/051", 1840000],
  ]);
  expect(findingsOf(projects, grants)).toEqual([]);
  // Within one table the lines still add up: two allocations of £1m are over £1,840,000.
  const twice = sheet("Grants", [
    ["Organisation", "Decision ref", "Amount"],
    ["Roof contractor", "KD/2024/051", 1000000],
    ["Scaffolding", "KD/2024/051", 1000000],
  ]);
  expect(findingsOf(projects, twice)).toEqual([["over-approval", "Grants", "C3"]]);
});
