import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A wide plan whose lines are headed by a word no list knows ("Intervention", "Theme"): the year
 * merged over "UKSPF | Council match | Total", a units row "£", headed sections each closed by
 * "Sub-total" (or "Total <section>") and a "Total" at the foot. Each subtotal adds its own
 * section, not everything above it: one wrong subtotal is the one finding, with the planted row
 * total.
 */
interface Variant {
  /** The word over the line names. */
  head: string;
  /** The label of each section's total, given the section's name. */
  subtotal: (section: string) => string;
  /** A units row ("£") under the source names. */
  units: boolean;
  /** A "Ref" column before the line names, numbering the lines only. */
  ref?: boolean;
}

const SECTIONS: [string, [string, number, number, number, number][]][] = [
  [
    "Communities and place",
    [
      ["Town centre events", 40000, 10000, 55000, 15000],
      ["Shop front grants", 60000, 20000, 80000, 20000],
      ["Heritage trail", 25000, 5000, 0, 0],
    ],
  ],
  [
    "Supporting local business",
    [
      ["Business support hub", 90000, 0, 110000, 10000],
      ["Start-up grants", 50000, 12000, 60000, 12000],
    ],
  ],
  [
    "People and skills",
    [
      ["Adult numeracy (Multiply)", 30000, 0, 35000, 0],
      ["Skills bootcamps", 45000, 15000, 50000, 15000],
    ],
  ],
];

/** The plan, its rows as typed; `C14` (Council match 2024/25, business) typed 2,000, not 12,000. */
function plan(v: Variant): { rows: Entry[][]; merges: string[]; top: number } {
  const rows: Entry[][] = [["UK Shared Prosperity Fund - Investment Plan"], []];
  rows.push([v.head, "2024/25", "2024/25", "2024/25", null, "2025/26", "2025/26", "2025/26"]);
  rows.push([v.head, "UKSPF", "Council match", "Total", null, "UKSPF", "Council match", "Total"]);
  if (v.units) rows.push([v.head, "£", "£", "£", null, "£", "£", "£"]);
  const top = rows.length;
  const grand = [0, 0, 0, 0];
  for (const [name, lines] of SECTIONS) {
    rows.push([name]);
    const sum = [0, 0, 0, 0];
    for (const [label, a, b, c, d] of lines) {
      [a, b, c, d].forEach((x, i) => (sum[i] = (sum[i] ?? 0) + x));
      // Shop front grants 2025/26: the row total typed 95,000 where 80,000 + 20,000 = 100,000.
      const total2 = label === "Shop front grants" ? 95000 : c + d;
      rows.push([label, a, b, a + b, null, c, d, total2]);
    }
    sum.forEach((x, i) => (grand[i] = (grand[i] ?? 0) + x));
    const [a, b, c, d] = sum as [number, number, number, number];
    const typedB = name === "Supporting local business" ? 2000 : b;
    rows.push([v.subtotal(name), a, typedB, a + b, null, c, d, c + d]);
  }
  rows.push([]);
  const [a, b, c, d] = grand as [number, number, number, number];
  rows.push(["Total", a, b, a + b, null, c, d, c + d]);
  const header = v.units ? 5 : 4;
  if (!v.ref) return { rows, merges: ["B3:D3", "F3:H3", `A3:A${header}`], top };
  // Lines numbered in a Ref column before their names; headings and totals unnumbered.
  let line = 0;
  const numbered = rows.map((row, r) => {
    if (r === 2 || r === 3 || (v.units && r === 4)) return ["Ref", ...row];
    const isLine = r >= top && typeof row[1] === "number" && !/total/i.test(String(row[0]));
    return [isLine ? `L${++line}` : null, ...row];
  });
  return { rows: numbered, merges: ["C3:E3", "G3:I3", `B3:B${header}`, `A3:A${header}`], top };
}

const VARIANTS: [string, Variant][] = [
  [
    "Intervention, Sub-total, units row",
    { head: "Intervention", subtotal: () => "Sub-total", units: true },
  ],
  [
    "Intervention, Total <section>, units row",
    { head: "Intervention", subtotal: (s) => `Total ${s.toLowerCase()}`, units: true },
  ],
  ["Theme, Subtotal, no units row", { head: "Theme", subtotal: () => "Subtotal", units: false }],
  [
    "Ref then Intervention, Sub-total, units row",
    { head: "Intervention", subtotal: () => "Sub-total", units: true, ref: true },
  ],
];

describe("a wide plan with unnamed line labels over sections closed by subtotals", () => {
  it.each(VARIANTS)("%s: exactly the wrong subtotal and the wrong row total", (_, v) => {
    const { rows, merges, top } = plan(v);
    const a = analyseWorkbook(workbook(sheet("UKSPF Plan", rows, { merges })), { asOf: TODAY });
    // Rows (1-based): the business section's subtotal and the Shop front grants line.
    const business = top + 1 + 3 + 1 + 1 + 2 + 1;
    const shopFront = top + 1 + 2;
    const unit = v.units ? " £" : "";
    const [total, match] = v.ref ? ["I", "D"] : ["H", "C"];
    expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      [
        "total-mismatch",
        `${total}${shopFront}`,
        `2025/26 Total${unit} is £95,000 but UKSPF + Council match = £100,000; the new Total all years column will add this figure as typed`,
      ],
      [
        "total-mismatch",
        `${match}${business}`,
        `2024/25 Council match${unit} is £2,000 but its lines (rows ${business - 2}–${business - 1}) sum to £12,000`,
      ],
    ]);
    const report = a.tables[0] as FundingTableReport;
    expect(report.sections).toEqual(SECTIONS.map(([name]) => name));
    expect(report.totalRows).toBe(4);
  });

  it("with the subtotal typed right, finds only the row total", () => {
    const { rows, merges } = plan(VARIANTS[0]![1]);
    const at = rows.findIndex((r) => r[2] === 2000);
    rows[at]![2] = 12000;
    const a = analyseWorkbook(workbook(sheet("UKSPF Plan", rows, { merges })), { asOf: TODAY });
    expect(a.findings.map((x) => `${x.code} ${x.cell}`)).toEqual(["total-mismatch H8"]);
  });
});
