/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { CHANGES_PAGE, WriteSummaryView } from "../../src/taskpane/components/WritePreview";
import {
  type ChangeRow,
  LISTED_CHANGES,
  type WriteSummary,
} from "../../src/taskpane/write-summary";

/** A summary of `n` changed cells, Score column D rows 2 onwards, each from 1 to 2. */
function summaryOf(n: number): WriteSummary {
  const changes: ChangeRow[] = Array.from({ length: n }, (_, i) => ({
    sheet: "Risks",
    cell: `D${i + 2}`,
    before: "1",
    after: "2",
  }));
  return {
    columns: [{ sheet: "Risks", range: `D2:D${n + 1}`, column: "Score", isNew: false }],
    sheets: [],
    changes: changes.slice(0, LISTED_CHANGES),
    changeCount: n,
    allChanges: JSON.stringify(changes.map((c) => [c.sheet, c.cell, c.before, c.after])),
    madeLive: 0,
  };
}

const items = () =>
  within(screen.getByRole("list", { name: "Cells whose values change" })).getAllByRole("listitem");

describe("the Write preview's list of changed cells", () => {
  it("grows a page at a time to the last change, with counts grouped in thousands", () => {
    const n = LISTED_CHANGES + CHANGES_PAGE + 38;
    render(
      <FluentProvider theme={webLightTheme}>
        <WriteSummaryView summary={summaryOf(n)} done={false} />
      </FluentProvider>,
    );
    expect(items()).toHaveLength(LISTED_CHANGES + 1);
    expect(screen.getByText(`and ${n - LISTED_CHANGES} more`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: `Show ${CHANGES_PAGE} more` }));
    expect(items()).toHaveLength(LISTED_CHANGES + CHANGES_PAGE + 1);
    fireEvent.click(screen.getByRole("button", { name: "Show 38 more" }));
    expect(items()).toHaveLength(n);
    expect(items().at(-1)?.textContent).toBe(`Risks!D${n + 1}: 1 → 2`);
    expect(screen.queryByRole("button", { name: /Show/ })).toBeNull();
  });

  it("offers pages, not one list of everything, for 100,000 changes", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WriteSummaryView summary={summaryOf(100_000)} done={false} />
      </FluentProvider>,
    );
    expect(screen.getByText(`and ${(100_000 - LISTED_CHANGES).toLocaleString("en-GB")} more`));
    expect(screen.queryByRole("button", { name: /Show all/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: `Show ${CHANGES_PAGE} more` }));
    expect(items()).toHaveLength(LISTED_CHANGES + CHANGES_PAGE + 1);
    // At most a page more per click: the page never draws 100,000 rows at once.
    expect(
      screen.getByText(
        `and ${(100_000 - LISTED_CHANGES - CHANGES_PAGE).toLocaleString("en-GB")} more`,
      ),
    );
  });
});
