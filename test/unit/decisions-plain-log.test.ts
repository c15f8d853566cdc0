import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A plain decisions log — "Reference | Date | Decision | Decision maker | Amount", with or
 * without "Key decision" and "Published" — is a decisions register: its "Date" is the date of
 * decision. A year in the sheet's title ("Decisions 2025/26") never makes its Amount a year's
 * funding: a log is never read as a funding table.
 */
type Rows = Parameters<typeof sheet>[1];
const read = (rows: Rows) => {
  const a = analyseWorkbook(workbook(sheet("Decisions", rows)), { asOf: TODAY });
  return {
    tables: a.tables.map((t) => [
      t.kind,
      t.range,
      (t as unknown as { columns: Record<string, string> }).columns,
    ]),
    findings: a.findings.map((x) => [x.code, x.cell, x.message]),
    writes: a.plan.operations.length,
  };
};

const HEADER = ["Reference", "Date", "Decision", "Decision maker", "Amount"];
const LINES: Rows = [
  ["D2025-01", 45800, "Approve library refurbishment", "Cabinet", 250000],
  ["D2025-02", 45830, "Award leisure contract", "Executive Member", 1200000],
  ["D2025-03", 45860, "Adopt parking strategy", "Cabinet", null],
];
const COLUMNS = {
  reference: "A",
  dateOfDecision: "B",
  title: "C",
  decisionMaker: "D",
  amountApproved: "E",
};

describe("a plain decisions log", () => {
  it("is read as decisions, its Date the date of decision", () => {
    expect(read([HEADER, ...LINES])).toEqual({
      tables: [["decisions", "A1:E4", COLUMNS]],
      findings: [],
      writes: 0,
    });
  });

  it("under a title with a year in it, is decisions, not funding", () => {
    expect(read([["Decisions 2025/26"], [], HEADER, ...LINES])).toEqual({
      tables: [["decisions", "A3:E6", COLUMNS]],
      findings: [],
      writes: 0,
    });
  });

  it("with Key decision and Published, its key marks and publication are checked", () => {
    const rows: Rows = [
      ["Decisions 2025/26"],
      [],
      [...HEADER, "Key decision", "Published"],
      [...(LINES[0] ?? []), "Yes", 45810],
      [...(LINES[1] ?? []), "No", 45900],
    ];
    expect(read(rows)).toEqual({
      tables: [["decisions", "A3:G5", { ...COLUMNS, keyDecision: "F", publicationDate: "G" }]],
      findings: [
        [
          "key-decision-not-marked",
          "F5",
          "Decision D2025-02 involves £1,200,000, at or over the key-decision threshold of £500,000, but is not marked as a key decision",
        ],
        [
          "late-publication",
          "G5",
          "Decision D2025-02 was taken on 22/06/2025 and published 70 days later, on 31/08/2025 (more than 28 days)",
        ],
      ],
      writes: 0,
    });
  });

  it("a log naming no decision maker is still never funding under a year title", () => {
    const rows: Rows = [
      ["Decisions 2025/26"],
      [],
      ["Reference", "Date", "Decision", "Amount"],
      ["D2025-01", 45800, "Approve library refurbishment", 250000],
      ["D2025-02", 45830, "Award leisure contract", 1200000],
    ];
    expect(read(rows).tables.filter((t) => t[0] === "funding")).toEqual([]);
  });
});
