import { analyseWorkbook } from "../../src/core/analyse";
import { parseMoney } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Words councils type where money is not confirmed yet ("awaiting confirmation", "TBC - bid
 * pending", "subject to approval", "provisional") are read as "tbc" is: the line is left out of
 * variance and totals with a note. In a header, "Provisional outturn" still names the column.
 */
type Rows = Parameters<typeof sheet>[1];
const found = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY }).findings.map(
    (x) => `${x.severity} ${x.code}@${x.cell} ${x.message}`,
  );

describe("a budget typed with words that say it is not confirmed", () => {
  it.each([
    ["awaiting", '"awaiting"'],
    ["Awaiting confirmation", '"Awaiting confirmation"'],
    ["TBC - bid pending", '"TBC - bid pending"'],
    ["TBC (bid pending)", '"TBC (bid pending)"'],
    ["bid pending", '"bid pending"'],
    ["Subject to approval", '"Subject to approval"'],
    ["provisional", '"provisional"'],
    ["Provisional - subject to approval", '"Provisional - subject to approval"'],
  ])("%s is left out of variance and totals with a note", (typed, said) => {
    expect(
      found([
        ["Service", "Revised budget", "Forecast outturn", "Variance"],
        ["A", 1000, 1020, 20],
        ["B", 800, 780, -20],
        ["C", typed, 300, null],
        ["D", 500, 500, 0],
      ]),
    ).toEqual([
      `info unconfirmed-funding@B4 Revised budget ${said} for C: left out of variance and totals`,
    ]);
  });
});

describe("words that do not say money is unconfirmed", () => {
  it.each([
    "awaiting journal",
    "Provisional outturn",
    "pending review of the figures",
    "TBC - journal",
  ])("%s is text, not an unconfirmed amount", (typed) => {
    expect(parseMoney(typed)).toEqual({ kind: "text", text: typed });
  });

  it("keeps text in an actual-to-date column an error, as the corpus's 'awaiting journal'", () => {
    expect(
      found([
        ["Service", "Budget", "Actual to date", "Forecast outturn", "Variance"],
        ["A", 1000, 400, 1020, 20],
        ["B", 800, "awaiting journal", 780, -20],
        ["C", 500, 250, 500, 0],
      ]),
    ).toEqual(['error not-a-number@C3 Actual to date "awaiting journal" is not an amount']);
  });
});

describe("'Provisional' in a header names the column", () => {
  const lines: Rows = [
    ["A", 1000, 1020, 20],
    ["B", 800, 780, 20],
    ["C", 500, 500, 0],
  ];

  it("reads a 'Provisional outturn' column as the forecast", () => {
    const out = found([["Service", "Budget", "Provisional outturn", "Variance"], ...lines]);
    expect(out).toEqual([
      "error variance-mismatch@D3 Variance is £20 but forecast £780 − budget £800 = -£20 (the sign is reversed); variance here is forecast less budget, positive = overspend, the usual convention",
    ]);
  });

  it("reads a header stacked over two rows with 'provisional' under 'Outturn'", () => {
    const out = found([
      ["Service", "Budget", "Outturn", "Variance"],
      [null, "2025/26", "provisional", "£"],
      ...lines,
    ]);
    expect(out).toEqual([
      "error variance-mismatch@D4 Variance is £20 but forecast £780 − budget £800 = -£20 (the sign is reversed); variance here is forecast less budget, positive = overspend, the usual convention",
    ]);
  });

  it("reads a header stacked over two rows with only words under it", () => {
    const out = found([
      ["Service", "Latest", "Outturn", "Variance"],
      [null, "budget", "provisional", null],
      ...lines,
    ]);
    expect(out).toEqual([
      "error variance-mismatch@D4 Variance is £20 but forecast £780 − budget £800 = -£20 (the sign is reversed); variance here is forecast less budget, positive = overspend, the usual convention",
    ]);
  });
});

describe("funding sources not yet confirmed, in the sources' own words", () => {
  it("reports money allocated against them as unconfirmed funding, quoting the words", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("Sources", [
          ["Funding source", "2025/26 £", "2026/27 £"],
          ["Public Health Grant", 100000, "Awaiting confirmation"],
          ["UKSPF", 60000, "TBC - bid pending"],
          ["Council match", 40000, "Subject to approval"],
        ]),
        sheet("Allocations", [
          ["Ref", "Workstream", "Source of funding", "2025/26 £", "2026/27 £"],
          ["1.1", "Family hub outreach", "Public Health Grant", 100000, 70000],
          ["1.2", "Business support", "UKSPF", 60000, 50000],
          ["1.3", "Parenting programmes", "Council match", 40000, 40000],
        ]),
      ),
      { asOf: TODAY },
    );
    expect(
      a.findings.map((x) => `${x.severity} ${x.code}@${x.sheet}!${x.cell} ${x.message}`),
    ).toEqual([
      'warning unconfirmed-funding@Sources!C2 £70,000 is allocated against Public Health Grant in 2026/27, whose funding is still "Awaiting confirmation"; it is left out of Total all years',
      'warning unconfirmed-funding@Sources!C3 £50,000 is allocated against UKSPF in 2026/27, whose funding is still "TBC - bid pending"; it is left out of Total all years',
      'warning unconfirmed-funding@Sources!C4 £40,000 is allocated against Council match in 2026/27, whose funding is still "Subject to approval"; it is left out of Total all years',
    ]);
  });
});
