import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A total scheme cost typed as prior years plus a row total that is itself typed wrong adds its
 * stated parts, yet carries the total's error: the total's message names it as following from
 * it (so the officer re-keys both), and once apply writes the total as the SUM of the years the
 * check of the applied sheet reports the scheme cost where it now disagrees.
 */
type SchemeCost = "typed" | "formula" | "right";

interface Spec {
  units: string;
  /** Per scheme: prior years and three years (Excel rows 6–9). */
  lines: [string, number, number, number, number][];
  /** The row total typed on the planted line instead of the sum of its years. */
  plantedTotal: number;
  plantedRow: number;
  schemeCost: SchemeCost;
  /** The row totals as apply writes them: =SUM of the years on every line. */
  applied?: boolean;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function programme(spec: Spec): Entry[][] {
  const rows: Entry[][] = [
    ["Capital Programme 2025/26 to 2027/28"],
    [],
    [
      "Scheme",
      "Prior years",
      "2025/26",
      "2026/27",
      "2027/28",
      "Total 2025-28",
      "Total scheme cost",
    ],
    [null, spec.units, spec.units, spec.units, spec.units, spec.units, spec.units],
    [],
  ];
  const totals: number[] = [];
  const costs: number[] = [];
  spec.lines.forEach(([name, prior, ...years], k) => {
    const row = k + 6;
    const sum = round(years.reduce((a, b) => a + b, 0));
    const planted = row === spec.plantedRow && !spec.applied;
    const total = planted ? spec.plantedTotal : sum;
    const totalCell: Cell | number = spec.applied ? f(`=SUM(C${row}:E${row})`, sum) : total;
    // The scheme cost was keyed from the total as it was typed (10.5 over a wrong 10.5).
    const keyed = row === spec.plantedRow ? round(prior + spec.plantedTotal) : round(prior + sum);
    const cost =
      spec.schemeCost === "formula"
        ? f(`=B${row}+F${row}`, round(prior + total))
        : spec.schemeCost === "typed"
          ? keyed
          : round(prior + sum);
    totals.push(sum);
    costs.push(round(prior + sum));
    rows.push([name, prior, ...years, totalCell, cost]);
  });
  const column = (k: number) => round(spec.lines.reduce((s, line) => s + (line[k] as number), 0));
  const last = spec.lines.length + 5;
  rows.push([
    "Total capital programme",
    f(`=SUM(B6:B${last})`, column(1)),
    f(`=SUM(C6:C${last})`, column(2)),
    f(`=SUM(D6:D${last})`, column(3)),
    f(`=SUM(E6:E${last})`, column(4)),
    round(totals.reduce((a, b) => a + b, 0)),
    // The grand totals were keyed from the right figures (as councils' often are).
    round(costs.reduce((a, b) => a + b, 0)),
  ]);
  return rows;
}

const analyse = (rows: Entry[][]) =>
  analyseWorkbook(workbook(sheet("Capital Programme", rows)), { asOf: TODAY });
const found = (rows: Entry[][]) =>
  analyse(rows)
    .findings.filter((x) => x.severity !== "info")
    .map((x) => [`${x.code}@${x.cell}`, x.message] as const);

const MILLIONS: Spec = {
  units: "£m",
  lines: [
    ["Oakfield Primary expansion", 1.2, 3.4, 2.1, 0],
    ["Schools condition programme", 0, 2.5, 2.5, 2.5],
    ["Basic need contingency", 0, 0.5, 1, 1],
    ["Active travel schemes", 0.2, 1.1, 1.6, 0.9],
  ],
  plantedTotal: 8,
  plantedRow: 7,
  schemeCost: "typed",
};

const THOUSANDS: Spec = {
  units: "£'000",
  lines: [
    ["Depot replacement", 350, 1200, 800, 0],
    ["Library refurbishment", 120, 400, 650, 200],
    ["Flood defences", 0, 900, 900, 300],
  ],
  plantedTotal: 2_150,
  plantedRow: 8,
  schemeCost: "typed",
};

describe("a total scheme cost keyed from a wrong row total", () => {
  it("£m, typed: named in the total's message; the grand totals count the right figures", () => {
    expect(found(programme(MILLIONS))).toEqual([
      [
        "total-mismatch@F7",
        "Total 2025-28 is £8,000,000 but the years 2025/26 to 2027/28 add to £7,500,000; it " +
          "also puts out G7, which follows from it; F10 and G10 are right as typed: they count the " +
          "right figure here",
      ],
    ]);
  });

  it("£'000, typed: the same on another line", () => {
    expect(
      found(programme(THOUSANDS)).map(([at, message]) => [at, message.split("; ")[1]]),
    ).toEqual([["total-mismatch@F8", "it also puts out G8, which follows from it"]]);
  });

  it("a scheme cost =B7+F7 over the wrong total is named too: it shows the wrong figure", () => {
    expect(found(programme({ ...MILLIONS, schemeCost: "formula" }))).toEqual([
      [
        "total-mismatch@F7",
        "Total 2025-28 is £8,000,000 but the years 2025/26 to 2027/28 add to £7,500,000; it " +
          "also puts out G7, which follows from it; F10 and G10 are right as typed: they count the " +
          "right figure here",
      ],
    ]);
  });

  it("a scheme cost typed from the years, right, is not put out", () => {
    const messages = found(programme({ ...MILLIONS, schemeCost: "right" }));
    expect(messages.map(([at]) => at)).toEqual(["total-mismatch@F7"]);
    expect(messages[0]?.[1]).not.toMatch(/puts out/);
  });
});

describe("after apply writes the row totals as SUM of the years", () => {
  it("the typed scheme cost keyed from the old total is reported where it now disagrees", () => {
    const before = analyse(programme(MILLIONS));
    const writes = before.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const planted = writes.flatMap((w) => w.cells).find((c) => c.row === MILLIONS.plantedRow - 1);
    expect(planted?.formula).toBe("=SUM(C7:E7)");
    expect(found(programme({ ...MILLIONS, applied: true }))).toEqual([
      [
        "total-mismatch@G7",
        "Total scheme cost is £8,000,000 but prior years and the total add to £7,500,000; G10 " +
          "is right as typed: it counts the right figure here",
      ],
    ]);
  });
});
