/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { Finding } from "../../src/core/findings";
import { CellContext, rowCaption } from "../../src/taskpane/components/CellContext";
import { displayedValue } from "../../src/core/number-format-shown";
import { sheet } from "../helpers/builders";

/** 28 November 2025 counted in days from Excel's day 0 (30 December 1899), by the calendar. */
const REVIEW_SERIAL = (Date.UTC(2025, 10, 28) - Date.UTC(1899, 11, 30)) / 86_400_000;
const LONG = "Further flooding of the depot would stop gritting for the whole of the northern area";

const REGISTER = sheet("Risks", [
  ["Ref", "Risk", "Review date", "Budget", "Action"],
  [
    "SR01",
    "Flooding of the depot",
    { value: REVIEW_SERIAL, numberFormat: "dd/mm/yyyy" },
    { value: 200000, numberFormat: "£#,##0" },
    LONG,
  ],
]);

const FINDING: Finding = {
  severity: "warning",
  code: "review-overdue",
  sheet: "Risks",
  cell: "C2",
  message: "Review date 28/11/2025 has passed",
  table: "A1:E2",
};

describe("the cell-context grid in standalone mode", () => {
  it("shows dates and money as their number formats show them, and long text whole", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <CellContext sheet={REGISTER} finding={FINDING} onClose={() => undefined} />
      </FluentProvider>,
    );
    const grid = screen.getByRole("table");
    expect(within(grid).getByText("28/11/2025")).toBeTruthy();
    expect(within(grid).getByText("£200,000")).toBeTruthy();
    expect(within(grid).queryByText(String(REVIEW_SERIAL))).toBeNull();
    // The whole text is in the cell (it wraps) and in its title.
    const cell = within(grid).getByText(LONG);
    expect(cell.getAttribute("title")).toBe(`E2: ${LONG}`);
    // The row is named by its first text cells, from the table's left edge.
    expect(within(grid).getByText("Row 2 · SR01 · Flooding of the depot")).toBeTruthy();
  });

  it("formats numbers by decimals, grouping, percent and negative sections", () => {
    expect(displayedValue({ value: 1234.5, numberFormat: "#,##0.00" })).toBe("1,234.50");
    expect(displayedValue({ value: 0.125, numberFormat: "0.0%" })).toBe("12.5%");
    expect(displayedValue({ value: -5000, numberFormat: "£#,##0;(£#,##0)" })).toBe("(£5,000)");
    expect(displayedValue({ value: -5000, numberFormat: "£#,##0" })).toBe("-£5,000");
    expect(displayedValue({ value: 45989 })).toBe("45989");
    expect(displayedValue({ value: null, error: "#DIV/0!" })).toBe("#DIV/0!");
  });

  it("names a row with no text cells by its number alone", () => {
    const numbers = sheet("N", [[1, 2, 3]]);
    expect(rowCaption(numbers, 0, undefined)).toBe("Row 1");
  });
});
