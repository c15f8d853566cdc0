import { analyseWorkbook } from "../../src/core/analyse";
import type { CapitalProgrammeReport } from "../../src/core/capital";
import { cellAddress } from "../../src/core/a1";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A capital programme of blocks of schemes with no heading, each closed by an unlabelled subtotal
 * (bold figures only), then a grand total and a financing block. The grand total is known by its
 * arithmetic (it adds the lines, or the subtotals), not by saying "programme" or "grand": a plain
 * "TOTAL" or "Total" does too. One wrong unlabelled subtotal stays its block's subtotal, the only
 * finding, and the programme runs on to its grand total with the financing still reconciled. The
 * same for subtotals labelled "Total <block>" (a wrong one was taken for the grand total).
 */
const YEARS = ["2025/26 Revised", "2026/27 Estimate", "2027/28 Estimate"];
const BLOCKS: [string, number, number, number][][] = [
  [
    ["Depot", 100, 50, 0],
    ["Pool", 20, 30, 10],
  ],
  [
    ["Roads", 200, 200, 200],
    ["Bridges", 10, 20, 30],
    ["Lights", 5, 5, 5],
  ],
  [
    ["Homes", 300, 0, 0],
    ["Grants to RSLs", 40, 40, 40],
  ],
];
// The programme by year: 675, 345, 285 (£'000).
const FINANCING: [string, number, number, number][] = [
  ["Prudential borrowing", 475, 245, 185],
  ["Government grants", 200, 100, 100],
];

interface Built {
  rows: Entry[][];
  /** 1-based rows of the unlabelled subtotals, the grand total and the financing total. */
  subtotals: number[];
  grand: number;
  financingTotal: number;
}

interface Spec {
  grandLabel: string;
  /** Block whose subtotal is typed wrong: its first year and its row total are 50 too much. */
  wrongBlock?: number;
  /** The grand total adds the subtotals as typed (carries the wrong one) rather than the lines. */
  grandOverSubtotals?: boolean;
  /** A blank row after each subtotal. */
  gaps?: boolean;
  /** Government grants for 2026/27, 100 when it balances. */
  grants2026?: number;
  /** Subtotals labelled "Total <block>" rather than left unlabelled. */
  labelled?: boolean;
}

const BLOCK_NAMES = ["Total Property", "Total Highways", "Total Housing"];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function build(spec: Spec): Built {
  const rows: Entry[][] = [
    ["Anytown Council Capital Programme £'000"],
    ["Scheme", ...YEARS, "Total 2025-28"],
  ];
  const across = (values: number[]) => {
    const r = rows.length;
    return f(`=SUM(${cellAddress(r, 1)}:${cellAddress(r, 3)})`, sum(values));
  };
  const subtotals: number[] = [];
  const typed: number[][] = [];
  BLOCKS.forEach((lines, b) => {
    for (const [scheme, ...amounts] of lines) rows.push([scheme, ...amounts, across(amounts)]);
    const figures = [0, 1, 2].map((k) => sum(lines.map((l) => l[k + 1] as number)));
    if (b === spec.wrongBlock) figures[0] = (figures[0] ?? 0) + 50;
    typed.push(figures);
    // Typed figures, as a subtotal keyed over a broken formula would be.
    rows.push([spec.labelled ? BLOCK_NAMES[b] : null, ...figures, sum(figures)]);
    subtotals.push(rows.length);
    if (spec.gaps) rows.push([]);
  });
  const grandFigures = [0, 1, 2].map((k) =>
    spec.grandOverSubtotals
      ? sum(typed.map((t) => t[k] ?? 0))
      : sum(BLOCKS.flat().map((l) => l[k + 1] as number)),
  );
  rows.push([spec.grandLabel, ...grandFigures, sum(grandFigures)]);
  const grand = rows.length;
  rows.push([]);
  rows.push(["Financing"]);
  const first = rows.length;
  const sources = FINANCING.map(([label, ...amounts]) =>
    label === "Government grants" && spec.grants2026 !== undefined
      ? [amounts[0] ?? 0, spec.grants2026, amounts[2] ?? 0]
      : amounts,
  );
  FINANCING.forEach(([label], k) =>
    rows.push([label, ...(sources[k] ?? []), across(sources[k] ?? [])]),
  );
  const totals = [0, 1, 2].map((k) => sum(sources.map((s) => s[k] ?? 0)));
  rows.push([
    "Total financing",
    ...[1, 2, 3, 4].map((c, k) =>
      f(
        `=SUM(${cellAddress(first, c)}:${cellAddress(first + sources.length - 1, c)})`,
        k < 3 ? (totals[k] ?? 0) : sum(totals),
      ),
    ),
  ]);
  return { rows, subtotals, grand, financingTotal: rows.length };
}

