import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { buildProfile } from "../helpers/monthly-builder";

/**
 * Lines whose name starts like a total ("Total transport costs", "Total pay award provision")
 * inside a service block: the block's subtotal adds them (by its SUM formula, or by its typed
 * figures), so they are lines, not totals. Genuine totals stay totals, wrong ones stay reported.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const found = (rows: Rows) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);
const levels = (rows: Rows) =>
  analyse(rows)
    .tables.filter((t): t is BudgetTableReport => t.kind === "budget")
    .flatMap((t) => t.lines.map((l) => `${l.item}:${l.level}`));
const written = (rows: Rows, title: string) =>
  (
    analyse(rows).plan.operations.find((o) => o.kind === "column" && o.title === title) as
      ColumnWrite | undefined
  )?.cells.map((c) => [c.row + 1, c.value]);

const line = (name: string, budget: number, forecast: number, row: number): Rows[number] => [
  name,
  budget,
  forecast,
  f(`=C${row}-B${row}`, forecast - budget),
];

/** Two headed service blocks with SUM subtotals (Excel rows 6 and 11) and a net total (row 12). */
function headed(options: { childrenBudget?: number; adultsSumFrom?: number } = {}): Rows {
  const from = options.adultsSumFrom ?? 3;
  const adults = [1000, 500, 300].slice(from - 3).reduce((a, b) => a + b, 0);
  const children = options.childrenBudget ?? 2850;
  return [
    ["Service", "Revised budget £", "Forecast outturn £", "Variance £"],
    ["Adult services"],
    line("Staffing", 1000, 1100, 3),
    line("Total transport costs", 500, 450, 4),
    line("Supplies", 300, 300, 5),
    [
      "Adult services total",
      f(`=SUM(B${from}:B5)`, adults),
      f("=SUM(C3:C5)", 1850),
      f("=C6-B6", 1850 - adults),
    ],
    ["Children's services"],
    line("Total pay award provision", 150, 150, 8),
    line("Staffing", 2000, 2100, 9),
    line("Placements", 700, 600, 10),
    [
      "Children's services total",
      options.childrenBudget === undefined ? f("=SUM(B8:B10)", children) : children,
      f("=SUM(C8:C10)", 2850),
      f("=C11-B11", 2850 - children),
    ],
    [
      "Net expenditure",
      f("=B6+B11", adults + children),
      f("=C6+C11", 4700),
      f("=C12-B12", 4700 - adults - children),
    ],
  ];
}

/** Blocks with no heading, every figure typed; the grand total adds every line. */
const typed: Rows = [
  ["Service", "Budget", "Forecast", "Variance"],
  ["Staffing", 1000, 1100, 100],
  ["Total transport costs", 500, 450, -50],
  ["Supplies", 300, 300, 0],
  ["Total adult services", 1800, 1850, 50],
  ["Staffing", 2000, 2100, 100],
  ["Placements", 700, 600, -100],
  ["Total pay award provision", 150, 150, 0],
  ["Total children's services", 2850, 2850, 0],
  ["Total", 4650, 4700, 50],
];

describe("a line named 'Total …' inside a block is a line", () => {
  it("headed blocks with SUM subtotals: no findings, and the lines get their Status", () => {
    expect(found(headed())).toEqual([]);
    expect(levels(headed())).toEqual([
      "Staffing:line",
      "Total transport costs:line",
      "Supplies:line",
      "Adult services total:subtotal",
      "Total pay award provision:line",
      "Staffing:line",
      "Placements:line",
      "Children's services total:subtotal",
      "Net expenditure:total",
    ]);
    expect(written(headed(), "Status")).toEqual([
      [3, "Overspend"],
      [4, "Underspend"],
      [5, "On budget"],
      [6, "Overspend"],
      [8, "On budget"],
      [9, "Overspend"],
      [10, "Underspend"],
      [11, "On budget"],
      [12, "Overspend"],
    ]);
  });

  it("blocks with no heading, all typed, the named line last in its block: no findings", () => {
    expect(found(typed)).toEqual([]);
    expect(levels(typed).filter((l) => l.startsWith("Total"))).toEqual([
      "Total transport costs:line",
      "Total adult services:subtotal",
      "Total pay award provision:line",
      "Total children's services:subtotal",
      "Total:total",
    ]);
  });

  it("a wrong typed subtotal beside a named line is still the one finding", () => {
    expect(found(headed({ childrenBudget: 2900 }))).toEqual(["total-mismatch@B11"]);
  });

  it("the inserted-row slip (a SUM missing a row) keeps its message", () => {
    const findings = analyse(headed({ adultsSumFrom: 4 })).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B6"]);
    expect(findings[0]?.message).toContain("leaves out row 3");
  });

  it("a wrong labelled subtotal that no later total takes in stays a total and is reported", () => {
    const rows = typed.map((r) => [...r]);
    rows[4] = ["Total adult services", 1900, 1900, 50]; // typed £100 and £50 over
    expect(found(rows)).toEqual(["total-mismatch@B5", "total-mismatch@C5"]);
    expect(levels(rows)).toContain("Total adult services:subtotal");
  });
});

