import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-changes";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { WorkProgress } from "../../src/core/progress";
import { excelHost } from "../../src/taskpane/hosts/excel-host";
import { inlineJobs } from "../../src/taskpane/hosts/inline-jobs";
import { progressLabel } from "../../src/taskpane/work-state";
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

describe("the Excel pane's phases", () => {
  it("names each round trip of a check and a write, in order", async () => {
    const d = excelDouble([register(5, false)]);
    const host = excelHost(settings, runtime(d));
    const heard: WorkProgress[] = [];
    const jobs = inlineJobs(host);
    await jobs.write(
      {
        choice: { kind: "calculated-columns" },
        valuesOnly: false,
        backup: false,
        options: { asOf: TODAY },
      },
      (p) => heard.push(p),
    );
    const said = heard.map((p) => progressLabel(p, "writing"));
    const reads = said.filter((s) => s.startsWith("Reading"));
    expect(reads.slice(0, 3)).toEqual([
      "Reading the list of sheets",
      "Reading the used range of 1 sheet",
      "Reading Register (round trip 1 of 1)",
    ]);
    const writes = said.filter((s) => s.startsWith("Writing"));
    expect(writes[0]).toBe("Writing to the workbook (looking at the sheets first)");
    expect(writes.some((s) => /^Writing Register!.+ \(round trip 1\)$/.test(s))).toBe(true);
    expect(writes[writes.length - 1]).toBe("Writing to the workbook (finishing)");
    // Read, check, write, then read and check the result: in that order.
    const phases = heard.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(["reading", "checking", "writing", "reading", "checking"]);
    // The pane has nothing to stop in Excel: a write cannot be half undone.
    expect(jobs.cancellable).toBe(false);
  });
});
