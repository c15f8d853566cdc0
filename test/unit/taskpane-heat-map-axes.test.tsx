/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { analyseWorkbook } from "../../src/core/analyse";
import { planHeatMapSheet } from "../../src/core/risk/heat-map-sheet";
import { HeatMap, shortScaleLabel } from "../../src/taskpane/components/HeatMap";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** A word-scale register, its scale's words in drop-down lists beside it (as Ashby Vale's). */
const LIKELIHOOD = ["Likelihood", "1 - Rare", "2 - Unlikely", "3 - Possible", "4 - Almost certain"];
const IMPACT = ["Impact", "1 - Minor", "2 - Moderate", "3 - Serious", "4 - Catastrophic"];
const REGISTER = [
  ["Risk ID", "Risk", "Likelihood", "Impact", "Score", "RAG", null, "Key"],
  ["R1", "A", "3 - Possible", "3 - Serious", 9, "Red", null, "RAG: 1-3 Green, 4-6 Amber, 8-16 Red"],
  ["R2", "B", "2 - Unlikely", "2 - Moderate", 4, "Amber"],
  ["R3", "C", "4 - Almost certain", "4 - Catastrophic", 16, "Red"],
  ["R4", "D", "1 - Rare", "1 - Minor", 1, "Green"],
].map((row, r) => [...row, null, LIKELIHOOD[r]!, IMPACT[r]!]);

describe("the pane's heat map axes", () => {
  const snapshot = workbook(sheet("Risk Log", REGISTER));
  const ctx = analyseWorkbook(snapshot, { asOf: TODAY }).riskContexts[0]!;

  it("label each value with the scale's word, as the written heat-map sheet does", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <HeatMap sheet={snapshot.sheets[0]!} context={ctx} />
      </FluentProvider>,
    );
    const written = planHeatMapSheet(snapshot, ctx).cells.map((c) => String(c.value));
    for (const label of ["4 Almost certain", "1 Rare", "4 Catastrophic", "2 Moderate"]) {
      expect(written).toContain(label);
      // Row and column headers carry the whole label, cut words or not.
      const header = screen.getByRole(
        label.includes("Catastrophic") || label.includes("Moderate") ? "columnheader" : "rowheader",
        { name: label },
      );
      expect(header).toBeTruthy();
    }
    // A word too long for a fifth of a 320 px pane is cut on screen, whole in its title.
    expect(screen.getByTitle("4 Catastrophic").textContent).toContain("4 Catast.");
    expect(screen.getByText("Likelihood")).toBeTruthy();
    expect(screen.getByText("Impact")).toBeTruthy();
  });

  it("cuts only words longer than the column holds", () => {
    expect(shortScaleLabel("3 Likely")).toBe("3 Likely");
    expect(shortScaleLabel("5 Almost certain")).toBe("5 Almost certain");
    expect(shortScaleLabel("5 Catastrophic")).toBe("5 Catast.");
    // Seven letters fit a fifth of a 320 px pane; "Moderate" broke inside itself there.
    expect(shortScaleLabel("2 Moderate")).toBe("2 Modera.");
    expect(shortScaleLabel("4 Extreme")).toBe("4 Extreme");
  });
});