describe("the other money kinds read a 'Total …' line the same way", () => {
  it("capital programme: a scheme named 'Total resurfacing works'", () => {
    const rows: Rows = [
      ["Scheme", "2025/26", "2026/27", "Total 2025-27"],
      ["Highways"],
      ["Roads", 100, 200, f("=SUM(B3:C3)", 300)],
      ["Total resurfacing works", 50, 50, f("=SUM(B4:C4)", 100)],
      ["Bridges", 50, 50, f("=SUM(B5:C5)", 100)],
      ["Total Highways", f("=SUM(B3:B5)", 200), f("=SUM(C3:C5)", 300), f("=SUM(D3:D5)", 500)],
      ["Leisure"],
      ["Pool", 10, 20, f("=SUM(B8:C8)", 30)],
      ["Gym", 5, 5, f("=SUM(B9:C9)", 10)],
      ["Total Leisure", f("=SUM(B8:B9)", 15), 26, f("=SUM(D8:D9)", 40)],
      ["Total capital programme", f("=B6+B10", 215), f("=C6+C10", 326), f("=D6+D10", 540)],
    ];
    const a = analyse(rows);
    expect(a.tables.map((t) => `${t.kind} ${"range" in t ? t.range : ""}`)).toEqual([
      "capital-programme A1:D11",
    ]);
    expect(a.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@C10"]);
  });

  it("monthly profile: a cost line named 'Total transport costs'", () => {
    const months = (v: number) => Array.from({ length: 12 }, () => v);
    const built = (typedTotals?: Record<number, number>) =>
      buildProfile({
        sections: [
          {
            heading: "Waste",
            lines: [
              { code: "W1", label: "Collection", budget: 1200, months: months(100) },
              { code: "W2", label: "Total transport costs", budget: 240, months: months(20) },
              { code: "W3", label: "Disposal", budget: 600, months: months(50) },
            ],
            total: "Total Waste",
            ...(typedTotals ? { typedTotals } : {}),
          },
          {
            heading: "Parks",
            lines: [
              { code: "P1", label: "Grounds", budget: 1200, months: months(100) },
              { code: "P2", label: "Trees", budget: 240, months: months(20) },
            ],
            total: "Total Parks",
          },
        ],
        grandTotal: "Grand total",
      });
    const clean = built();
    const findings = (b: typeof clean) =>
      analyseWorkbook(workbook(b.sheet), { asOf: TODAY }).findings.map(
        (x) => `${x.code}@${x.cell}`,
      );
    expect(findings(clean)).toEqual([]);
    const wrong = built({ 1: 999 });
    const at = `D${(wrong.totalRows[0] ?? 0) + 1}`;
    expect(findings(wrong)).toEqual([`total-mismatch@${at}`]);
  });

  it("funding allocations: a workstream named 'Total transport costs'", () => {
    const rows: Rows = [
      ["Ref", "Scheme", "Source of funding", "2025/26 £", "2026/27 £"],
      ["1", "PERSONALISATION"],
      ["1.1", "Coordination", "BCF", 100, 100],
      ["1.2", "Total transport costs", "iBCF", 50, 60],
      ["1.3", "Carers", "BCF", 30, 30],
      [null, "TOTAL PERSONALISATION", null, f("=SUM(D3:D5)", 180), f("=SUM(E3:E5)", 190)],
      ["2", "PREVENTION"],
      ["2.1", "Falls", "DFG", 10, 10],
      ["2.2", "Reablement", "BCF", 20, 20],
      [null, "TOTAL PREVENTION", null, 35, f("=SUM(E8:E9)", 30)],
      [null, "TOTAL FUNDING ACROSS ALL", null, f("=D6+D10", 215), f("=E6+E10", 220)],
    ];
    expect(found(rows)).toEqual(["total-mismatch@D10"]);
  });
});

describe("a wrong labelled subtotal closing a block with no heading stays a subtotal", () => {
  it("capital programme: the programme runs on to its grand total", () => {
    const rows: Rows = [
      ["Scheme", "2025/26", "2026/27", "Total 2025-27"],
      ["Roads", 100, 200, f("=SUM(B2:C2)", 300)],
      ["Bridges", 50, 50, f("=SUM(B3:C3)", 100)],
      ["Total highways", 150, 260, 400],
      ["Pool", 10, 20, f("=SUM(B5:C5)", 30)],
      ["Gym", 5, 5, f("=SUM(B6:C6)", 10)],
      ["Total leisure", 15, 25, 40],
      ["Total capital programme", 165, 275, 440],
    ];
    const a = analyse(rows);
    expect(a.tables.map((t) => `${t.kind} ${"range" in t ? t.range : ""}`)).toEqual([
      "capital-programme A1:D8",
    ]);
    expect(a.findings.map((x) => [`${x.code}@${x.cell}`, x.message])).toEqual([
      ["total-mismatch@C4", "2026/27 is £260 but its lines (rows 2–3) sum to £250"],
    ]);
  });
});

describe("subtotal structures with one planted wrong subtotal give exactly it", () => {
  type Shape = { heading: boolean; label: "labelled" | "unlabelled"; named: boolean };
  /** Two blocks of three lines, their subtotals, and a grand total adding the subtotals. */
  function build(shape: Shape, wrong: 0 | 1): { rows: Rows; subtotalRows: number[] } {
    const rows: Rows = [["Service", "Budget", "Forecast", "Variance"]];
    const blocks = [
      [
        ["Staffing", 1200, 1260],
        [shape.named ? "Total transport costs" : "Transport", 430, 415],
        ["Supplies", 275, 290],
      ],
      [
        ["Placements", 2210, 2390],
        ["Staffing", 980, 940],
        [shape.named ? "Total pay award provision" : "Pay award", 160, 160],
      ],
    ] as const;
    const subtotalRows: number[] = [];
    blocks.forEach((lines, b) => {
      if (shape.heading) rows.push([b === 0 ? "Adults" : "Children"]);
      const first = rows.length + 1;
      for (const [name, budget, forecast] of lines) {
        const r = rows.length + 1;
        rows.push([name, budget, forecast, f(`=C${r}-B${r}`, forecast - budget)]);
      }
      const last = rows.length;
      const budget = lines.reduce((s, l) => s + l[1], 0) + (b === wrong ? 100 : 0);
      const forecast = lines.reduce((s, l) => s + l[2], 0);
      const r = rows.length + 1;
      subtotalRows.push(r);
      rows.push([
        shape.label === "labelled" ? `Total ${b === 0 ? "adults" : "children"}` : null,
        b === wrong ? budget : f(`=SUM(B${first}:B${last})`, budget),
        f(`=SUM(C${first}:C${last})`, forecast),
        f(`=C${r}-B${r}`, forecast - budget),
      ]);
    });
    const [s1, s2] = subtotalRows as [number, number];
    const grand = (c: string) => f(`=${c}${s1}+${c}${s2}`, 0);
    rows.push(["Net expenditure", grand("B"), grand("C"), grand("D")]);
    // Cached values as Excel saves them: the grand adds the subtotals as stated.
    const at = (r: number, c: number) => {
      const cell = rows[r - 1]?.[c];
      return typeof cell === "object" && cell !== null && "value" in cell
        ? (cell.value as number)
        : (cell as number);
    };
    const g = rows[rows.length - 1] as Rows[number];
    [1, 2, 3].forEach((c) => {
      const cell = g[c] as { formula: string; value: number };
      cell.value = at(s1, c) + at(s2, c);
    });
    return { rows, subtotalRows };
  }

  const shapes: Shape[] = [
    { heading: true, label: "labelled", named: false },
    { heading: false, label: "labelled", named: false },
    { heading: true, label: "unlabelled", named: false },
    { heading: false, label: "unlabelled", named: false },
    { heading: true, label: "labelled", named: true },
    { heading: false, label: "labelled", named: true },
    { heading: true, label: "unlabelled", named: true },
    { heading: false, label: "unlabelled", named: true },
  ];
  it.each(shapes.flatMap((s) => [0, 1].map((w) => [s, w as 0 | 1] as const)))(
    "%j, wrong subtotal %i",
    (shape, wrong) => {
      const { rows, subtotalRows } = build(shape, wrong);
      expect(found(rows)).toEqual([`total-mismatch@B${subtotalRows[wrong] ?? 0}`]);
      const named = levels(rows).filter((l) => /^Total (transport|pay)/.test(l));
      expect(named).toEqual(
        shape.named ? ["Total transport costs:line", "Total pay award provision:line"] : [],
      );
    },
  );
});

describe("a long table", () => {
  it("reads every one of 120 'Total …' lines as a line, and finds the one wrong subtotal", () => {
    const rows: Rows = [["Service", "Budget", "Forecast", "Variance"]];
    let wrongAt = 0;
    for (let s = 0; s < 120; s++) {
      let budget = 0;
      let forecast = 0;
      for (let k = 0; k < 4; k++) {
        const b = 100 + ((s * 7 + k * 13) % 50);
        const fc = 90 + ((s * 11 + k * 3) % 70);
        budget += b;
        forecast += fc;
        rows.push([k === 2 ? `Total transport costs ${s}` : `Line ${s}.${k}`, b, fc, fc - b]);
      }
      if (s === 77) wrongAt = rows.length + 1;
      rows.push([`Total section ${s}`, budget + (s === 77 ? 5 : 0), forecast, forecast - budget]);
    }
    expect(found(rows)).toEqual([`total-mismatch@B${wrongAt}`]);
  });
});
