import { readFileSync } from "node:fs";
import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

const SEEDS = `${__dirname}/../../../shared/seeds`;
const serial = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;

/**
 * Defects a new-user trial found in reading records and checking tables that cite decisions:
 * reference labels, first-person approvals, years in brackets or before the figure, minutes
 * dated only in their heading, and words in a decision column that are not references.
 */
const page = (lines: string[]) =>
  [
    "Decision details",
    "Adult social care grant",
    ...lines,
    "Decision Maker: Director of Adult Services",
    "Decision status: Approved",
    "Date of decision: 30/03/2021",
  ].join("\n");

describe("reference labels", () => {
  test.each([
    ["Reference: ED/1234", "ED/1234"],
    ["Ref. No. ED/1234", "ED/1234"],
    ["Ref No: ED/1234", "ED/1234"],
    ["Decision reference – CAB 12/24", "CAB 12/24"],
    ["Decision reference number: AHWB.012.2021", "AHWB.012.2021"],
  ])("%s is the record's own reference, and stays out of the title", (label, reference) => {
    const record = readDecisionRecord(page([label]), "r.txt");
    expect(record.reference).toEqual({ value: reference, sentence: label });
    expect(record.title.value).toBe("Adult social care grant");
    expect(record.decisionMaker.value).toBe("Director of Adult Services");
  });

  test("a bare 'Ref:' in the decision cites an earlier decision, not this one", () => {
    const record = readDecisionRecord(
      `${page([])}\nDecision: To approve £5,000, in line with the earlier decision (Ref: E3469).`,
      "r.txt",
    );
    expect(record.reference.value).toBeNull();
    expect(record.relatedReferences.map((r) => r.value)).toEqual(["E3469"]);
  });
});

describe("first-person approvals", () => {
  test.each([
    ["I approve the allocation of £82,450 from the Social Care Grant.", 82450],
    ["I have decided to approve expenditure of up to £40,000 on the scheme.", 40000],
    ["I hereby authorise spend of £12,500 on the pilot.", 12500],
  ])("%s", (sentence, amount) => {
    const record = readDecisionRecord(`${page([])}\nDecision:\n${sentence}`, "r.txt");
    expect(record.amountApproved).toEqual({ value: amount, sentence });
  });

  test("an officer recalling an earlier approval in the first person approves nothing new", () => {
    const record = readDecisionRecord(
      `${page([])}\nDecision:\nTo note progress. The £82,450 previously approved by Cabinet is unchanged.`,
      "r.txt",
    );
    expect(record.amountApproved.value).toBeNull();
  });
});

describe("amounts approved year by year", () => {
  test.each([
    "To approve funding of £1.2m (2024/25) and £0.8m (2025/26) for the hubs.",
    "To approve the following funding for the hubs: 2024/25: £1.2m; 2025/26: £0.8m.",
    "To approve the following funding for the hubs. 2024/25: £1.2m. 2025/26: £0.8m.",
    "To approve funding of £1.2m (for 2024/25), and £0.8m (for 2025/26).",
  ])("%s", (decision) => {
    const record = readDecisionRecord(`${page([])}\nDecision:\n${decision}`, "r.txt");
    expect(record.amountsByYear).toEqual([
      { year: "2024/25", amount: 1_200_000 },
      { year: "2025/26", amount: 800_000 },
    ]);
    expect(record.amountApproved.value).toBe(2_000_000);
    expect(record.periodStart.value).toBe("2024-04-01");
    expect(record.periodEnd.value).toBe("2026-03-31");
  });

  test("the year-by-year reading is the same however the list is wrapped", () => {
    const whitespace = fc.constantFrom(" ", "\n", "\r\n", "  \n\t", "\u00a0");
    fc.assert(
      fc.property(fc.array(whitespace, { minLength: 4, maxLength: 4 }), (gaps) => {
        const decision = `To approve the following funding:${gaps[0]}2024/25:${gaps[1]}£1.2m;${gaps[2]}2025/26:${gaps[3]}£0.8m.`;
        const record = readDecisionRecord(`${page([])}\nDecision:\n${decision}`, "r.txt");
        expect(record.amountsByYear.map((y) => y.amount)).toEqual([1_200_000, 800_000]);
      }),
    );
  });
});

describe("minutes dated in their heading", () => {
  const minutes = [
    "Minutes of the meeting of Cabinet held on Wednesday, 8 February 2023",
    "Present: Councillor Read (Chair)",
    "112. ADULT SOCIAL CARE TRANSFORMATION PROGRAMME",
    "Resolved –",
    "(a) That the procurement of external support be agreed for a one year period from 1st April 2023 to 31st March 2024.",
  ].join("\n");

  test("the meeting date is the date of decision, with the heading as its sentence", () => {
    const record = readDecisionRecord(minutes, "minutes.txt");
    expect(record.dateOfDecision).toEqual({
      value: "2023-02-08",
      sentence: "Minutes of the meeting of Cabinet held on Wednesday, 8 February 2023",
    });
    expect(record.periodStart.value).toBe("2023-04-01");
  });

  test("a Date of decision field beats the heading", () => {
    const record = readDecisionRecord(`${minutes}\nDate of decision: 09/02/2023`, "minutes.txt");
    expect(record.dateOfDecision.value).toBe("2023-02-09");
  });
});

