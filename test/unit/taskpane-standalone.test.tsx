/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/components/App";
import type { FileHost } from "../../src/taskpane/hosts/file-host";
import { codeLabel } from "../../src/taskpane/finding-help";
import { sheet, workbook } from "../helpers/builders";

// The first render of Fluent in jsdom takes over a second on a busy machine: wait longer than
// Testing Library's default second before calling a result missing.
configure({ asyncUtilTimeout: 10_000 });

const REGISTER = workbook(
  sheet("How We Work", [
    ["Project Name", "How We Work"],
    [],
    ["Title", "Likelihood", "Impact", "Score", "Review date"],
    ["Capacity", 2, 2, 4, 40000],
    ["Benefits", 2, 3, 4, 60000],
    ["Intervention", 2, 4, 8, 60000],
    [],
    ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
  ]),
);

/**
 * A file host over snapshots instead of .xlsx bytes: each "file" opened is looked up by name, and
 * a name not in `files` fails to read as a corrupt file does.
 */
function fakeFileHost(files: Record<string, WorkbookSnapshot>) {
  let open: string | null = null;
  let saved: Settings = DEFAULT_SETTINGS;
  const host: FileHost = {
    kind: "file",
    fileName: () => open,
    open: (_bytes, name) => void (open = name),
    read: async () => {
      const found = open === null ? undefined : files[open];
      if (!found) throw new Error(`${open} is not an .xlsx workbook Council Sheets can read.`);
      return found;
    },
    apply: async () => ({ summary: "Written." }),
    select: async () => undefined,
    settings: { load: () => saved, save: async (s) => void (saved = s) },
  };
  return host;
}

function chooseFile(name: string) {
  const input = screen.getByLabelText("Workbook file");
  // jsdom's File has no arrayBuffer(); browsers' does.
  const file = Object.assign(new File(["x"], name), {
    arrayBuffer: async () => new ArrayBuffer(1),
  });
  fireEvent.change(input, { target: { files: [file] } });
}

