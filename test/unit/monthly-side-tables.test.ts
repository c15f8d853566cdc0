import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A side table kept beside a monthly profile after a blank column — notes, a summary by
 * directorate, a key, a RAG rule table, a quarter's months — is no part of the profile: none of
 * its columns becomes a month, a budget or a full year, none of its rows a line, and the Full
 * year and Variance written for the profile add the profile's own months only.
 */
type Rows = Parameters<typeof sheet>[1];
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const LINES: [string, string, number, number][] = [
  // code, name, budget, each month
  ["H1", "Gritting", 1200, 90],
  ["H2", "Street lighting", 2400, 200],
  ["H3", "Patching", 4800, 400],
];

/** A profile at A1:O5 (no Full year or Variance: both are written), `side` from column Q on. */
function profile(side: Rows): Rows {
  const rows: Rows = [["Code", "Service", "Budget", ...MONTHS]];
  for (const [code, name, budget, month] of LINES)
    rows.push([code, name, budget, ...MONTHS.map(() => month)]);
  const total = ["", "Total", ...Array.from({ length: 13 }, (_, k) => k)].map((v, k) => {
    if (k < 2) return v;
    const col = String.fromCharCode(65 + k);
    const sum = LINES.reduce((s, l) => s + (k === 2 ? l[2] : l[3]), 0);
    return f(`=SUM(${col}2:${col}4)`, sum);
  });
  rows.push(total);
  return rows.map((row, k) => [...row, null, ...(side[k] ?? [])]);
}

const SIDES: [string, Rows][] = [
  ["notes", [["Notes"], ["Gritting is nil in summer"], ["Lighting is under the PFI"]]],
  [
    "a summary by directorate",
    [
      ["Directorate", "Budget", "Full year"],
      ["Place", 7200, 7000],
      ["People", 900, 880],
    ],
  ],
  [
    "a key",
    [
      ["Key", ""],
      ["tbc", "to be confirmed"],
      ["-", "nil"],
    ],
  ],
  [
    "a RAG rule table",
    [
      ["RAG", "Rule"],
      ["Red", "> 5%"],
      ["Amber", "2% to 5%"],
      ["Green", "< 2%"],
    ],
  ],
  [
    "a quarter's months",
    [
      ["Quarter", "Apr", "May", "Jun"],
      ["Q1", 10, 20, 30],
    ],
  ],
];

describe.each(SIDES)("a monthly profile with %s beside it", (_, side) => {
  const a = analyseWorkbook(workbook(sheet("Profile", profile(side))), { asOf: TODAY });

  it("reads the profile alone: its twelve months, its own columns and lines", () => {
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([["monthly-profile", "A1:O5"]]);
    const report = a.tables[0] as unknown as {
      months: { month: string }[];
      columns: Record<string, string>;
    };
    expect(report.months.map((m) => m.month)).toEqual(MONTHS);
    expect(report.columns).toEqual({ costCentre: "A", label: "B", budget: "C" });
    expect(a.findings.filter((x) => x.severity !== "info")).toEqual([]);
  });

  it("writes the Full year and Variance from the profile's own months, nothing in the side table", () => {
    const writes = a.plan.operations.flatMap((op) =>
      op.kind === "column" ? [op as ColumnWrite] : [],
    );
    const columns = writes.map((w) => w.column);
    // Past the side table: the sheet's other cells keep their place (plan-helpers newColumns).
    const sideEnd = 16 + Math.max(...side.map((r) => r.length)) - 1;
    expect(columns).toEqual([sideEnd + 1, sideEnd + 2]);
    const fullYear = writes.find((w) => w.title === "Full year");
    expect(fullYear?.cells.map((c) => [c.row, c.value])).toEqual([
      [1, 1080],
      [2, 2400],
      [3, 4800],
      [4, 8280],
    ]);
    expect(fullYear?.cells[0]?.formula).toBe("=SUM(D2:O2)");
    const variance = writes.find((w) => w.title === "Variance");
    expect(variance?.cells.map((c) => [c.row, c.value])).toEqual([
      [1, -120],
      [2, 0],
      [3, 0],
      [4, -120],
    ]);
  });
});
