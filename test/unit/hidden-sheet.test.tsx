/** @jest-environment jsdom */
import { configure, fireEvent, render, screen } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/components/App";
import type { FileHost } from "../../src/taskpane/hosts/file-host";
import { sheet, workbook } from "../helpers/builders";

configure({ asyncUtilTimeout: 10_000 });

const REGISTER = [
  ["Title", "Likelihood", "Impact", "Score"],
  ["Capacity", 2, 2, 4],
  ["Benefits", 2, 3, 4],
  [],
  ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
];

/** The states as the readers give them (hidden-sheet-read.test.ts). */
const SNAPSHOT = workbook(
  sheet("Shown", REGISTER),
  { ...sheet("Risks", REGISTER), visibility: "hidden" },
  { ...sheet("Macro only", REGISTER), visibility: "veryHidden" },
);

function fileHostOver(snapshot: WorkbookSnapshot): FileHost {
  let open: string | null = null;
  let saved: Settings = DEFAULT_SETTINGS;
  return {
    kind: "file",
    fileName: () => open,
    open: (_bytes, name) => void (open = name),
    read: async () => snapshot,
    apply: async () => ({ summary: "Written." }),
    select: async () => undefined,
    settings: { load: () => saved, save: async (s) => void (saved = s) },
  };
}

describe("a finding on a hidden sheet in standalone mode", () => {
  it("says the sheet is hidden, and how to show it, when its finding is chosen", async () => {
    render(<App host={fileHostOver(SNAPSHOT)} theme={webLightTheme} />);
    const input = screen.getByLabelText("Workbook file");
    const file = Object.assign(new File(["x"], "hidden.xlsx"), {
      arrayBuffer: async () => new ArrayBuffer(1),
    });
    fireEvent.change(input, { target: { files: [file] } });
    const groups = await screen.findAllByRole("button", { name: /D3\s*Score is 4/ });
    // One finding per sheet, in sheet order: Shown, Risks, Macro only.
    expect(groups).toHaveLength(3);
    fireEvent.click(groups[0]!);
    expect(screen.queryByRole("note")).toBeNull();
    fireEvent.click(groups[1]!);
    expect(screen.getByRole("note").textContent).toBe(
      '"Risks" is hidden. In Excel, unhide it (right-click a sheet tab > Unhide) to reach D3.',
    );
    fireEvent.click(groups[2]!);
    expect(screen.getByRole("note").textContent).toMatch(
      /^"Macro only" is very hidden: Excel's Unhide dialog does not list it/,
    );
  });
});
