import { parseYearLabel } from "../../src/core/tables/years";

/** A date in a header is a point in time, not a financial year stated loosely. */
describe("dates in headers are not ambiguous years", () => {
  it.each(["Balance 1 April 2025", "Forecast balance 31 March 2026", "Position at 30 Sept 2025"])(
    "%s names no year",
    (header) => expect(parseYearLabel(header)).toBeNull(),
  );

  it("a bare year alone is still ambiguous", () => {
    expect(parseYearLabel("Grant 2025")?.label).toEqual({ kind: "ambiguous", text: "2025" });
  });
});
