/** @jest-environment jsdom */
import { useState } from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { dateToSerial } from "../../src/core";
import { AsAtDate } from "../../src/taskpane/components/AsAtDate";

/** The parent as ResultsView uses it: every reported date becomes the new `asOf` (a re-check). */
function Harness({ start, rechecks }: { start: number; rechecks: number[] }) {
  const [asOf, setAsOf] = useState(start);
  return (
    <FluentProvider theme={webLightTheme}>
      <AsAtDate
        asOf={asOf}
        onChange={(serial) => {
          rechecks.push(serial);
          setAsOf(serial);
        }}
      />
    </FluentProvider>
  );
}

const field = () => screen.getByLabelText("Review dates judged as at") as HTMLInputElement;

describe("AsAtDate typed digit by digit", () => {
  it("re-checks only once the year is complete and keeps what was typed", () => {
    const start = dateToSerial(2026, 3, 31)!;
    const rechecks: number[] = [];
    render(<Harness start={start} rechecks={rechecks} />);
    for (const partial of ["0002-03-31", "0020-03-31", "0202-03-31"]) {
      fireEvent.change(field(), { target: { value: partial } });
      expect(field().value).toBe(partial);
      expect(rechecks).toEqual([]);
    }
    fireEvent.change(field(), { target: { value: "2025-03-31" } });
    expect(field().value).toBe("2025-03-31");
    expect(rechecks).toEqual([dateToSerial(2025, 3, 31)]);
  });

  it("does not report a cleared field", () => {
    const rechecks: number[] = [];
    render(<Harness start={dateToSerial(2026, 3, 31)!} rechecks={rechecks} />);
    fireEvent.change(field(), { target: { value: "" } });
    expect(field().value).toBe("");
    expect(rechecks).toEqual([]);
  });
});