describe("tables citing decisions", () => {
  const register = sheet("Decisions", [
    ["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"],
    ["CAB/24/031", "Hubs", "Cabinet", "Approved", 45363, 100000],
    ["CAB/24/032", "Pool", "Cabinet", "Deferred", 45363, 50000],
  ]);
  const codes = (snapshot: ReturnType<typeof workbook>) =>
    analyseWorkbook(snapshot, { asOf: TODAY }).findings.map((f) => [f.code, f.sheet, f.cell]);

  test("a small list with a Decision ref and text columns is checked, and is not layout-not-found", () => {
    const notes = sheet("Notes", [
      ["Decision ref", "Note", "Owner"],
      ["CAB/24/031", "Hubs open in May", "Jo"],
      ["CAB/99/001", "Awaiting sign-off", "Al"],
      ["CAB/24/032", "Pool refurbishment", "Al"],
    ]);
    expect(codes(workbook(register, notes))).toEqual([
      ["decision-not-found", "Notes", "A3"],
      ["decision-not-approved", "Notes", "A4"],
    ]);
  });

  test("'Delegated', 'Officer decision' and 'Urgent' are not references", () => {
    const grants = sheet("Grants", [
      ["Project", "Approval", "Amount"],
      ["Hub A", "CAB/24/031", 50000],
      ["Hub B", "Delegated", 2000],
      ["Hub C", "Officer decision", 1500],
      ["Hub D", "Urgent", 900],
      ["Hub E", "Delegated – officer decision", 400],
      ["Hub F", "XYZ-ABC-DEF", 100],
    ]);
    expect(codes(workbook(register, grants))).toEqual([["decision-not-found", "Grants", "B7"]]);
  });
});

describe("call-in without an Effective from", () => {
  const seed = readFileSync(`${SEEDS}/001_f88c53d8f01fb2f7.txt`, "utf8");
  const withoutEffective = seed.replace(/Effective from:\s*18\/11\/2023/, "");

  test("the seed's own Effective from (18/11/2023) is what 5 working days from publication give", () => {
    expect(withoutEffective).not.toBe(seed);
    const stated = readDecisionRecord(seed, "001.txt");
    const derived = readDecisionRecord(withoutEffective, "001.txt");
    expect(stated.effectiveFrom.value).toBe("2023-11-18");
    expect(derived.effectiveFrom).toEqual({
      value: stated.effectiveFrom.value,
      sentence:
        "Derived: subject to call-in and published 10/11/2023; the call-in period of 5 working days ends 17/11/2023, so the decision takes effect on 18/11/2023",
    });
  });

  test("the council's own call-in period counts from publication", () => {
    const record = readDecisionRecord(withoutEffective, "001.txt", { callInWorkingDays: 10 });
    expect(record.effectiveFrom.value).toBe("2023-11-25");
  });

  test("a call-in period the record states beats the council's default", () => {
    const record = readDecisionRecord(
      `${withoutEffective}\nThe call-in period ends 5pm on 28 November 2023.`,
      "001.txt",
    );
    expect(record.effectiveFrom).toEqual({
      value: "2023-11-29",
      sentence:
        'Derived: the call-in period ends 28/11/2023 ("call-in period ends 5pm on 28 November 2023"), so the decision takes effect the next day, 29/11/2023',
    });
  });

  test("a decision not subject to call-in gets no derived date", () => {
    const doncaster = readFileSync(`${SEEDS}/000_27967092dd3fa8cc.txt`, "utf8");
    expect(readDecisionRecord(doncaster, "000.txt").effectiveFrom.value).toBeNull();
  });

  test("before-effective counts from the end of call-in in a register without Effective from", () => {
    const snapshot = workbook(
      sheet("Decisions", [
        [
          "Decision ref",
          "Title",
          "Status",
          "Subject to call-in",
          "Date of decision",
          "Publication date",
          "Amount approved",
        ],
        [
          "CAB/23/101",
          "Hubs",
          "Approved",
          "Yes",
          serial(2023, 11, 9),
          serial(2023, 11, 10),
          100000,
        ],
      ]),
      sheet("Grants", [
        ["Project", "Decision ref", "Start date", "Amount"],
        ["Hub A", "CAB/23/101", serial(2023, 11, 17), 1000],
        ["Hub B", "CAB/23/101", serial(2023, 11, 18), 1000],
      ]),
    );
    const found = analyseWorkbook(snapshot, { asOf: TODAY }).findings.filter(
      (f) => f.code === "before-effective",
    );
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["Grants", "C2"]]);
    expect(found[0]?.message).toBe(
      "Funding starts 17/11/2023, before decision CAB/23/101 took effect after its call-in period (5 working days from publication) on 18/11/2023",
    );
  });
});
