import { detectDecisionRegisters } from "../../src/core/decisions/register";
import { dateToSerial } from "../../src/core/values";
import { sheet } from "../helpers/builders";

/** Headings councils give their registers' columns, each read as the field it names. */
const day = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;

const CASES: [string, string][] = [
  ["Effective", "effectiveFrom"],
  ["Takes effect", "effectiveFrom"],
  ["Date effective", "effectiveFrom"],
  ["Value (£)", "amountApproved"],
  ["Publication", "publicationDate"],
  ["Published", "publicationDate"],
  ["Approved (£)", "amountApproved"],
  ["Budget approved £", "amountApproved"],
  ["Date approved", "dateOfDecision"],
  ["Approved by", "decisionMaker"],
  ["Authority", "decisionMaker"],
];

describe("register headings as councils write them", () => {
  test.each(CASES)("%s is the register's %s", (heading, field) => {
    const base = ["Decision ref", "Status", "Date of decision", "Decision maker"];
    // The heading under test takes the place of the standard column for its field.
    const replaced: Record<string, number> = { dateOfDecision: 2, decisionMaker: 3 };
    const header = [...base];
    const at = replaced[field] ?? header.length;
    header[at] = heading;
    const row: (string | number)[] = ["CAB/24/001", "Approved", day(2024, 1, 10), "Cabinet"];
    row[at] = /date|effect|publi/i.test(heading)
      ? day(2024, 1, 20)
      : /£|value|budget/i.test(heading)
        ? 5000
        : "Cabinet";
    const [table] = detectDecisionRegisters(sheet("Decisions", [header, row]), new Set());
    expect(table?.columns).toEqual(expect.objectContaining({ [field]: at }));
  });

  test("Record of Decision ref is the reference", () => {
    const [table] = detectDecisionRegisters(
      sheet("Decisions", [
        ["Record of Decision ref", "Status", "Date of decision", "Decision maker"],
        ["ROD-2024-01", "Approved", day(2024, 1, 10), "Cabinet"],
      ]),
      new Set(),
    );
    expect(table?.columns.reference).toBe(0);
    expect(table?.decisions[0]?.reference).toBe("ROD-2024-01");
  });
});