describe("the standalone task pane", () => {
  it("shows a chosen finding's cell among its neighbours, its row highlighted", async () => {
    render(<App host={fakeFileHost({ "risks.xlsx": REGISTER })} theme={webLightTheme} />);
    chooseFile("risks.xlsx");
    const finding = await screen.findByRole("button", { name: /D5\s*Score is 4/ });
    fireEvent.click(finding);
    const context = screen.getByRole("region", { name: "Cell D5 on How We Work" });
    const grid = within(context).getByRole("table");
    expect(
      within(grid)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["B", "C", "D", "E", "F"]);
    expect(
      within(grid)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["3", "4", "5", "6", "7"]);
    const target = grid.querySelector('[aria-current="true"]');
    expect(target?.textContent).toBe("4");
    expect(target?.closest("tr")?.textContent).toBe("523460000");
    // Its help line says why it matters and how to fix it.
    expect(screen.getByText(/Why it matters: A wrong score/)).toBeTruthy();
    fireEvent.click(within(context).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: /^Cell D5/ })).toBeNull();
  });

  it("clears the previous file's results when the next file fails to open", async () => {
    render(<App host={fakeFileHost({ "risks.xlsx": REGISTER })} theme={webLightTheme} />);
    // Before any file is open, Check says what it needs rather than doing nothing.
    const check = screen.getByRole("button", { name: "Check" });
    expect(check.getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(check.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Open a workbook first, then choose Check.",
    );
    chooseFile("risks.xlsx");
    await screen.findByRole("button", { name: /Score is 4/ });
    expect(screen.getByText("Open: risks.xlsx")).toBeTruthy();
    chooseFile("broken.xlsx");
    await screen.findByText(/broken.xlsx is not an .xlsx workbook/);
    // The failed file is named as not opened, never as the open one.
    expect(screen.getByText("Not opened: broken.xlsx. Choose another file.")).toBeTruthy();
    expect(screen.queryByText(/^Open: /)).toBeNull();
    expect(screen.queryByRole("button", { name: /Score is 4/ })).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByText("Nothing to fix.")).toBeNull();
    // Check and Write are disabled (still focusable) and say why, as their description.
    for (const name of ["Check", "Write calculated columns…"]) {
      const button = screen.getByRole("button", { name });
      expect(button.getAttribute("aria-disabled")).toBe("true");
      const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
      expect(reason?.textContent).toBe(
        "Nothing to check or write: broken.xlsx could not be opened. Open another workbook.",
      );
    }
    // The message can be dismissed; opening a good file again brings its results back.
    fireEvent.click(screen.getByRole("button", { name: "Dismiss the error" }));
    expect(screen.queryByText(/is not an .xlsx workbook/)).toBeNull();
    chooseFile("risks.xlsx");
    await screen.findByRole("button", { name: /Score is 4/ });
    expect(screen.getByText("Open: risks.xlsx")).toBeTruthy();
    expect(screen.queryByText(/Not opened/)).toBeNull();
  });

  it("filters findings by severity and by code", async () => {
    render(<App host={fakeFileHost({ "risks.xlsx": REGISTER })} theme={webLightTheme} />);
    chooseFile("risks.xlsx");
    await screen.findByRole("button", { name: /Score is 4/ });
    const overdue = () => screen.queryByRole("button", { name: /review/i });
    expect(overdue()).toBeTruthy();
    const warnings = screen.getByRole("button", { name: "Warnings (1)" });
    // Pressed, it says so besides its colour: aria-pressed, and a check mark before its name.
    expect([warnings.getAttribute("aria-pressed"), warnings.textContent]).toEqual([
      "true",
      "✓\u00a0Warnings (1)",
    ]);
    fireEvent.click(warnings);
    expect([warnings.getAttribute("aria-pressed"), warnings.textContent]).toEqual([
      "false",
      "Warnings (1)",
    ]);
    expect(overdue()).toBeNull();
    expect(screen.getByText("1 of 2 findings shown")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Warnings (1)" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Finding code" }));
    // Codes are offered in words (the code itself only as secondary text).
    expect(screen.queryByRole("option", { name: "review-overdue" })).toBeNull();
    fireEvent.click(screen.getByRole("option", { name: codeLabel("review-overdue") }));
    expect(screen.getByRole("combobox", { name: "Finding code" }).textContent).toBe(
      codeLabel("review-overdue"),
    );
    expect(overdue()).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Score is 4/ })).toBeNull();
  });

  it("judges review dates as at the day the officer sets", async () => {
    render(<App host={fakeFileHost({ "risks.xlsx": REGISTER })} theme={webLightTheme} />);
    chooseFile("risks.xlsx");
    await screen.findByRole("button", { name: /Score is 4/ });
    const status = () => screen.getByRole("status").textContent;
    // Serial 40000 is 6 July 2009; 60000 is 8 April 2064.
    expect(status()).toMatch(/1 warning/);
    fireEvent.change(screen.getByLabelText("Review dates judged as at"), {
      target: { value: "2009-01-01" },
    });
    await waitFor(() => expect(status()).toMatch(/0 warnings/));
    fireEvent.change(screen.getByLabelText("Review dates judged as at"), {
      target: { value: "2070-01-01" },
    });
    await waitFor(() => expect(status()).toMatch(/3 warnings/));
    // The messages say the date set, not "today".
    expect(
      screen.getAllByText(/^Review date 08\/04\/2064 has passed \(as at 01\/01\/2070\)$/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/today is/)).toBeNull();
  });
});

describe("the views' tab list", () => {
  it("moves between enabled tabs with the arrow keys, Home and End, skipping disabled ones", async () => {
    render(<App host={fakeFileHost({ "risks.xlsx": REGISTER })} theme={webLightTheme} />);
    chooseFile("risks.xlsx");
    await screen.findByRole("button", { name: /Score is 4/ });
    const tabs = within(screen.getByRole("tablist", { name: "Views" }));
    const selected = () =>
      tabs
        .getAllByRole("tab")
        .filter((t) => t.getAttribute("aria-selected") === "true")
        .map((t) => t.textContent);
    expect(selected()).toEqual(["Check results"]);
    // One tab stop: only the selected tab is in the tab order.
    expect(tabs.getAllByRole("tab").map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Check results" }), { key: "ArrowRight" });
    expect(selected()).toEqual(["Heat map"]);
    expect(document.activeElement?.textContent).toBe("Heat map");
    // Reconcile and PID are disabled for a workbook without funding or projects.
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Heat map" }), { key: "ArrowRight" });
    expect(selected()).toEqual(["Add decision"]);
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Add decision" }), { key: "ArrowRight" });
    expect(selected()).toEqual(["Settings"]);
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Settings" }), { key: "ArrowRight" });
    expect(selected()).toEqual(["Check results"]);
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Check results" }), { key: "End" });
    expect(selected()).toEqual(["Settings"]);
    fireEvent.keyDown(tabs.getByRole("tab", { name: "Settings" }), { key: "Home" });
    expect(selected()).toEqual(["Check results"]);
  });
});
