/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme, FluentProvider } from "@fluentui/react-components";
import { analyseWorkbook } from "../../src/core/analyse";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/components/App";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import { HeatMap } from "../../src/taskpane/components/HeatMap";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { describeBands, heatMapCounts } from "../../src/core";
import { TablesList } from "../../src/taskpane/components/TablesList";
import type { ApplyRequest, Host } from "../../src/taskpane/hosts/host";
import { pickTheme } from "../../src/taskpane/theme";
import { sheet, TODAY, workbook } from "../helpers/builders";

const REGISTER = workbook(
  sheet("How We Work", [
    ["Project Name", "How We Work"],
    [],
    ["Title", "Likelihood", "Impact", "Score"],
    ["Capacity", 2, 2, 4],
    ["Benefits", 2, 3, 4],
    ["Intervention", 2, 4, 8],
    [],
    ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
  ]),
);

function fakeHost(snapshot: WorkbookSnapshot, overrides: Partial<Host> = {}) {
  let saved: Settings = DEFAULT_SETTINGS;
  const calls = { select: [] as string[], apply: [] as ApplyRequest[] };
  const host: Host = {
    kind: "excel",
    fileName: () => null,
    read: async () => snapshot,
    apply: async (request) => {
      calls.apply.push(request);
      return { summary: "Written." };
    },
    select: async (s, c) => void calls.select.push(`${s}!${c}`),
    settings: { load: () => saved, save: async (s) => void (saved = s) },
    ...overrides,
  };
  return { host, calls };
}

