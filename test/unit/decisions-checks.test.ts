import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";
import {
  ALLOCATIONS,
  BNES,
  decisionsWorkbook,
  PLANTED,
  SOURCES,
} from "../helpers/decisions-workbook";

const DECISION_CODES = new Set(PLANTED.map((p) => p.code));

describe("decisions: money against its authority", () => {
  const analysis = analyseWorkbook(decisionsWorkbook(), { asOf: TODAY });

  test("the register is found as a decisions table, read as laid out", () => {
    const register = analysis.tables.find((t) => t.kind === "decisions");
    expect(register).toEqual(
      expect.objectContaining({
        sheet: "Decisions",
        range: "A3:L8",
        headerRow: 3,
        references: ["AHWB.012.2021", BNES, "RMBC-CAB-2023-03", "DMBC-CAB-2018-03", "BNES-CWH-OBC"],
      }),
    );
  });

  test("each decision finding is raised exactly where planted, and nowhere else", () => {
    const raised = analysis.findings
      .filter((f) => DECISION_CODES.has(f.code))
      .map((f) => ({ code: f.code, sheet: f.sheet, cell: f.cell }));
    expect(raised).toEqual(
      expect.arrayContaining(PLANTED.map((p) => expect.objectContaining(p) as unknown)),
    );
    expect(raised).toHaveLength(PLANTED.length);
    // And nothing else at all: the rest of the workbook is right.
    expect(analysis.findings).toHaveLength(PLANTED.length);
  });

  test("the findings say what was approved against what was allocated", () => {
    const over = analysis.findings.find((f) => f.code === "over-approval");
    expect(over).toEqual(
      expect.objectContaining({
        severity: "error",
        decision: BNES,
        year: "2024/25",
        approved: 18116521,
        allocated: 18216521,
      }),
    );
    const late = analysis.findings.find((f) => f.code === "late-publication");
    expect(late?.message).toBe(
      "Decision AHWB.012.2021 was taken on 30/03/2021 and published 121 days later, on 29/07/2021 (more than 28 days)",
    );
    expect(analysis.findings.find((f) => f.code === "before-effective")?.message).toContain(
      "before decision BNES-CAB-2023-11 took effect on 18/11/2023",
    );
  });

  test("reconciliation still works on the same workbook: allocations table is still allocations", () => {
    expect(analysis.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["Decisions", "decisions"],
      ["Sources", "funding-sources"],
      ["Allocations", "allocations"],
    ]);
    expect(
      analysis.reconciliation?.lines.map((l) => [l.source, l.year, l.allocated, l.status]),
    ).toEqual([
      ["Better Care Fund", "2021/22", 97710, "reconciled"],
      ["Better Care Fund", "2023/24", 40000, "reconciled"],
      ["Public Health Grant", "2023/24", 150000, "reconciled"],
      ["Better Care Fund", "2024/25", 18266521, "reconciled"],
    ]);
  });

  test("thresholds come from the settings", () => {
    const strict = analyseWorkbook(decisionsWorkbook(), {
      asOf: TODAY,
      decisions: { keyDecisionThreshold: 50_000, latePublicationDays: 200 },
    });
    const codes = strict.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
    // £97,710 is now over the threshold on a non-key decision; 121 days is no longer late.
    expect(codes).toContain("key-decision-not-marked Decisions!E4");
    expect(codes).not.toContain("late-publication Decisions!H4");
  });

  test("without a register, a column called Approval is left alone", () => {
    const a = analyseWorkbook(
      workbook(sheet("Sources", SOURCES), sheet("Allocations", ALLOCATIONS)),
      {
        asOf: TODAY,
      },
    );
    expect(a.findings.filter((f) => DECISION_CODES.has(f.code))).toEqual([]);
  });

  test("a register with other column names and per-year approvals: over-approval in the year it states", () => {
    const register = [
      ["Ref.", "Subject", "Decided by", "Outcome", "Decision date", "Key?", "2024/25", "2025/26"],
      ["CAB/24/017", "Reablement", "Cabinet", "Agreed", 45300, "Yes", 100000, 50000],
    ];
    const allocations = [
      ["Scheme", "Approval", "2024/25", "2025/26"],
      ["Reablement hub", "cab/24/017", 100000, 60000],
    ];
    const a = analyseWorkbook(workbook(sheet("Log", register), sheet("Spend", allocations)), {
      asOf: TODAY,
    });
    expect(a.tables.find((t) => t.kind === "decisions")?.sheet).toBe("Log");
    expect(a.findings.filter((f) => DECISION_CODES.has(f.code))).toEqual([
      expect.objectContaining({
        code: "over-approval",
        sheet: "Spend",
        cell: "D2",
        year: "2025/26",
        approved: 50000,
        allocated: 60000,
      }),
    ]);
  });
});

