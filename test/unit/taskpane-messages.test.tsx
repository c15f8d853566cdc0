/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { Messages } from "../../src/taskpane/components/Messages";
import { EMPTY } from "../../src/taskpane/work-state";

describe("the error message", () => {
  it("keeps its title apart from its body", () => {
    const error = "bad.xlsx is not an Excel workbook (.xlsx) but CSV or plain text";
    render(
      <FluentProvider theme={webLightTheme}>
        <Messages
          state={{ ...EMPTY, error }}
          onDismissError={() => undefined}
          onDismissNotice={() => undefined}
        />
      </FluentProvider>,
    );
    const title = screen.getByText("That did not work.");
    const body = screen.getByText(error);
    // Two elements, the title a block of its own, and a space between them in the text.
    expect(title.contains(body)).toBe(false);
    expect(getComputedStyle(title).display).toBe("block");
    expect(title.parentElement?.textContent).toBe(`That did not work. ${error}`);
  });
});
