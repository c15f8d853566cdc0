/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OpenFile } from "../../src/taskpane/components/OpenFile";

describe("Open workbook…", () => {
  it("reads the same file again when it is chosen again (a browser fires no change for an unchanged input)", () => {
    const opened: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <OpenFile fileName={null} onOpen={(f) => opened.push(f.name)} onSample={() => undefined} />
      </FluentProvider>,
    );
    const input = screen.getByLabelText<HTMLInputElement>("Workbook file");
    // A browser keeps the chosen file's path as the input's value and fires no change when the
    // same file is chosen again; the pane must empty it after each choice.
    const values: string[] = [];
    Object.defineProperty(input, "value", {
      configurable: true,
      get: () => values.at(-1) ?? "C:\\fakepath\\bcp-risk-registers.xlsx",
      set: (v: string) => void values.push(v),
    });
    const file = new File(["x"], "bcp-risk-registers.xlsx");
    fireEvent.change(input, { target: { files: [file] } });
    expect(values).toEqual([""]);
    fireEvent.change(input, { target: { files: [file] } });
    expect(opened).toEqual(["bcp-risk-registers.xlsx", "bcp-risk-registers.xlsx"]);
  });
});
