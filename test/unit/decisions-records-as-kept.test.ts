import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { DecisionImportError, planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { recordText } from "../../src/cli/record-text";

/**
 * Decision records and registers as councils really keep them, beyond the seeds: ISO dates,
 * "GBP" amounts, "Referred back", lettered resolutions that each approve money, registers in
 * £'000, registers with year columns only, a Total row under the register, and legacy-encoded
 * web pages.
 */
const details = (lines: string) =>
  readDecisionRecord(`Decision details\nCAB/24/031 Community hubs\n${lines}`, "cab-24-031.txt");

describe("records as published", () => {
  test("ISO dates and GBP amounts are read like UK dates and £ figures", () => {
    const r = details(
      "Decision Maker: Cabinet\nDecision status: Approved\nDate of decision: 2024-03-12\nPublication date: 2024-03-14\nDecision:\nTo approve GBP 240,000 for community hubs.",
    );
    expect(r.dateOfDecision.value).toBe("2024-03-12");
    expect(r.publicationDate.value).toBe("2024-03-14");
    expect(r.amountApproved.value).toBe(240000);
    const after = details("Decision:\nTo approve funding of 1,250,000 GBP for the hubs.");
    expect(after.amountApproved.value).toBe(1250000);
  });

  test("a decision referred back approves nothing yet", () => {
    const r = details("Decision Maker: Cabinet\nDecision status: Referred back to Cabinet");
    expect(r.statusKind).toBe("deferred");
  });

  test("lettered resolutions each approving money approve their sum", () => {
    const r = readDecisionRecord(
      "CABINET MINUTES 12 March 2024\n45. Youth and library services\nResolved – (a) That £200,000 be allocated to the youth service for 2024/25; (b) That £50,000 be allocated to the library service; (c) That the Strategic Director be authorised to agree the detail.",
      "minutes.txt",
    );
    expect(r.amountApproved.value).toBe(250000);
    expect(r.amountStatement).toMatch(/^£250,000 approved in 2 items: £200,000/);
  });
});

describe("legacy-encoded record files", () => {
  const page =
    '<html><head><meta charset="windows-1252"></head><body>To approve £97,710 – now</body></html>';
  const cp1252 = (text: string) =>
    Uint8Array.from([...text].map((ch) => ({ "£": 0xa3, "–": 0x96 })[ch] ?? ch.charCodeAt(0)));

  test("a Windows-1252 page keeps its £ and dashes, declared or not", () => {
    expect(recordText(cp1252(page))).toContain("£97,710 – now");
    expect(recordText(cp1252("To approve £97,710"))).toBe("To approve £97,710");
  });

  test("UTF-8 (with or without a byte-order mark) and UTF-16 are read as written", () => {
    const utf8 = new TextEncoder().encode("To approve £97,710");
    expect(recordText(utf8)).toBe("To approve £97,710");
    expect(recordText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe("To approve £97,710");
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[..."£5"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(recordText(utf16)).toBe("£5");
  });
});

const HEADER = ["Ref", "Title", "Decision maker", "Status", "Key decision", "Date of decision"];

describe("registers as kept", () => {
  test("an approvals column in £'000 is read in pounds; a citing table in £'000 too", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Approved £'000"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, 240],
      ]),
      sheet("Allocations", [
        ["Ref", "Project", "Decision ref", "Amount"],
        ["", "", "", "£'000"],
        ["A1", "North hub", "CAB/24/031", 150],
        ["A2", "South hub", "CAB/24/031", 120],
      ]),
    );
    const findings = analyseWorkbook(snapshot, { asOf: TODAY }).findings.filter(
      (f) => f.code === "over-approval",
    );
    expect(findings).toEqual([
      expect.objectContaining({ approved: 240000, allocated: 270000, sheet: "Allocations" }),
    ]);
    expect(findings[0]?.message).toBe(
      "£270,000 allocated in total on decision CAB/24/031, which approved £240,000",
    );
  });

  test("a register with year columns only: the key-decision threshold applies to their sum", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "2024/25", "2025/26"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "No", 45363, 300000, 300000],
        ["CAB/24/032", "Signage", "Cabinet", "Approved", "No", 45363, 20000, 10000],
      ]),
    );
    const key = analyseWorkbook(snapshot, { asOf: TODAY }).findings.filter(
      (f) => f.code === "key-decision-not-marked",
    );
    expect(key.map((f) => [f.cell, f.message])).toEqual([
      [
        "E2",
        "Decision CAB/24/031 involves £600,000, at or over the key-decision threshold of £500,000, but is not marked as a key decision",
      ],
    ]);
  });

  test("a Total row under the register is not a decision, and nothing is added below it", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Amount approved"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, 240000],
        ["Total", "", "", "", "", "", 240000],
      ]),
    );
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    expect(analysis.tables.find((t) => t.kind === "decisions")).toEqual(
      expect.objectContaining({ references: ["CAB/24/031"] }),
    );
    const r = details("Decision Maker: Cabinet\nDecision status: Approved");
    const other = readDecisionRecord(
      "Decision details\nCAB/24/040 Depot roof\nDecision Maker: Cabinet\nDecision status: Approved",
      "cab-24-040.txt",
    );
    // Updating the decision it holds is fine; adding one would land under the total.
    expect(planDecisionImport(snapshot, [r]).rows[0]?.action).toBe("updated");
    expect(() => planDecisionImport(snapshot, [other])).toThrow(DecisionImportError);
    expect(() => planDecisionImport(snapshot, [other])).toThrow(
      `The decisions register on "Decisions" ends with a Total row (row 3): needs 1 empty row for the new decision above it and has none; add a blank row above the Total (inside its formula's range), then import again`,
    );
  });

  const yearly = readDecisionRecord(
    "Decision details\nCAB/24/050 Reablement\nDecision Maker: Cabinet\nDecision status: Approved\nIs Key decision?: Yes\nDate of decision: 12/03/2024\nDecision:\nTo approve capital funding of £1.2m in 2024/25 and £800,000 in 2025/26.",
    "cab-24-050.txt",
  );

  test("a new Decisions sheet gets a column per approved year, so over-approval is checked per year", () => {
    const plan = planDecisionImport(workbook(sheet("Notes", [["x"]])), [yearly]);
    const imported = applyPlanToSnapshot(
      workbook(sheet("Notes", [["x"]])),
      { operations: plan.operations },
      { valuesOnly: false },
    );
    const decisions = imported.sheets.find((s) => s.name === "Decisions");
    const header = (decisions?.rows[0] ?? []).map((c) => c?.value ?? null);
    expect(header.slice(-2)).toEqual(["2024/25", "2025/26"]);
    expect((decisions?.rows[1] ?? []).slice(-2).map((c) => c?.value)).toEqual([1200000, 800000]);
    // A grant table spending more than 2025/26's approval (but less than the total) is caught.
    const withGrants = workbook(
      ...imported.sheets,
      sheet("Grants", [
        ["Ref", "Project", "Decision ref", "2024/25", "2025/26"],
        ["G1", "Reablement hub", "CAB/24/050", 1000000, 900000],
      ]),
    );
    const over = analyseWorkbook(withGrants, { asOf: TODAY }).findings.filter(
      (f) => f.code === "over-approval",
    );
    expect(over).toEqual([
      expect.objectContaining({ year: "2025/26", approved: 800000, allocated: 900000, cell: "E2" }),
    ]);
  });

  test("a register without year columns says which years' amounts it could not hold", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [...HEADER, "Amount approved"],
        ["CAB/24/031", "Hubs", "Cabinet", "Approved", "Yes", 45363, 240000],
      ]),
    );
    const row = planDecisionImport(snapshot, [yearly]).rows[0];
    expect(row).toEqual(
      expect.objectContaining({ action: "added", yearsNotWritten: ["2024/25", "2025/26"] }),
    );
  });
});
