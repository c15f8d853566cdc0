import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-preview";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { excelHost } from "../../src/taskpane/hosts/excel-host";
import { excelDouble } from "../shims/excel-double";
import { TODAY } from "../helpers/builders";
import { register, runtime } from "../helpers/excel";

const settings = { load: () => DEFAULT_SETTINGS, save: async () => undefined };

describe("the task pane's Excel host", () => {
  it("reads, writes and says what it wrote, backed up and logged", async () => {
    const d = excelDouble([register(5, false)]);
    const host = excelHost(settings, runtime(d));
    const snapshot = await host.read();
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
    const outcome = await host.apply({
      plan: analysis.plan,
      valuesOnly: false,
      backup: true,
      changes: changed,
    });
    expect(outcome.summary).toMatch(
      /^Written: \d+ ranges\. \d+ changed cells? listed on the "Council Sheets log" sheet\. Backups: Register backup\.$/,
    );
  });

  it("explains why it cannot go to a cell on a hidden sheet", async () => {
    const hidden = register(3);
    hidden.visibility = "VeryHidden";
    const host = excelHost(settings, runtime(excelDouble([register(3, true, "Shown"), hidden])));
    await expect(host.select("Register", "B2")).rejects.toThrow('"Register" is very hidden');
  });
});
