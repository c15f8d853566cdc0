import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue } from "../../src/core/snapshot";

const KEY = [["Risk Key:"], ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"]];

function check(header: CellValue[], rows: CellValue[][], key = KEY): Finding[] {
  return analyseWorkbook(workbook(sheet("Register", [header, ...rows, [], ...key])), {
    asOf: TODAY,
  }).findings;
}

const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.cell}`);

describe("risk-register rules", () => {
  const header = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"];

  it("says nothing about a register that is right", () => {
    expect(
      check(header, [
        ["R1", "A", 2, 3, 6, "Medium"],
        ["R2", "B", 4, 4, 16, "High risk"],
        ["R3", "C", 1, 1, 1, "low"],
      ]),
    ).toEqual([]);
  });

  it("reports a score that is not likelihood × impact, with expected and actual", () => {
    const findings = check(header, [
      ["R1", "A", 2, 3, 6, "Medium"],
      ["R2", "B", 2, 3, 4, "Medium"],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "score-mismatch",
        sheet: "Register",
        cell: "E3",
        expected: 6,
        actual: 4,
        message: "Score is 4 but likelihood 2 × impact 3 = 6",
      }),
    ]);
  });

  it("reports a priority outside the band of the true score", () => {
    const findings = check(header, [
      ["R1", "A", 2, 4, 8, "Medium"],
      ["R2", "B", 1, 2, 2, "Low"],
    ]);
    expect(brief(findings)).toEqual(["priority-mismatch@F2"]);
    expect(findings[0]).toMatchObject({ expected: "High", actual: "Medium" });
    expect(findings[0]?.message).toBe('Priority is "Medium" but score 8 is in band 8-16 High');
  });

  it("reports blanks, text and out-of-range ratings on exactly those cells", () => {
    const findings = check(header, [
      ["R1", "A", null, 3, null, null],
      ["R2", "B", "High", 3, null, null],
      ["R3", "C", 6, 3, 18, null],
      ["R4", "D", 2.5, 2, 5, null],
      ["R5", "E", "tbc", 2, null, null],
      ["R6", "F", 2, 2, 4, "Medium"],
      ["R7", null, 1, 1, 1, "Low"],
    ]);
    expect(brief(findings)).toEqual([
      "missing-value@C2",
      "not-a-number@C3",
      "out-of-range@C4",
      "out-of-range@C5",
      "missing-value@C6",
      "missing-value@B8",
    ]);
    expect(findings[2]?.message).toBe("Likelihood 6 is outside the 1–4 scale");
  });

  it("notes numbers stored as text and still checks them", () => {
    const findings = check(header, [["R1", "A", "2", 3, "5", null]]);
    expect(brief(findings)).toEqual(["number-as-text@C2", "score-mismatch@E2"]);
    expect(findings[0]?.severity).toBe("info");
  });

  it("reads drop-down labels as their numbers", () => {
    expect(check(header, [["R1", "A", "3 - Likely", "2 - Minor", 6, "Medium"]])).toEqual([]);
  });

  it("reports duplicate ids on the later rows", () => {
    const findings = check(header, [
      ["R1", "A", 1, 1, 1, null],
      ["R2", "B", 1, 1, 1, null],
      ["r1", "C", 1, 1, 1, null],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "duplicate-id",
        cell: "A4",
        message: "Id r1 is also used at A2",
      }),
    ]);
  });

  it("warns when a review date has passed, reading serials and UK text dates", () => {
    const findings = check(
      ["Risk", "L", "I", "Review date"],
      [
        ["A", 1, 1, TODAY - 1],
        ["B", 1, 1, TODAY],
        ["C", 1, 1, "01/03/2025"],
        ["D", 1, 1, "31/12/2030"],
      ],
    );
    expect(brief(findings)).toEqual(["review-overdue@D2", "review-overdue@D4"]);
    expect(findings[1]).toMatchObject({
      severity: "warning",
      message: "Review date 01/03/2025 has passed (today is 22/11/2026)",
    });
  });

  it("says 'as at' the date the officer set, not 'today', when one was set", () => {
    // Excel serial 46112 is 31/03/2026 (days since 30/12/1899).
    const findings = analyseWorkbook(
      workbook(
        sheet("Register", [
          ["Risk", "L", "I", "Review date"],
          ["A", 1, 1, "01/03/2026"],
        ]),
      ),
      { asOf: 46112, asOfChosen: true },
    ).findings;
    expect(findings.map((f) => f.message)).toEqual([
      "Review date 01/03/2026 has passed (as at 31/03/2026)",
    ]);
  });

  it("checks every pair and names the pair in its messages", () => {
    const findings = check(
      [
        "Risk",
        "Inherent L",
        "Inherent I",
        "Inherent score",
        "Residual L",
        "Residual I",
        "Residual score",
        "Target L",
        "Target I",
      ],
      [
        ["A", 4, 4, 16, 2, 3, 5, null, null],
        ["B", 3, 3, 9, 2, 2, 4, 1, null],
      ],
    );
    expect(brief(findings)).toEqual(["score-mismatch@G2", "missing-value@I3"]);
    expect(findings[0]?.message).toBe(
      "Residual score is 5 but residual likelihood 2 × residual impact 3 = 6",
    );
    expect(findings[1]?.message).toBe("Target impact is blank");
  });

  it("uses the 1–5 scale when the data shows it and there is no key", () => {
    const findings = check(
      ["Risk", "L", "I"],
      [
        ["A", 5, 5],
        ["B", 6, 1],
      ],
      [],
    );
    expect(brief(findings)).toEqual(["out-of-range@B3"]);
    expect(findings[0]?.message).toContain("1–5 scale");
  });

  it("does not treat a section heading row inside a register as a risk", () => {
    expect(
      check(
        ["Risk", "L", "I"],
        [["Strategic risks"], ["A", 1, 2], ["Operational risks"], ["B", 2, 2]],
      ),
    ).toEqual([]);
  });
});
