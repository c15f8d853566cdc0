import { detectDecisionRegisters } from "../../src/core/decisions/register";
import { DecisionImportError, planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { ColumnWrite } from "../../src/core/plan";
import type { ExcelTable } from "../../src/core/snapshot";
import { f, sheet, workbook } from "../helpers/builders";
import { REGISTER_HEADER } from "../helpers/decisions-workbook";

/**
 * Where new decisions go: inside a register kept as an Excel table (the writes say the table
 * grows over them), into empty rows above a Total, and nowhere when a Total has none above it.
 */
const record = (ref: string) =>
  readDecisionRecord(
    `Decision details\n${ref} Youth hubs\nDecision Maker: Cabinet\nDecision status: Approved\nDate of decision: 12/03/2024\nDecision:\nTo approve a total of £50,000 from the Youth Fund.`,
    `${ref}.txt`,
  );
const table = (over: Partial<ExcelTable>): ExcelTable => ({
  name: "DecisionsLog",
  firstRow: 0,
  firstColumn: 0,
  lastRow: 2,
  lastColumn: 5,
  showHeaders: true,
  showTotals: false,
  columns: REGISTER_HEADER,
  ...over,
});
const rowsOf = (plan: ReturnType<typeof planDecisionImport>) => plan.rows.map((r) => r.row);
const growth = (plan: ReturnType<typeof planDecisionImport>) => [
  ...new Set(plan.operations.map((op) => JSON.stringify((op as ColumnWrite).growsTable ?? null))),
];

const BODY = [
  REGISTER_HEADER,
  ["CAB/24/001", "Hubs", "Cabinet", "Approved", 45363, 100000],
  ["CAB/24/002", "Pool", "Cabinet", "Approved", 45363, 20000],
];

test("a register kept as an Excel table: new rows just below it, and every write says the table grows", () => {
  const snapshot = workbook({ ...sheet("Decisions", BODY), tables: [table({})] });
  const plan = planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")]);
  expect(rowsOf(plan)).toEqual([4, 5]);
  expect(growth(plan)).toEqual([JSON.stringify({ name: "DecisionsLog", range: "A1:F5" })]);
  // Applied, the snapshot's table covers them, so the register read back holds all four.
  const after = applyPlanToSnapshot(
    snapshot,
    { operations: plan.operations },
    { valuesOnly: false },
  );
  expect(after.sheets[0]?.tables?.[0]?.lastRow).toBe(4);
  const register = detectDecisionRegisters(after.sheets[0]!, new Set())[0];
  expect(register?.decisions.map((d) => d.reference)).toEqual([
    "CAB/24/001",
    "CAB/24/002",
    "CAB/24/003",
    "CAB/24/004",
  ]);
});

test("a table with blank rows at its foot fills them first and grows only past its end", () => {
  const snapshot = workbook({
    ...sheet("Decisions", [...BODY, []]),
    tables: [table({ lastRow: 3 })],
  });
  const one = planDecisionImport(snapshot, [record("CAB/24/003")]);
  expect(rowsOf(one)).toEqual([4]);
  expect(growth(one)).toEqual(["null"]);
  const two = planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")]);
  expect(rowsOf(two)).toEqual([4, 5]);
  expect(growth(two)).toEqual([JSON.stringify({ name: "DecisionsLog", range: "A1:F5" })]);
});

test("an Excel table's totals row (SUBTOTAL, no Total label) takes new decisions in the blank rows above it", () => {
  const rows = [
    ...BODY,
    [],
    [null, null, null, null, null, f("=SUBTOTAL(109,[Amount approved])", 120000)],
  ];
  const snapshot = workbook({
    ...sheet("Decisions", rows),
    tables: [table({ lastRow: 4, showTotals: true })],
  });
  const plan = planDecisionImport(snapshot, [record("CAB/24/003")]);
  expect(rowsOf(plan)).toEqual([4]);
  expect(growth(plan)).toEqual(["null"]);
  expect(() => planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")])).toThrow(
    `The decisions register on "Decisions" ends with a Total row (row 5): needs 2 empty rows for the new decisions above it and has only 1; add a blank row above the Total (inside its formula's range), then import again`,
  );
});

test("a Total two blank rows below the register: both blank rows are used, then refused", () => {
  const rows = [...BODY, [], [], ["Total", null, null, null, null, f("=SUM(F2:F5)", 120000)]];
  const snapshot = workbook(sheet("Decisions", rows));
  const plan = planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")]);
  expect(rowsOf(plan)).toEqual([4, 5]);
  expect(() =>
    planDecisionImport(snapshot, [
      record("CAB/24/003"),
      record("CAB/24/004"),
      record("CAB/24/005"),
    ]),
  ).toThrow(DecisionImportError);
});

test("rows too few below a register: the refusal says how many are needed and how many there are", () => {
  const rows = [...BODY, [], [], ["Notes: see the constitution", null, null, null, null, null]];
  const snapshot = workbook(sheet("Decisions", rows));
  expect(rowsOf(planDecisionImport(snapshot, [record("CAB/24/003")]))).toEqual([4]);
  expect(
    rowsOf(planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")])),
  ).toEqual([4, 5]);
  expect(() =>
    planDecisionImport(snapshot, [
      record("CAB/24/003"),
      record("CAB/24/004"),
      record("CAB/24/005"),
    ]),
  ).toThrow(
    `The decisions register on "Decisions" needs 3 empty rows for the new decisions below it and has only 2 (row 6 is in use); make room for 1 more and import again`,
  );
  // A decision the register already holds takes no row: three new ones and one held need three.
  expect(() =>
    planDecisionImport(snapshot, [
      record("CAB/24/001"),
      record("CAB/24/003"),
      record("CAB/24/004"),
      record("CAB/24/005"),
    ]),
  ).toThrow("needs 3 empty rows for the new decisions below it and has only 2");
});

describe("a blank row between the register and its Total, outside the Total's SUM", () => {
  const total = (sum: string) => ["Total", null, null, null, null, f(sum, 120000)];

  test("a plain range: the blank row outside =SUM(F2:F3) is no room, the import is refused", () => {
    const snapshot = workbook(sheet("Decisions", [...BODY, [], total("=SUM(F2:F3)")]));
    expect(() => planDecisionImport(snapshot, [record("CAB/24/003")])).toThrow(
      `The decisions register on "Decisions" ends with a Total row (row 5): needs 1 empty row for the new decision above it and has none; add a blank row above the Total (inside its formula's range), then import again`,
    );
  });

  test("an Excel table ending above the blank row: refused while the SUM leaves it out", () => {
    const snapshot = workbook({
      ...sheet("Decisions", [...BODY, [], total("=SUM(F2:F3)")]),
      tables: [table({})],
    });
    expect(() => planDecisionImport(snapshot, [record("CAB/24/003")])).toThrow(
      "inside its formula's range",
    );
  });

  test("an Excel table ending above a blank row the SUM covers: the row is used and the table grows over it", () => {
    const snapshot = workbook({
      ...sheet("Decisions", [...BODY, [], total("=SUM(F2:F4)")]),
      tables: [table({})],
    });
    const plan = planDecisionImport(snapshot, [record("CAB/24/003")]);
    expect(rowsOf(plan)).toEqual([4]);
    expect(growth(plan)).toEqual([JSON.stringify({ name: "DecisionsLog", range: "A1:F4" })]);
  });
});