function analyse(built: Built) {
  const a = analyseWorkbook(workbook(sheet("Capital", built.rows)), { asOf: TODAY });
  const found = a.findings.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`);
  const tables = a.tables.filter(
    (t): t is CapitalProgrammeReport => t.kind === "capital-programme",
  );
  return { found, tables };
}

describe.each(["TOTAL", "Total", "Total capital programme"])(
  "capital programme with unlabelled subtotals and a grand total labelled %s",
  (grandLabel) => {
    it.each([false, true])("all right (blank rows between blocks: %s): no findings", (gaps) => {
      const built = build({ grandLabel, gaps });
      const { found, tables } = analyse(built);
      expect(found).toEqual([]);
      expect(tables).toHaveLength(1);
      expect(tables[0]).toMatchObject({
        range: `A2:E${built.grand}`,
        unlabelledTotalRows: built.subtotals,
        totalRows: 4,
        financing: { totalRow: built.financingTotal },
      });
    });

    it.each([
      [0, false],
      [1, false],
      [2, false],
      [0, true],
      [1, true],
    ])(
      "a wrong subtotal in block %i (blank rows: %s) is that subtotal's one finding",
      (wrongBlock, gaps) => {
        const built = build({ grandLabel, wrongBlock, gaps });
        const { found, tables } = analyse(built);
        expect(found).toEqual([`total-mismatch@B${built.subtotals[wrongBlock] ?? 0}`]);
        expect(tables).toHaveLength(1);
        expect(tables[0]).toMatchObject({
          range: `A2:E${built.grand}`,
          unlabelledTotalRows: built.subtotals,
          totalRows: 4,
          financing: { range: `A${built.grand + 2}:E${built.financingTotal}` },
        });
      },
    );

    it.each([0, 1, 2])(
      "a wrong subtotal labelled 'Total <block>' in block %i is its one finding, not the end",
      (wrongBlock) => {
        const built = build({ grandLabel, wrongBlock, labelled: true });
        const { found, tables } = analyse(built);
        expect(found).toEqual([`total-mismatch@B${built.subtotals[wrongBlock] ?? 0}`]);
        expect(tables).toHaveLength(1);
        expect(tables[0]).toMatchObject({
          range: `A2:E${built.grand}`,
          totalRows: 4,
          financing: { range: `A${built.grand + 2}:E${built.financingTotal}` },
        });
      },
    );

    it("a grand total over the subtotals as typed keeps the wrong one a subtotal", () => {
      const built = build({ grandLabel, wrongBlock: 1, grandOverSubtotals: true });
      const { found, tables } = analyse(built);
      // The grand total is right by its subtotals: the wrong one is the root, reported once, and
      // the financing balances the programme's lines.
      expect(found).toEqual([`total-mismatch@B${built.subtotals[1] ?? 0}`]);
      expect(tables[0]).toMatchObject({
        range: `A2:E${built.grand}`,
        unlabelledTotalRows: built.subtotals,
        totalRows: 4,
      });
    });

    it("with a wrong subtotal, financing short in one year is that year's difference", () => {
      const built = build({ grandLabel, wrongBlock: 1, grants2026: 90 });
      const { found } = analyse(built);
      expect(found).toEqual([
        `total-mismatch@B${built.subtotals[1] ?? 0}`,
        `reconciliation-difference@C${built.financingTotal}`,
      ]);
    });
  },
);
