/** @jest-environment jsdom */
import fc from "fast-check";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  DEFAULT_SETTINGS,
  fractionToPercent,
  percentToFraction,
  type Settings,
} from "../../src/core";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { SETTING_LIMITS } from "../helpers/setting-limits";

/** One rule set for the settings a person types (src/core/settings-fields.ts), in both shells. */

function pane(settings: Settings = DEFAULT_SETTINGS): Settings[] {
  const saved: Settings[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel settings={settings} onSave={(s) => saved.push(s)} where="here" />
    </FluentProvider>,
  );
  return saved;
}

/** The pane's input labelled `label`, found as a person would by its label. */
const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

/** The validation text the pane shows for the input: what its aria-describedby points at. */
function errorText(field: HTMLInputElement): string {
  const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

const save = () => fireEvent.click(screen.getByRole("button", { name: /Save settings/ }));

describe("a setting's limits, the same on the command line and in the task pane", () => {
  it.each(SETTING_LIMITS.filter((l) => l.label !== null))(
    "the pane refuses $bad in $label and takes $good",
    ({ label, bad, good, wants }) => {
      const saved = pane();
      const field = input(label as RegExp);
      fireEvent.change(field, { target: { value: bad } });
      expect(errorText(input(label as RegExp))).toContain(`Wants ${wants}.`);
      save();
      expect(saved).toHaveLength(0);
      fireEvent.change(input(label as RegExp), { target: { value: good } });
      expect(errorText(input(label as RegExp))).not.toContain("Wants");
      save();
      expect(saved).toHaveLength(1);
    },
  );
});

describe("the RAG percentage, typed in % and stored as a fraction", () => {
  it.each(["7", "29", "12.5"])("saved as %s, reopens as %s", (typed) => {
    const saved = pane();
    fireEvent.change(input(/RAG: red at/), { target: { value: typed } });
    save();
    expect(saved[0]?.rag.percent).toBe(Number(typed) / 100);
    document.body.innerHTML = "";
    pane(saved[0]);
    expect(input(/RAG: red at/).value).toBe(typed);
  });

  it("keeps the Amber band absent while its fields are blank, so settings saved before it read the same", () => {
    const saved = pane();
    save();
    expect(saved[0]?.rag).toEqual({ percent: 0.05, amount: 100_000 });
  });

  it("saves an Amber % and amount, and reopens them as typed", () => {
    const saved = pane();
    fireEvent.change(input(/RAG: amber at/), { target: { value: "2" } });
    fireEvent.change(input(/RAG: or amber at/), { target: { value: "£20k" } });
    save();
    expect(saved[0]?.rag).toEqual({
      percent: 0.05,
      amount: 100_000,
      amberPercent: 0.02,
      amberAmount: 20_000,
    });
    document.body.innerHTML = "";
    const again = pane(saved[0]);
    expect(input(/RAG: amber at/).value).toBe("2");
    expect(input(/RAG: or amber at/).value).toBe("20000");
    // Cleared again, the band is gone: any overspend short of Red is Amber.
    fireEvent.change(input(/RAG: amber at/), { target: { value: "" } });
    fireEvent.change(input(/RAG: or amber at/), { target: { value: " " } });
    save();
    expect(again[0]?.rag).toEqual({ percent: 0.05, amount: 100_000 });
  });

  it("any percentage of up to 8 decimal places survives the round trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 10 ** 8 }), (scaled) => {
        const percent = scaled / 10 ** 8;
        expect(fractionToPercent(percentToFraction(percent))).toBe(percent);
      }),
    );
  });
});

describe("a half-typed number in a RAG field", () => {
  it.each([
    [/RAG: red at/, "2e"],
    [/RAG: amber at/, "2e"],
    [/RAG: amber at/, "1e"],
    [/RAG: amber at/, "-"],
    [/RAG: amber at/, "e"],
    [/RAG: amber at/, "1,5"],
    [/RAG: or amber at/, "2e"],
    [/RAG: or amber at/, "-"],
  ])("%s refuses %s and keeps Save from saving", (label, typed) => {
    const saved = pane();
    fireEvent.change(input(label), { target: { value: typed } });
    expect(input(label).value).toBe(typed);
    expect(errorText(input(label))).toMatch(
      /Wants (a percentage from 0 to 100|an amount in pounds)/,
    );
    save();
    expect(saved).toHaveLength(0);
  });
});

describe("Amber starting above Red in the pane", () => {
  it.each([
    [/RAG: red at/, "5", /RAG: amber at/, "7"],
    [/RAG: or at/, "100000", /RAG: or amber at/, "£150,000"],
  ])("%s %s with %s %s is refused under the Amber field", (red, redValue, amber, amberValue) => {
    const saved = pane();
    fireEvent.change(input(red), { target: { value: redValue } });
    fireEvent.change(input(amber), { target: { value: amberValue } });
    expect(errorText(input(amber))).toContain("Amber must start below Red");
    save();
    expect(saved).toHaveLength(0);
    fireEvent.change(input(amber), { target: { value: "" } });
    expect(errorText(input(amber))).not.toContain("Amber must start below Red");
    save();
    expect(saved).toHaveLength(1);
  });
});
