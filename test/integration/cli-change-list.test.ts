import path from "node:path";
import { cli } from "../helpers/cli";
import { CORPUS } from "../helpers/corpus";
import { tempDir } from "../helpers/xlsx";

describe("council-sheets apply's change list", () => {
  it("lists a corrected variance as the sheet's number format shows it", async () => {
    const file = path.join(CORPUS, "06-kingsreach-revenue-monitoring-q2.xlsx");
    const { out } = await cli("apply", file, "--out", path.join(tempDir(), "kingsreach.xlsx"));
    // The sheet's variance format, #,##0;(#,##0);"-", shows −280 in brackets (Microsoft's
    // number format codes: the second section is for negative numbers).
    expect(out).toContain("\n  Appendix A!I29  (280) -> 280  =IF(");
  });
});
