/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { ColumnWrite } from "../../src/core/plan";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { AddDecision } from "../../src/taskpane/components/AddDecision";
import type { ApplyRequest, Host } from "../../src/taskpane/hosts/host";
import { decisionsWorkbook } from "../helpers/decisions-workbook";

const SEEDS = `${__dirname}/../../../shared/seeds`;
const seed = (name: string) => readFileSync(`${SEEDS}/${name}`, "utf8");

function fakeHost(snapshot: WorkbookSnapshot) {
  const applied: ApplyRequest[] = [];
  const host: Host = {
    kind: "excel",
    fileName: () => null,
    read: async () => snapshot,
    apply: async (request) => {
      applied.push(request);
      return { summary: "Written." };
    },
    select: async () => undefined,
    settings: { load: () => DEFAULT_SETTINGS, save: async () => undefined },
  };
  return { host, applied };
}

function paste(text: string) {
  fireEvent.change(screen.getByRole("textbox", { name: /Decision record/ }), {
    target: { value: text },
  });
}

const wrap = (node: React.ReactNode) =>
  render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

const field = (label: string) =>
  (screen.getByRole("textbox", { name: new RegExp(`^${label}`) }) as HTMLInputElement).value;

describe("Add decision (task pane)", () => {
  test("pasting the Doncaster record shows its fields with their sentences, and updates its register row", async () => {
    const { host, applied } = fakeHost(decisionsWorkbook());
    const added: string[] = [];
    wrap(<AddDecision host={host} onAdded={(s) => added.push(s)} />);
    paste(seed("000_27967092dd3fa8cc.txt"));
    expect(field("Decision reference")).toBe("AHWB.012.2021");
    expect(field("Decision maker")).toBe("Director of Adults, Health and Well-Being");
    expect(field("Date of decision")).toBe("30/03/2021");
    expect(field("Publication date")).toBe("29/07/2021");
    expect(field("Period start")).toBe("01/04/2021");
    expect(field("Amount approved")).toBe("£97,710");
    expect(screen.getByText(/Key decision: No · Subject to call-in: No/)).toBeTruthy();
    expect(screen.getByText(/From: “Decision Maker: Director of Adults/)).toBeTruthy();
    expect(screen.getByText(/£3m \(context\), £0.7m \(context\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add to decisions register" }));
    // The register keeps no Funding source or Source file: the pane says so before writing.
    await waitFor(() =>
      expect(
        screen.getByText(/The decisions register has no column for Funding source, Source file/),
      ).toBeTruthy(),
    );
    expect(applied).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Add without them" }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toBe('Updated AHWB.012.2021 on "Decisions", row 4.');
    const ops = applied[0]?.plan.operations as ColumnWrite[];
    expect(new Set(ops.map((o) => `${o.sheet}:${o.cells.map((c) => c.row).join()}`))).toEqual(
      new Set(["Decisions:3"]),
    );
  });

  test("a record with no reference can be given one before it is added as a new row", async () => {
    const { host, applied } = fakeHost(decisionsWorkbook());
    wrap(<AddDecision host={host} />);
    paste(seed("001_f88c53d8f01fb2f7.txt"));
    expect(field("Decision reference")).toBe("");
    expect(field("Amount approved")).toBe("£18,116,521");
    expect(field("Effective from")).toBe("18/11/2023");
    fireEvent.change(screen.getByRole("textbox", { name: /^Decision reference/ }), {
      target: { value: "BNES-E3502" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add to decisions register" }));
    fireEvent.click(await screen.findByRole("button", { name: /^Add without/ }));
    await waitFor(() =>
      expect(screen.getByText(/Added BNES-E3502 on "Decisions", row 9/)).toBeTruthy(),
    );
    const ops = applied[0]?.plan.operations as ColumnWrite[];
    const reference = ops.find((o) => o.column === 0);
    expect(reference?.cells).toEqual([{ row: 8, formula: null, value: "BNES-E3502" }]);
    // Key decision / call-in are stated in the record: written as Yes/No.
    expect(ops.find((o) => o.column === 4)?.cells[0]?.value).toBe("Yes");
  });

  test("minutes with savings targets: no amount approved, and the pane says why", () => {
    const { host } = fakeHost(decisionsWorkbook());
    wrap(<AddDecision host={host} />);
    paste(seed("002_3de8d25dc0189705.txt"));
    expect(field("Amount approved")).toBe("");
    expect(screen.getByText(/No amount approved: the record states savings/)).toBeTruthy();
    expect(field("Period start")).toBe("01/04/2023");
    expect(field("Period end")).toBe("31/03/2024");
  });

  test("a fault while writing is shown, not thrown", async () => {
    const { host } = fakeHost(decisionsWorkbook());
    host.apply = async () => {
      throw new Error("The sheet is protected");
    };
    wrap(<AddDecision host={host} />);
    paste(seed("000_27967092dd3fa8cc.txt"));
    fireEvent.click(screen.getByRole("button", { name: "Add to decisions register" }));
    fireEvent.click(await screen.findByRole("button", { name: /^Add without/ }));
    await waitFor(() => expect(screen.getByText("The sheet is protected")).toBeTruthy());
  });

  test("a date or amount that does not parse blocks the Add with a message at the field", async () => {
    const { host, applied } = fakeHost(decisionsWorkbook());
    wrap(<AddDecision host={host} />);
    paste(seed("000_27967092dd3fa8cc.txt"));
    const add = () =>
      screen.getByRole("button", { name: "Add to decisions register" }) as HTMLButtonElement;
    fireEvent.change(screen.getByRole("textbox", { name: /^Date of decision/ }), {
      target: { value: "31/02/2021" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /^Amount approved/ }), {
      target: { value: "ninety thousand" },
    });
    expect(
      screen.getByText('"31/02/2021" is not a date: type it as dd/mm/yyyy, or clear the field'),
    ).toBeTruthy();
    expect(screen.getByText(/"ninety thousand" is not an amount of money/)).toBeTruthy();
    // Kept as typed, not blanked.
    expect(field("Date of decision")).toBe("31/02/2021");
    expect(add().disabled).toBe(true);
    fireEvent.click(add());
    expect(applied).toHaveLength(0);
    // Corrected, and a cleared amount (the officer's choice), the Add is open again.
    fireEvent.change(screen.getByRole("textbox", { name: /^Date of decision/ }), {
      target: { value: "30/03/2021" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /^Amount approved/ }), {
      target: { value: "" },
    });
    expect(screen.queryByText(/is not a date|is not an amount/)).toBeNull();
    expect(add().disabled).toBe(false);
  });

  test("a register with a column for every stated field is written at once, with no warning", async () => {
    const { host, applied } = fakeHost(decisionsWorkbook());
    // An empty workbook: the pane starts a Decisions sheet with every column.
    host.read = async () => ({ ...decisionsWorkbook(), sheets: [] });
    wrap(<AddDecision host={host} />);
    paste(seed("000_27967092dd3fa8cc.txt"));
    fireEvent.click(screen.getByRole("button", { name: "Add to decisions register" }));
    await waitFor(() => expect(applied).toHaveLength(1));
    expect(screen.queryByText(/has no column for/)).toBeNull();
  });
});

describe("Add decision with minutes of several items", () => {
  const minutes = readFileSync(
    `${__dirname}/../fixtures/decision-records/cabinet-minutes-several-items.txt`,
    "utf8",
  );

  test("the pane lists the items that resolve something and shows the one picked", () => {
    const { host } = fakeHost(decisionsWorkbook());
    wrap(<AddDecision host={host} />);
    paste(minutes);
    const picker = screen.getByRole("combobox", { name: /Decisions in these minutes \(3\)/ });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "KD.2024.21 · Town Hall Roof Replacement · Resolved",
      "KD.2024.22 · Community Safety Fund · Deferred",
      "Revenue Budget Monitoring Quarter 1 · Resolved",
    ]);
    expect(field("Decision reference")).toBe("KD.2024.21");
    fireEvent.change(picker, { target: { value: "1" } });
    expect(field("Decision reference")).toBe("KD.2024.22");
    expect(field("Status")).toBe("Deferred");
  });

  test("Add all adds every item as a row of its own", async () => {
    const { host, applied } = fakeHost(decisionsWorkbook());
    const added: string[] = [];
    wrap(<AddDecision host={host} onAdded={(s) => added.push(s)} />);
    paste(minutes);
    fireEvent.click(screen.getByRole("button", { name: "Add all 3 decisions as read" }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toMatch(/^Added or updated 3 decisions on "Decisions": KD\.2024\.21 \(added/);
    const rows = (applied[0]?.plan.operations as ColumnWrite[]).flatMap((o) =>
      o.cells.map((c) => c.row),
    );
    expect(new Set(rows).size).toBe(3);
  });
});
