import { writesText } from "../../src/cli/report";
import { displayedValue } from "../../src/core/number-format-shown";
import type { ColumnWrite, WritePlan } from "../../src/core/plan";
import { changeRecord, describePlan } from "../../src/core/plan-changes";
import type { Cell } from "../../src/core/snapshot";
import { summarisePlan } from "../../src/taskpane/write-summary";
import { sheet, workbook } from "../helpers/builders";

/**
 * The change lists people read (the CLI's `apply` report, the pane's Write preview) show each
 * value as Excel shows the cell: through its number format, and under General as Excel's General
 * (at most 11 characters, so float noise never shows). Expected texts follow Microsoft's "Review
 * guidelines for customizing a number format": "£#,##0.00" groups thousands and shows pence,
 * "0%" multiplies by 100, a second section shows negatives as written (in brackets).
 */
const typed: Cell[] = [
  { value: 61000, numberFormat: "£#,##0.00" },
  { value: 0.25, numberFormat: "0%" },
  { value: 280, numberFormat: "#,##0;(#,##0);-" },
  { value: 0.1 },
  { value: 12 },
];
const computed = [61731.456, 0.1 + 0.2, -280, 0.1 + 0.2, 12];

function plan(numberFormat?: string): WritePlan {
  const write: ColumnWrite = {
    kind: "column",
    sheet: "Budget",
    table: "A1:A6",
    column: 0,
    title: "Variance",
    header: null,
    cells: computed.map((value, k) => ({ row: k + 1, formula: `=C${k + 2}-B${k + 2}`, value })),
    ...(numberFormat ? { numberFormat } : {}),
  };
  return { operations: [write] };
}

const snapshot = workbook(sheet("Budget", [["Variance"], ...typed.map((c) => [c])]));

describe("the change lists people read", () => {
  it("show each value as the cell's number format displays it", () => {
    const { changed, written } = describePlan(snapshot, plan(), { valuesOnly: false });
    expect(writesText("out.xlsx", written, changed)).toEqual([
      "Wrote 1 column range to out.xlsx",
      "  Budget!A2:A6  Variance",
      "4 cells now show a different value",
      "  Budget!A2  £61,000.00 -> £61,731.46  =C2-B2",
      "  Budget!A3  25% -> 30%  =C3-B3",
      "  Budget!A4  280 -> (280)  =C4-B4",
      "  Budget!A5  0.1 -> 0.3  =C5-B5",
      "1 typed value replaced by a formula giving the same value",
    ]);
  });

  it("read the written column's own number format where the plan sets one", () => {
    const { changed } = describePlan(snapshot, plan("#,##0.0"), { valuesOnly: false });
    expect(changed[0]?.shown).toEqual({ before: "£61,000.00", after: "61,731.5" });
  });

  it("are the same texts in the pane's Write preview, in its first rows and in Show all", () => {
    const summary = summarisePlan(snapshot, plan(), false);
    const expected = [
      { sheet: "Budget", cell: "A2", before: "£61,000.00", after: "£61,731.46" },
      { sheet: "Budget", cell: "A3", before: "25%", after: "30%" },
      { sheet: "Budget", cell: "A4", before: "280", after: "(280)" },
      { sheet: "Budget", cell: "A5", before: "0.1", after: "0.3" },
    ];
    expect(summary.changes).toEqual(expected);
    expect(JSON.parse(summary.allChanges)).toEqual(
      expected.map((r) => [r.sheet, r.cell, r.before, r.after]),
    );
  });

  it("leave --json's machine values as they were: the figures, no display text", () => {
    const { changed } = describePlan(snapshot, plan(), { valuesOnly: false });
    const record = changeRecord(changed[0] ?? fail("no change"));
    expect(record).toEqual({
      sheet: "Budget",
      cell: "A2",
      before: 61000,
      after: "=C2-B2",
      afterValue: 61731.456,
      valueChanged: true,
    });
  });
});

describe("displayedValue", () => {
  it("shows Excel's formats: accounting, scaled thousands, bracketed currency, zero sections", () => {
    const accounting = '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-';
    expect(displayedValue({ value: 12500, numberFormat: accounting })).toBe("12,500");
    expect(displayedValue({ value: -12500, numberFormat: accounting })).toBe("-12,500");
    expect(displayedValue({ value: 0, numberFormat: accounting })).toBe("-");
    expect(displayedValue({ value: 1234567, numberFormat: '#,##0,"k"' })).toBe("1,235k");
    expect(displayedValue({ value: 61731.456, numberFormat: "[$£-809]#,##0.00" })).toBe(
      "£61,731.46",
    );
    expect(displayedValue({ value: 5, numberFormat: "000" })).toBe("005");
    // Excel rounds the decimal typed, half away from zero: 1.005 shows 1.01, 0.045 as 5%.
    expect(displayedValue({ value: 1.005, numberFormat: "0.00" })).toBe("1.01");
    expect(displayedValue({ value: 0.045, numberFormat: "0%" })).toBe("5%");
  });

  it("shows General as Excel does: 11 characters at the most, scientific from 1E+11", () => {
    expect(displayedValue({ value: 1 / 3 })).toBe("0.333333333");
    expect(displayedValue({ value: 61731.456 })).toBe("61731.456");
    expect(displayedValue({ value: 123456789012 })).toBe("1.23457E+11");
    expect(displayedValue({ value: -0.5, numberFormat: "General" })).toBe("-0.5");
  });
});
