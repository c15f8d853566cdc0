import { exportLabel } from "../../src/taskpane/components/ExportFindings";
import { progressLabel } from "../../src/taskpane/work-state";
import { plural } from "../../src/taskpane/counts";

describe("counts in the pane", () => {
  it("are grouped in thousands the en-GB way", () => {
    expect(plural(100000, "warning")).toBe("100,000 warnings");
    expect(plural(1, "table")).toBe("1 table");
    expect(exportLabel(100101, "CSV")).toBe("Export 100,101 shown as CSV");
    expect(
      progressLabel(
        { phase: "writing", subject: "Register", unit: "rows", done: 48000, total: 100005 },
        "writing",
      ),
    ).toBe("Writing Register: 48,000 of 100,005 rows");
  });
});
