import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import type { ColumnWrite } from "../../src/core/plan";
import { parseYearLabel } from "../../src/core/tables/years";
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

describe("a plain approvals log", () => {
  const log = sheet("Approvals log", [
    ["Decision ref", "Description", "Decision date", "Approved £"],
    ["KD/2024/001", "Library refurbishment", 45392, 250000],
    ["ODR/2024/007", "Youth grants", 45414, 40000],
  ]);
  const grants = sheet("Grants", [
    ["Scheme", "Decision ref", "Amount"],
    ["Library", "KD/2024/001", 300000],
    ["Youth", "ODR/2024/007", 10000],
    ["Play area", "KD/2024/099", 5000],
  ]);

  test("is read as a register; the table citing it stays a citing table and is checked against it", () => {
    const analysis = analyseWorkbook(workbook(log, grants), { asOf: TODAY });
    expect(analysis.tables.filter((t) => t.kind === "decisions")).toEqual([
      expect.objectContaining({
        sheet: "Approvals log",
        range: "A1:D3",
        references: ["KD/2024/001", "ODR/2024/007"],
      }),
    ]);
    const decisionFindings = analysis.findings
      .filter((f) => ["over-approval", "decision-not-found"].includes(f.code))
      .map((f) => [f.code, f.sheet, f.cell])
      .sort();
    expect(decisionFindings).toEqual([
      ["decision-not-found", "Grants", "B4"],
      ["over-approval", "Grants", "C2"],
    ]);
  });

  test("a funding table with a Decision ref column and money per line is not a register", () => {
    const funding = sheet("Funding", [
      ["Decision ref", "Project", "Decision date", "Allocated £"],
      ["KD/2024/001", "Library", 45392, 300000],
    ]);
    const analysis = analyseWorkbook(workbook(funding), { asOf: TODAY });
    expect(analysis.tables.filter((t) => t.kind === "decisions")).toEqual([]);
    // With no register in the workbook, the citation is not checked against one.
    const keyed = sheet("Grants", [
      ["Ref", "Recipient", "Decision ref", "Decision date", "Approved £"],
      ["G1", "Food bank", "KD/2024/001", 45392, 5000],
    ]);
    expect(
      analyseWorkbook(workbook(keyed), { asOf: TODAY }).tables.filter(
        (t) => t.kind === "decisions",
      ),
    ).toEqual([]);
  });
});

describe("minutes that refer a matter back or do not agree it", () => {
  const minutes = (resolution: string) =>
    readDecisionRecord(
      `EXECUTIVE - 3 JULY 2024\n12. LEISURE CENTRE CAPITAL WORKS\nThe Portfolio Holder introduced the report seeking approval of capital spend of £1,400,000 on the leisure centre roof.\nResolved - ${resolution}`,
      "minutes.txt",
    );

  test("referred back to the Executive or to officers is deferred; not agreed is rejected", () => {
    const toExecutive = minutes("That the report be referred back to the Executive.");
    expect([toExecutive.status.value, toExecutive.statusKind]).toEqual([
      "Referred back",
      "deferred",
    ]);
    const lettered = minutes(
      "(a) That the report be noted; (b) That the proposals be referred back to officers for further information.",
    );
    expect(lettered.statusKind).toBe("deferred");
    const notAgreed = minutes("That the recommendations set out in the report not be agreed.");
    expect([notAgreed.status.value, notAgreed.statusKind]).toEqual(["Not agreed", "rejected"]);
  });

  test("a rejected or deferred decision states no amount approved; the figure stays as context", () => {
    const rejected = readDecisionRecord(
      "Decision details\nODR/2024/044 Award of grant\nDecision Maker: Director\nDecision status: Rejected\nDecision:\nTo approve the award of a grant of £35,000 to Westside Youth Trust.",
      "odr.txt",
    );
    expect(rejected.amountApproved.value).toBeNull();
    expect(rejected.amountStatement).toBe(
      'No amount approved: the decision is rejected ("Rejected"), so £35,000 ("To approve the award of a grant of £35,000 to Westside Youth Trust.") is context, not an approval',
    );
    expect(rejected.otherAmounts).toEqual([
      expect.objectContaining({ amount: 35000, role: "context" }),
    ]);
    const calledIn = readDecisionRecord(
      "Decision details\nCAB/24/090 Depot\nDecision Maker: Cabinet\nDecision status: Called in\nDecision:\nTo approve capital funding of £80,000 for 2024/25.",
      "cab.txt",
    );
    expect([calledIn.amountApproved.value, calledIn.amountYear]).toEqual([null, null]);
    expect(calledIn.amountStatement).toMatch(/^No amount approved: the decision is called in/);
    const approved = readDecisionRecord(
      "Decision details\nCAB/24/091 Depot\nDecision Maker: Cabinet\nDecision status: Approved\nDecision:\nTo approve capital funding of £80,000.",
      "cab.txt",
    );
    expect(approved.amountApproved.value).toBe(80000);
  });
});

describe("an Approval column holding dates", () => {
  test("dates, numbers and yes/no in a citing column are not references; codes still are", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Amount approved"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, 240000],
      ]),
      sheet("Capital", [
        ["Scheme", "Approval", "Budget £"],
        ["Roof", { value: 45363, numberFormat: "dd/mm/yyyy" }, 50000],
        ["Boiler", "Yes", 20000],
        ["Lift", "12/03/2024", 10000],
        ["Car park", 12345, 5000],
        ["Hubs", "CAB/24/031", 7000],
        ["Depot", "CAB/24/099", 3000],
      ]),
    );
    const notFound = analyseWorkbook(snapshot, { asOf: TODAY })
      .findings.filter((f) => f.code === "decision-not-found")
      .map((f) => [f.sheet, f.cell]);
    expect(notFound).toEqual([["Capital", "B7"]]);
  });
});

describe("reference-like codes are not year labels", () => {
  test("a code holding a year names no year; a bare year or a date still reads as before", () => {
    expect(parseYearLabel("KD/2024/050")).toBeNull();
    expect(parseYearLabel("ODR-2024-07")).toBeNull();
    expect(parseYearLabel("AHWB.012.2021")).toBeNull();
    expect(parseYearLabel("Grant 2009")?.label).toEqual({ kind: "ambiguous", text: "2009" });
    expect(parseYearLabel("31/03/2024")?.label).toEqual({ kind: "ambiguous", text: "2024" });
  });

  test("a funding table with a KD/2024/050 header gets no ambiguous-year; a worded bare year is never NaN", () => {
    const snapshot = workbook(
      sheet("Funding", [
        ["Scheme", "2024/25", "KD/2024/050", "Grant 2009"],
        ["Parks", 1000, "x", 5],
        ["Roads", 500, "y", 6],
      ]),
    );
    const ambiguous = analyseWorkbook(snapshot, { asOf: TODAY })
      .findings.filter((f) => f.code === "ambiguous-year")
      .map((f) => [f.cell, f.message]);
    expect(ambiguous).toEqual([
      [
        "D1",
        '"Grant 2009" could be 2008/09 or 2009/10; write the financial year in full (e.g. 2025/26)',
      ],
    ]);
  });
});
