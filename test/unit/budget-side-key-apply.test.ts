import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A budget table with its RAG rule kept as a small cell table one blank column to its right,
 * titled "RAG key" in the row above the table's header (the trial workbook
 * w23-umber-rule-key-title). New columns go into the table's own header row, and are inserted
 * beside the table so the blank column still parts it from the key: the next reading still sees
 * the key, and the rule it states, apart from the table.
 */
const analyse = (book: WorkbookSnapshot): Analysis => analyseWorkbook(book, { asOf: TODAY });
const apply = (book: WorkbookSnapshot) =>
  applyPlanToSnapshot(book, analyse(book).plan, { valuesOnly: false });
const columnWrites = (a: Analysis) =>
  a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
const text = (book: WorkbookSnapshot, row: number) =>
  (book.sheets[0]?.rows[row] ?? []).map((c) => (typeof c?.value === "string" ? c.value : null));

const keyTitled: Entry[][] = [
  ["Umber Council - Corporate services (£)"],
  [],
  [null, null, null, null, null, null, "RAG key"],
  ["Service", "Budget", "Forecast", "Variance Over/(Under)", "RAG", null, "Red", "> 10%"],
  ["HR", 500000, 530000, 30000, "Amber", null, "Amber", "2% to 10%"],
  ["Payroll", 200000, 204000, 4000, "Amber", null, "Green", "< 2%"],
  ["Finance", 900000, 905000, 5000, "Green"],
  ["Audit", 150000, 140000, -10000, "Green"],
  ["ICT", 1200000, 1290000, 90000, "Amber"],
];
const book = () => workbook(sheet("Budget", keyTitled));

describe("new budget columns beside a RAG key kept as a cell table", () => {
  it("are inserted at F, headed in the table's header row 4, not the key's title row", () => {
    const a = analyse(book());
    expect(a.findings).toEqual([]);
    expect(a.plan.operations.map((o) => [o.kind, "column" in o ? o.column : null])).toEqual([
      ["insert-columns", 5],
      ["column", 3],
      ["column", 5],
      ["column", 6],
      ["column", 4],
    ]);
    expect(columnWrites(a).map((o) => [o.title, o.header])).toEqual([
      ["Variance", null],
      ["Variance %", { row: 3, text: "Variance %" }],
      ["Status", { row: 3, text: "Status" }],
      ["RAG", null],
    ]);
    expect(columnWrites(a)[2]?.cells.map((c) => c.value)).toEqual([
      "Overspend",
      "Overspend",
      "Overspend",
      "Underspend",
      "Overspend",
    ]);
  });

  it("the applied sheet keeps the key apart, one blank column away, and its rule is still read", () => {
    const once = apply(book());
    expect(text(once, 2)).toEqual([null, null, null, null, null, null, null, null, "RAG key"]);
    expect(text(once, 3)).toEqual([
      "Service",
      "Budget",
      "Forecast",
      "Variance Over/(Under)",
      "RAG",
      "Variance %",
      "Status",
      null,
      "Red",
      "> 10%",
    ]);
    const reread = analyse(once);
    expect(reread.tables.map((t) => t.range)).toEqual(["A4:G9"]);
    expect(reread.findings).toEqual([]);
    // The key's rule is still the one read: ICT's overspend of 7.5% is Amber by the key (Red
    // over 10%), Red by the settings' (5% or £100,000); typed Red there is wrong by the key.
    const typed = structuredClone(once);
    const ict = typed.sheets[0]?.rows[8];
    if (ict) ict[4] = { value: "Red" };
    expect(analyse(typed).findings.map((x) => [x.cell, x.message])).toEqual([
      [
        "E9",
        "RAG is Red but an overspend of £90,000 on a budget of £1,200,000 is Amber: Red over 10% of budget, Amber at 2% of budget (the rule stated on the sheet at I4)",
      ],
    ]);
    // A second apply adds nothing.
    expect(reread.plan.operations.filter((o) => o.kind !== "column" || o.header !== null)).toEqual(
      [],
    );
  });

  it("with the key's colours typed in the header row itself (no title row) the same holds", () => {
    const rows = keyTitled.filter((_, k) => k !== 2);
    const once = apply(workbook(sheet("Budget", rows)));
    const reread = analyse(once);
    expect(reread.tables.map((t) => t.range)).toEqual(["A3:G8"]);
    expect(text(once, 2).slice(5)).toEqual(["Variance %", "Status", null, "Red", "> 10%"]);
    expect(reread.findings).toEqual([]);
  });
});