const wrap = (node: React.ReactNode) =>
  render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe("task pane components", () => {
  const analysis = analyseWorkbook(REGISTER, { asOf: TODAY });

  it("lists the tables found with their error counts", () => {
    wrap(<TablesList tables={analysis.tables} findings={analysis.findings} />);
    const list = screen.getByRole("list", { name: "Tables found" });
    expect(within(list).getByText("How We Work")).toBeTruthy();
    expect(within(list).getByText(/Risk register · A3:D6 · 3 rows/)).toBeTruthy();
    expect(within(list).getByText("1 error")).toBeTruthy();
  });

  it("groups findings and selects the cell when one is chosen", () => {
    const chosen: string[] = [];
    wrap(
      <FindingsList
        findings={analysis.findings}
        onSelect={(f) => chosen.push(`${f.sheet}!${f.cell}`)}
      />,
    );
    expect(screen.getByRole("heading", { name: "How We Work A3:D6 (1)" })).toBeTruthy();
    fireEvent.click(
      screen.getByRole("button", { name: /Score is 4 but likelihood 2 × impact 3 = 6/ }),
    );
    expect(chosen).toEqual(["How We Work!D5"]);
  });

  it("draws a heat map of counts coloured by the bands in force", () => {
    const ctx = analysis.riskContexts[0];
    if (!ctx) throw new Error("no register");
    const sheetSnapshot = REGISTER.sheets[0];
    if (!sheetSnapshot) throw new Error("no sheet");
    expect(heatMapCounts(sheetSnapshot, ctx)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 1, 1],
      [0, 0, 0, 0],
    ]);
    wrap(<HeatMap sheet={sheetSnapshot} context={ctx} />);
    const table = screen.getByRole("table", { name: /^Risk heat map for How We Work/ });
    const cell = within(table).getByRole("button", {
      name: /^1\s*H\s*, Likelihood 2 × impact 4 = 8 \(High\): 1 risk$/,
    });
    // The count, and the band's short label so colour is not the only cue.
    expect(cell.textContent?.slice(0, 2)).toBe("1H");
    expect(within(table).getByRole("rowheader", { name: "2" })).toBeTruthy();
    expect(within(table).getByText("Likelihood")).toBeTruthy();
    expect(within(table).getByText("Impact")).toBeTruthy();
    const key = screen.getByRole("list", { name: "Colour key" });
    expect(
      within(key)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["LLow: 1–2", "MMedium: 3–6", "HHigh: 8–16"]);
    // High is drawn red, with white text; Medium yellow with dark text.
    expect(cell.closest("td")?.style.background).toBe("rgb(197, 15, 31)");
    expect(cell.closest("td")?.style.color).toBe("rgb(255, 255, 255)");
    // Choosing a cell lists its risks by row and title.
    fireEvent.click(cell);
    const risks = screen.getByRole("region", { name: "Risks in the chosen cell" });
    expect(within(risks).getByRole("listitem").textContent).toBe("Row 6: Intervention");
    fireEvent.click(
      within(table).getByRole("button", { name: /^1\s*M\s*, .*impact 3 = 6 \(Medium\)/ }),
    );
    expect(within(risks).getByRole("listitem").textContent).toBe("Row 5: Benefits");
  });

  it("saves settings read the way a sheet's key is read (test/unit/settings-text.test.ts)", () => {
    const saved: Settings[] = [];
    wrap(
      <SettingsPanel
        settings={DEFAULT_SETTINGS}
        onSave={(s) => saved.push(s)}
        where="in this workbook"
      />,
    );
    const bands = screen.getByRole("textbox", { name: /Priority bands/ });
    // The box opens on the bands in force, written as `check` reports them.
    expect((bands as HTMLTextAreaElement).value).toBe(describeBands(DEFAULT_SETTINGS.bands));
    fireEvent.change(bands, { target: { value: "1-5 Low, 3-9 High" } });
    expect(
      (screen.getByRole("button", { name: /Save settings/ }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.change(bands, { target: { value: "1-2 Low, 3-6 Medium, 8-16 High" } });
    fireEvent.click(screen.getByRole("button", { name: /Save settings in this workbook/ }));
    expect(saved[0]).toEqual({
      ...DEFAULT_SETTINGS,
      bands: [
        { from: 1, to: 2, label: "Low" },
        { from: 3, to: 6, label: "Medium" },
        { from: 8, to: 16, label: "High" },
      ],
    });
  });

  it("reads amounts as the CLI reads --rag-amount and --key-threshold", () => {
    const saved: Settings[] = [];
    wrap(
      <SettingsPanel
        settings={DEFAULT_SETTINGS}
        onSave={(s) => saved.push(s)}
        where="in this workbook"
      />,
    );
    const save = () => screen.getByRole("button", { name: /Save settings/ }) as HTMLButtonElement;
    const amount = screen.getByRole("textbox", { name: /RAG: or at this overspend in £/ });
    const threshold = screen.getByRole("textbox", { name: /Key-decision threshold/ });
    fireEvent.change(amount, { target: { value: "−£5" } });
    expect(save().disabled).toBe(true);
    fireEvent.change(amount, { target: { value: "£250k" } });
    fireEvent.change(threshold, { target: { value: "£0.25m" } });
    fireEvent.click(save());
    expect(saved[0]?.rag.amount).toBe(250_000);
    expect(saved[0]?.decisions.keyDecisionThreshold).toBe(250_000);
  });

  it("follows the Office theme", () => {
    expect(pickTheme("#1f1f1f", false)).not.toBe(webLightTheme);
    expect(pickTheme("#ffffff", true)).toBe(webLightTheme);
  });
});

describe("the task pane app", () => {
  it("checks, selects a finding's cell, and writes with a backup", async () => {
    const { host, calls } = fakeHost(REGISTER);
    wrap(<App host={host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    const finding = await screen.findByRole("button", {
      name: /Score is 4 but likelihood 2 × impact 3 = 6/,
    });
    expect(screen.getByRole("status").textContent).toBe("1 table · 1 error · 0 warnings · 0 notes");
    fireEvent.click(finding);
    await waitFor(() => expect(calls.select).toEqual(["How We Work!D5"]));
    fireEvent.click(screen.getByRole("button", { name: "Write calculated columns…" }));
    // A preview first: the new Priority column and the score whose value changes.
    const preview = screen.getByRole("region", { name: "Preview of Write" });
    expect(
      within(within(preview).getByRole("list", { name: "Columns to write" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["How We Work: replace Score D4:D6; add Priority E3:E6"]);
    expect(
      within(preview).getByText(/^Write will write 2 columns on 1 sheet; 1 cell will show/),
    ).toBeTruthy();
    expect(
      within(within(preview).getByRole("list", { name: "Cells whose values change" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["How We Work!D5: 4 → 6"]);
    expect(calls.apply).toHaveLength(0);
    fireEvent.click(within(preview).getByRole("button", { name: "Write now" }));
    await screen.findByText(/^Written\./);
    expect(screen.getByLabelText("What was written").textContent).toMatch(
      /^Wrote 2 columns on 1 sheet; 1 cell now shows.*How We Work: replaced Score D4:D6; added Priority E3:E6/,
    );
    expect(calls.apply).toHaveLength(1);
    expect(calls.apply[0]).toMatchObject({ valuesOnly: false, backup: true });
    expect(
      calls.apply[0]?.plan.operations.map((o) => (o.kind === "column" ? o.title : o.kind)),
    ).toEqual(["Score", "Priority"]);
  });

  it("writes values without a backup when asked", async () => {
    const { host, calls } = fakeHost(REGISTER);
    wrap(<App host={host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("button", { name: /Score is 4/ });
    fireEvent.click(screen.getByRole("switch", { name: "As live formulas" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Back up sheets first" }));
    fireEvent.click(screen.getByRole("button", { name: "Write calculated columns…" }));
    fireEvent.click(screen.getByRole("button", { name: "Write now" }));
    await screen.findByText(/^Written\./);
    expect(calls.apply[0]).toMatchObject({ valuesOnly: true, backup: false });
  });

  it("shows a host error in a message bar that says what to do", async () => {
    const { host } = fakeHost(REGISTER, {
      read: async () => {
        throw new Error(
          "A sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again.",
        );
      },
    });
    wrap(<App host={host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByText(/Unprotect it/)).toBeTruthy();
    expect(screen.getByText("That did not work.")).toBeTruthy();
  });
});

describe("generating a PID from the task pane", () => {
  const WITH_PROJECTS = workbook(
    sheet("Projects", [
      ["Project Name", "SRO", "Lead Officer", "Programme"],
      ["How We Work", "Betty Butlin (Director of ASC)", "Tim Branson", "Fulfilled Lives"],
      ["Support at Home", "Zena Dighton", "Gemma Brooks", "Fulfilled Lives"],
    ]),
    ...REGISTER.sheets,
  );

  it("previews the chosen project's fields and generates its sheet", async () => {
    const { host, calls } = fakeHost(WITH_PROJECTS);
    wrap(<App host={host} theme={webLightTheme} />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("button", { name: /Score is 4/ });
    fireEvent.click(screen.getByRole("tab", { name: "PID" }));
    const preview = screen.getByLabelText("PID preview");
    expect(within(preview).getByText("Betty Butlin (Director of ASC)")).toBeTruthy();
    expect(within(preview).getByText("Risks").nextSibling?.textContent).toBe("3");
    fireEvent.click(screen.getByRole("button", { name: "Generate PID" }));
    await screen.findByText(/^Written\./);
    const op = calls.apply[0]?.plan.operations[0];
    expect(op?.kind === "add-sheet" && op.sheet).toBe("PID - How We Work");
  });
});