describe("decisions: what a citing column holds", () => {
  test("words such as Approved or Cabinet in an Approval column are not references", () => {
    const register = [
      ["Decision ref", "Decision maker", "Date of decision", "Status", "Amount approved"],
      ["CAB/24/017", "Cabinet", 45300, "Approved", 100000],
    ];
    const projects = [
      ["Project", "Approval", "Budget"],
      ["Reablement hub", "Approved", 50000],
      ["Carers breaks", "Cabinet", 20000],
      ["Day services", "CAB/24/018", 10000],
    ];
    const a = analyseWorkbook(workbook(sheet("Log", register), sheet("Projects", projects)), {
      asOf: TODAY,
    });
    expect(a.findings.filter((f) => DECISION_CODES.has(f.code))).toEqual([
      expect.objectContaining({ code: "decision-not-found", sheet: "Projects", cell: "B4" }),
    ]);
  });
});

describe("decisions: references inside longer text", () => {
  test("a code inside words is the reference; a meeting date is not", () => {
    const register = [
      ["Decision ref", "Decision maker", "Date of decision", "Status", "Amount approved"],
      ["E3469", "Cabinet", 45300, "Approved", 100000],
    ];
    const allocations = [
      ["Scheme", "Approval", "Amount"],
      ["Interim contract", "Cabinet decision E3469", 60000],
      ["Carers", "Cabinet 12/03/2024", 20000],
      ["Day services", "Decision ref: E3470.", 10000],
    ];
    const a = analyseWorkbook(workbook(sheet("Log", register), sheet("Spend", allocations)), {
      asOf: TODAY,
    });
    expect(a.findings.filter((f) => DECISION_CODES.has(f.code))).toEqual([
      expect.objectContaining({ code: "decision-not-found", cell: "B4", decision: "E3470" }),
    ]);
  });
});

describe("decisions: tables of other kinds citing decisions", () => {
  test("a projects table with a Decision ref column is checked against the register", () => {
    const register = [
      ["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"],
      ["CAB/2024/017", "Youth Hub grant", "Cabinet", "Approved", 45302, 25000],
    ];
    const projects = [
      ["Project", "Project manager", "Status", "Budget", "Decision ref"],
      ["Youth Hub", "J Smith", "Green", 90000, "CAB/2024/017"],
      ["Library refit", "A Jones", "Amber", 1000, "NOPE/1"],
    ];
    const a = analyseWorkbook(workbook(sheet("Register", register), sheet("Projects", projects)), {
      asOf: TODAY,
    });
    // Still reported as a projects table.
    expect(a.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["Register", "decisions"],
      ["Projects", "projects"],
    ]);
    expect(
      a.findings
        .filter((f) => DECISION_CODES.has(f.code))
        .map((f) => [f.code, f.sheet, f.cell])
        .sort(),
    ).toEqual([
      ["decision-not-found", "Projects", "E3"],
      ["over-approval", "Projects", "D2"],
    ]);
  });
});
