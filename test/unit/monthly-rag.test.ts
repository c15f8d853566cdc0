import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A monthly profile's RAG column is checked by the same rule parser as budgets and projects:
 * the rule the sheet states, else the settings' rule (5% of budget or £100,000, whichever is
 * lower), in pounds whatever the unit; a stated rule that cannot be read is warned of and the
 * column is left as typed. Each message says whose rule it applied.
 */
type Rows = Parameters<typeof sheet>[1];
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

/** Lines of [name, budget, each month, typed RAG]; the Full year is the months' sum, typed. */
function profile(lines: [string, number, number, string][], unit: string | null, notes: Rows) {
  const rows: Rows = [["Service", "Budget", ...MONTHS, "Full year", "RAG"]];
  if (unit) rows.push([null, unit, ...MONTHS.map(() => unit), unit, null]);
  for (const [name, budget, month, rag] of lines)
    rows.push([name, budget, ...MONTHS.map(() => month), month * 12, rag]);
  return [...rows, [], ...notes];
}
const found = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Profile", rows)), { asOf: TODAY })
    .findings.filter((x) => x.severity !== "info")
    .map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);

// Full years 1,212,000 (1.0% over), 1,236,000 (3% over), 1,296,000 (8% over) on £1.2m budgets.
const LINES: [string, number, number, string][] = [
  ["Gritting", 1_200_000, 101_000, "Green"],
  ["Lighting", 1_200_000, 103_000, "Amber"],
  ["Patching", 1_200_000, 108_000, "Amber"],
];

describe("a monthly profile's RAG column", () => {
  it("is checked by the rule stated under the table, naming its cell", () => {
    const rows = profile(LINES, null, [
      ["RAG: Red over 5 per cent of budget; Amber 2 to 5 per cent"],
    ]);
    expect(found(rows)).toEqual([
      "error variance-mismatch@P4: RAG is Amber but an overspend of £96,000 on a budget of £1,200,000 is Red: " +
        "Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at A6)",
    ]);
  });

  it("is checked by the settings' rule where the sheet states none, and says so", () => {
    expect(found(profile(LINES, null, []))).toEqual([
      "error variance-mismatch@P2: RAG is Green but an overspend of £12,000 on a budget of £1,200,000 is Amber: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
      "error variance-mismatch@P4: RAG is Amber but an overspend of £96,000 on a budget of £1,200,000 is Red: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
    ]);
  });

  it("a stated rule that cannot be read is warned of, and the column left as typed", () => {
    const rows = profile(LINES, null, [
      [
        "RAG: Red = overspend beyond the £ tolerance agreed with the S151 officer; Amber = within it",
      ],
    ]);
    expect(found(rows)).toEqual([
      "warning variance-mismatch@A6: RAG rule at A6 not understood; the settings' rule is used and the RAG column is left as typed, neither checked nor rewritten",
    ]);
  });

  it("in £'000, a rule in pounds applies to pounds: 152 over is £152,000, over a £100k limit", () => {
    const rows = profile(
      [
        ["Gritting", 10_000, 825, "Green"],
        ["Lighting", 10_000, 846, "Amber"],
      ],
      "£'000",
      [["Red if variance exceeds £100,000; Amber if over £25k"]],
    );
    // Full years 9,900 (£100,000 under) and 10,152 (£152,000 over).
    expect(found(rows)).toEqual([
      "error variance-mismatch@P4: RAG is Amber but an overspend of £152,000 on a budget of £10,000,000 is Red: " +
        "Red over £100,000, Amber over £25,000 (the rule stated on the sheet at A6)",
    ]);
  });
});
