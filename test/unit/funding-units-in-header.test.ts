import { analyseWorkbook } from "../../src/core/analyse";
import { parseYearLabel } from "../../src/core/tables/years";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** A unit in a year header ("2025/26 £m") is the column's scale, never a funding source. */
describe("units beside a year in a funding header", () => {
  it.each([
    ["2025/26 £m", ""],
    ["2025/26 (£m)", ""],
    ["2025/26 £'000", ""],
    ["2025/26 (£000s)", ""],
    ["£k 2025/26", ""],
    ["Grant 2025/26 £m", "Grant"],
    ["SCR Grant £08/09", "SCR Grant"],
    ["S106 2025/26 £'000", "S106"],
  ])("%s leaves %j beside the year", (text, rest) => {
    expect(parseYearLabel(text)?.rest).toBe(rest);
  });

  it("a funding table headed '2025/26 £m' has year columns and no source named 'm'", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("Funding", [
          ["Scheme", "Lead", "2025/26 £m", "2026/27 £m", "Total £m"],
          ["Library", "A", 1.2, 0.5, 1.7],
          ["Depot", "B", 0.4, 0.6, 1.0],
          ["Total", null, 1.6, 1.1, 2.7],
        ]),
      ),
      { asOf: TODAY },
    );
    expect(a.tables).toEqual([
      expect.objectContaining({
        kind: "funding",
        columns: { label: "A", note: "B", "2025/26": "C", "2026/27": "D", total: "E" },
        years: ["2025/26", "2026/27"],
      }),
    ]);
    expect(a.tables[0]).not.toHaveProperty("sources");
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
