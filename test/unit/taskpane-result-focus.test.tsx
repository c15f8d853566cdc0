/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/components/App";
import type { ApplyRequest, Host } from "../../src/taskpane/hosts/host";
import { sheet, workbook } from "../helpers/builders";

const REGISTER = workbook(
  sheet("How We Work", [
    ["Title", "Likelihood", "Impact", "Score"],
    ["Capacity", 2, 2, 4],
    ["Benefits", 2, 3, 4],
    [],
    ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
  ]),
);

const SOURCES: CellValue[][] = [
  ["Funding source", "2024-25", "2025-26"],
  ["Better Care Fund", 500, 600],
  ["Public Health Grant", 300, 400],
];
const ALLOCATIONS: CellValue[][] = [
  ["Workstream", "BCF 2024-25", "PH Grant 2024-25", "BCF 2025-26", "PH Grant 2025-26"],
  ["Reablement", 300, 100, 600, 50],
  ["Carers", 200, 150, 0, 0],
];

/**
 * An Excel host whose workbook takes what is written to it (as the core previews a plan): the
 * snapshot read next holds what was written, so a second "Add Reconciliation sheet" sees the first one's sheet.
 */
function writableHost(start: WorkbookSnapshot) {
  let snapshot = start;
  const applied: ApplyRequest[] = [];
  const host: Host = {
    kind: "excel",
    fileName: () => null,
    read: async () => snapshot,
    apply: async (request) => {
      applied.push(request);
      snapshot = applyPlanToSnapshot(snapshot, request.plan, {
        valuesOnly: request.valuesOnly,
      });
      return { summary: "Written." };
    },
    select: async () => undefined,
    settings: { load: () => DEFAULT_SETTINGS, save: async () => undefined },
  };
  return { host, applied };
}

const wrap = (node: React.ReactNode) =>
  render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe("keyboard focus after the pane's work", () => {
  it("lands on the summary after Check, not on the page's body", async () => {
    wrap(<App host={writableHost(REGISTER).host} theme={webLightTheme} />);
    const check = screen.getByRole("button", { name: "Check" });
    check.focus();
    fireEvent.click(check);
    await screen.findByRole("button", { name: /Score is 4 but likelihood 2 × impact 3 = 6/ });
    const summary = screen.getByRole("status");
    expect(summary.textContent).toBe("1 table · 1 error · 0 warnings · 0 notes");
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it("lands on the message after Write, and Escape closes the preview", async () => {
    wrap(<App host={writableHost(REGISTER).host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("button", { name: /Score is 4/ });
    const write = screen.getByRole("button", { name: "Write calculated columns…" });
    write.focus();
    fireEvent.click(write);
    // The preview takes focus as it opens, so Escape reaches it; Escape closes it and focus
    // goes back to the button that opened it.
    const preview = screen.getByRole("region", { name: "Preview of Write" });
    expect(preview.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    expect(screen.queryByRole("region", { name: "Preview of Write" })).toBeNull();
    expect(document.activeElement).toBe(write);
    // Escape from a button inside the preview closes it too.
    fireEvent.click(write);
    const again = screen.getByRole("region", { name: "Preview of Write" });
    const writeNow = within(again).getByRole("button", { name: "Write now" });
    writeNow.focus();
    fireEvent.keyDown(writeNow, { key: "Escape" });
    expect(screen.queryByRole("region", { name: "Preview of Write" })).toBeNull();
    // Now write: the button goes with the preview; focus lands on what was written.
    fireEvent.click(write);
    const last = screen.getByRole("region", { name: "Preview of Write" });
    const button = within(last).getByRole("button", { name: "Write now" });
    button.focus();
    fireEvent.click(button);
    const message = await screen.findByText(/^Written\./);
    await waitFor(() => expect(document.activeElement).toBe(message.closest("[tabindex]")));
    expect(document.activeElement?.textContent).toMatch(/^Written\.Wrote 2 columns on 1 sheet;/);
  });
});

describe("adding the Reconciliation sheet twice", () => {
  it("says the sheet is already up to date, not that it wrote 0 columns", async () => {
    const { host, applied } = writableHost(
      workbook(sheet("Sources", SOURCES), sheet("Allocations", ALLOCATIONS)),
    );
    wrap(<App host={host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("status");
    fireEvent.click(screen.getByRole("tab", { name: "Reconcile" }));
    fireEvent.click(screen.getByRole("button", { name: "Add Reconciliation sheet" }));
    expect(
      (await screen.findByLabelText("What was written")).textContent?.startsWith(
        "Added sheet 'Reconciliation'",
      ),
    ).toBe(true);
    expect(applied.map((r) => r.plan.operations.map((o) => o.kind))).toEqual([["add-sheet"]]);

    fireEvent.click(screen.getByRole("button", { name: "Add Reconciliation sheet" }));
    await waitFor(() => expect(applied).toHaveLength(2));
    const notice = await screen.findByText(
      "The Reconciliation sheet is already up to date: nothing was written.",
    );
    // The second plan was empty: the host was asked to write nothing, and no count is shown.
    expect(applied.map((r) => r.plan.operations.length)).toEqual([1, 0]);
    expect(screen.queryByLabelText("What was written")).toBeNull();
    expect(screen.queryByText(/Wrote 0 columns/)).toBeNull();
    // And focus lands on the message, as after any write.
    await waitFor(() => expect(document.activeElement).toBe(notice.closest("[tabindex]")));
  });
});
