/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { Finding } from "../../src/core/findings";
import { FindingsList } from "../../src/taskpane/components/FindingsList";

const at = (severity: Finding["severity"], cell: string, table: string): Finding => ({
  severity,
  code: severity === "error" ? "score-mismatch" : "review-overdue",
  sheet: "Risks",
  cell,
  message: `${severity} at ${cell}`,
  table,
});

describe("the findings export", () => {
  it("takes the findings in the order the list shows them, and the filters in words", () => {
    // Sheet order puts the warning first; the list shows each table's errors first.
    const findings = [
      at("warning", "E3", "A1:F9"),
      at("error", "D4", "A1:F9"),
      at("warning", "C20", "A15:F30"),
    ];
    let exported: readonly Finding[] = [];
    let filter = "";
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList
          findings={findings}
          onSelect={() => undefined}
          actions={(shown, words) => {
            exported = shown;
            filter = words;
            return null;
          }}
        />
      </FluentProvider>,
    );
    const listed = screen
      .getAllByRole("list")
      .flatMap((l) => within(l).queryAllByText(/ at [A-Z]+\d+$/))
      .map((e) => e.textContent?.replace(/^.* at /, ""));
    expect(exported.map((f) => f.cell)).toEqual(listed);
    expect(exported.map((f) => f.cell)).toEqual(["D4", "E3", "C20"]);
    expect(filter).toBe("All severities; all codes");
  });
});
