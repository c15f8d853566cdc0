import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A council whose RAG column keeps small overspends Green (Green up to 2% over, Amber 2–5%, Red
 * above) and states no rule, with no Amber setting: fewer than half its lines disagree with the
 * settings' rule, and each used to be an error. Where one Amber threshold the figures allow
 * explains every such line, they are one warning naming the setting and the lines, and the column
 * is left as typed; a colour no threshold explains stays an error on its line.
 */
type Rows = Parameters<typeof sheet>[1];
const SETTINGS_RULE =
  "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend; the settings' rule; the sheet states none";
const hint = (percent: string, amount: string) =>
  `its colours keep overspends under a threshold Green: set --rag-amber-percent ${percent}, or ` +
  `--rag-amber-amount ${amount} (the task pane's "RAG: amber at" settings), or state the rule on the sheet`;

const analyse = (name: string, rows: Rows) =>
  analyseWorkbook(workbook(sheet(name, rows)), { asOf: TODAY, replaceTotals: true });
const brief = (name: string, rows: Rows) =>
  analyse(name, rows)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.severity} ${f.code}@${f.cell}`);
const ragWrites = (name: string, rows: Rows, column: number) =>
  analyse(name, rows)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.column === column)
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

/** Budget lines on £1m each: overspend (as a share) and typed colour. Rows from 2; RAG in E. */
function budget(lines: [number, string][], unit = ""): Rows {
  const k = unit === "£'000" ? 1000 : 1;
  return [
    ["Service", `Budget ${unit}`.trim(), `Forecast ${unit}`.trim(), "Variance", "RAG"],
    ...lines.map(([share, rag], i) => [
      `Service ${i + 1}`,
      1_000_000 / k,
      (1_000_000 * (1 + share)) / k,
      (1_000_000 * share) / k,
      rag,
    ]),
  ];
}

// Green up to 2% over: 0.5% and 1.5% kept Green; 3% Amber, 4% Amber, 8% Red; underspends Green.
const councilLines: [number, string][] = [
  [0.005, "Green"],
  [0.015, "Green"],
  [0.03, "Amber"],
  [0.04, "Amber"],
  [0.08, "Red"],
  [-0.02, "Green"],
  [-0.05, "Green"],
];

describe("a budget RAG keeping overspends up to 2% Green, fewer than half its lines", () => {
  it.each(["", "£'000"])(
    "%s: one warning naming the lines and the setting, nothing written",
    (unit) => {
      const a = analyse("Budget", budget(councilLines, unit));
      expect(a.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([
        `RAG disagrees with the RAG rule (${SETTINGS_RULE}) on 2 lines (E2:E3), each an overspend it keeps Green: ` +
          `nothing written; ${hint("above 1.5% and at most 3%", "above £15,000 and at most £30,000")}`,
      ]);
      expect(ragWrites("Budget", budget(councilLines, unit), 4)).toEqual([]);
    },
  );

  it("a Green on a 20% overspend where 8% is Red stays an error on its line", () => {
    const rows = budget([...councilLines, [0.2, "Green"]]);
    expect(brief("Budget", rows)).toEqual([
      "warning variance-mismatch@E1",
      "error variance-mismatch@E9",
    ]);
  });

  it("a Red on an underspend stays an error on its line", () => {
    const rows = budget(councilLines.map((l, i) => (i === 5 ? [-0.02, "Red"] : l)));
    expect(brief("Budget", rows)).toEqual([
      "warning variance-mismatch@E1",
      "error variance-mismatch@E7",
    ]);
  });

  it("one Green overspend alone is an error, not a convention", () => {
    const rows = budget([
      [0.015, "Green"],
      [0.03, "Amber"],
      [0.04, "Amber"],
      [0.08, "Red"],
      [-0.02, "Green"],
    ]);
    expect(brief("Budget", rows)).toEqual(["error variance-mismatch@E2"]);
  });

  it("Green overspends above an Amber one fit no threshold: each stays an error", () => {
    // 0.5% typed Amber: no threshold keeps 1.5% and 3.5% Green and 0.5% Amber.
    const rows = budget([
      [0.005, "Amber"],
      [0.015, "Green"],
      [0.035, "Green"],
      [0.04, "Amber"],
      [0.08, "Red"],
      [-0.02, "Green"],
      [-0.05, "Green"],
    ]);
    expect(brief("Budget", rows)).toEqual([
      "error variance-mismatch@E3",
      "error variance-mismatch@E4",
    ]);
  });
});

describe("a projects table's Cost RAG keeping small overspends Green", () => {
  it("gets the one warning too", () => {
    const rows: Rows = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Cost RAG"],
      ["Hub", "Director A", 1_000_000, 1_005_000, 5_000, "Green"],
      ["Roads", "Director B", 1_000_000, 1_015_000, 15_000, "Green"],
      ["Pool", "Director C", 1_000_000, 1_030_000, 30_000, "Amber"],
      ["Depot", "Director D", 1_000_000, 1_040_000, 40_000, "Amber"],
      ["Library", "Director E", 1_000_000, 1_080_000, 80_000, "Red"],
      ["Fleet", "Director F", 1_000_000, 990_000, -10_000, "Green"],
    ];
    expect(brief("Projects", rows)).toEqual(["warning variance-mismatch@F1"]);
    expect(ragWrites("Projects", rows, 5)).toEqual([]);
  });
});

describe("a monthly profile's RAG keeping small overspends Green", () => {
  const MONTHS = [
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Jan",
    "Feb",
    "Mar",
  ];
  it("gets the one warning too", () => {
    const rows: Rows = [["Service", "Budget £", ...MONTHS, "Full year £", "RAG"]];
    councilLines.forEach(([share, rag], k) => {
      const month = (1_200_000 * (1 + share)) / 12;
      rows.push([`Line ${k + 1}`, 1_200_000, ...MONTHS.map(() => month), month * 12, rag]);
    });
    expect(brief("Profile", rows)).toEqual(["warning variance-mismatch@P1"]);
    expect(ragWrites("Profile", rows, 15)).toEqual([]);
  });
});
