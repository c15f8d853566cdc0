import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A monthly profile's existing RAG column is written as a budget table's is: every line's cell a
 * live formula over the full year and the budget, by the sheet's rule or the settings', in
 * pounds whatever the unit; a typed colour or a blank is replaced, a formula already there (ours
 * from an earlier apply) kept, so apply twice writes nothing more; under a rule that cannot be
 * read the column stays as typed.
 */
type Rows = Parameters<typeof sheet>[1];
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

// Full years 1% over, 3% over and 8% over a budget of 1,200 (in the profile's unit).
function profileWith(unit: "£" | "£'000", rag: (row: number) => Rows[number][number], notes: Rows) {
  const budget = unit === "£" ? 1_200_000 : 1_200;
  const rows: Rows = [["Service", `Budget ${unit}`, ...MONTHS, `Full year ${unit}`, "RAG"]];
  [1.01, 1.03, 1.08].forEach((share, k) => {
    const month = (budget * share) / 12;
    rows.push([`Line ${k + 1}`, budget, ...MONTHS.map(() => month), month * 12, rag(k + 1)]);
  });
  return [...rows, [], ...notes];
}
const ragWrites = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Profile", rows)), { asOf: TODAY })
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.title === "RAG")
    .flatMap((o) => o.cells.map((c) => [c.row, c.formula, c.value]));
const ragFor = (row: number) =>
  `IF(AND(ISNUMBER(O${row + 1}),ISNUMBER(B${row + 1})),IF(O${row + 1}-B${row + 1}<=0.005,"Green",` +
  `IF(O${row + 1}-B${row + 1}>0.05*ABS(B${row + 1}),"Red",` +
  `IF(O${row + 1}-B${row + 1}>=0.02*ABS(B${row + 1}),"Amber","Green"))),"")`;

describe("a monthly profile's existing RAG column", () => {
  const rule: Rows = [["RAG: Red over 5%; Amber 2% to 5%; Green below 2%"]];

  it("empty, is filled with the live RAG formula by the sheet's rule", () => {
    expect(ragWrites(profileWith("£", () => null, rule))).toEqual([
      [1, `=${ragFor(1)}`, "Green"],
      [2, `=${ragFor(2)}`, "Amber"],
      [3, `=${ragFor(3)}`, "Red"],
    ]);
  });

  it("typed, has its colours replaced by the formula, as a budget table's are", () => {
    const typed = profileWith("£", () => "Green", rule);
    expect(ragWrites(typed).map(([row, , value]) => [row, value])).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
    ]);
  });

  it("by the settings' rule where the sheet states none: any overspend short of Red is Amber", () => {
    expect(ragWrites(profileWith("£", () => "", [])).map(([, , value]) => value)).toEqual([
      "Amber",
      "Amber",
      "Red",
    ]);
  });

  it("in £'000, compares pounds with pounds", () => {
    const [first] = ragWrites(profileWith("£'000", () => null, [["Red if over £50k"]]));
    expect(first?.[1]).toContain("(O2-B2)*1000>50000");
    // 1% of £1.2m is £12,000: Amber under a rule whose Red starts over £50,000.
    expect(first?.[2]).toBe("Amber");
  });

  it("holding formulas already (a second apply), is left as it is", () => {
    const applied = profileWith("£", (row) => f(`=${ragFor(row)}`, "Green"), rule);
    expect(ragWrites(applied)).toEqual([]);
  });

  it("under a stated rule that cannot be read, is left as typed", () => {
    const unread = [["RAG: Red = beyond the tolerance agreed with the S151 officer, over £ set"]];
    expect(ragWrites(profileWith("£", () => "", unread))).toEqual([]);
  });
});
