/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import type { WritePlan } from "../../src/core/plan";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { App } from "../../src/taskpane/components/App";
import type { FileHost } from "../../src/taskpane/hosts/file-host";
import { sheet, workbook } from "../helpers/builders";

configure({ asyncUtilTimeout: 10_000 });

const REGISTER = workbook(
  sheet("How We Work", [
    ["Project Name", "How We Work"],
    [],
    ["Title", "Likelihood", "Impact", "Score"],
    ["Capacity", 2, 2, 4],
    ["Benefits", 2, 3, 6],
    ["Intervention", 2, 4, 8],
    [],
    ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
  ]),
);

describe("Add heat map sheet", () => {
  it("writes the chosen register's printable heat map through the host", async () => {
    const applied: WritePlan[] = [];
    let saved: Settings = DEFAULT_SETTINGS;
    let open: string | null = null;
    const host: FileHost = {
      kind: "file",
      fileName: () => open,
      open: (_bytes, name) => void (open = name),
      read: async () => REGISTER,
      apply: async ({ plan }) => {
        applied.push(plan);
        return { summary: "Written." };
      },
      select: async () => undefined,
      settings: { load: () => saved, save: async (s) => void (saved = s) },
    };
    render(<App host={host} theme={webLightTheme} />);
    const input = screen.getByLabelText("Workbook file");
    const file = Object.assign(new File(["x"], "risks.xlsx"), {
      arrayBuffer: async () => new ArrayBuffer(1),
    });
    fireEvent.change(input, { target: { files: [file] } });
    const tab = await screen.findByRole("tab", { name: "Heat map" });
    // The tab opens once the Check has found the register.
    await waitFor(() =>
      expect(tab.hasAttribute("disabled") || tab.getAttribute("aria-disabled") === "true").toBe(
        false,
      ),
    );
    fireEvent.click(tab);
    fireEvent.click(await screen.findByRole("button", { name: "Add heat map sheet" }));
    await waitFor(() => expect(applied).toHaveLength(1));
    const [op] = applied[0]?.operations ?? [];
    expect(op).toMatchObject({
      kind: "add-sheet",
      sheet: "Heat map - How We Work",
      role: "heat-map",
      print: { portrait: false, onePage: true },
    });
    // The pane says what was written: the sheet, not "Wrote 1 column".
    await screen.findByText("Added sheet 'Heat map - How We Work'.");
    expect(screen.queryByText(/Wrote \d+ column/)).toBeNull();
    expect(screen.getByRole("list", { name: "Sheets written" }).textContent).toMatch(
      /^Added sheet 'Heat map - How We Work': A1:[A-Z]+\d+$/,
    );
  });
});
