import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel } from "../../src/adapters/excel/write";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-changes";
import { planHeatMapSheet } from "../../src/core/risk/heat-map-sheet";
import { bookFromSnapshot, excelDouble, type Double } from "../shims/excel-double";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile } from "../helpers/xlsx";

const runtime = (d: Double) => d.runtime as unknown as ExcelRuntime;

async function write(d: Double) {
  const snapshot = await readSnapshot(runtime(d));
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
  return applyPlanInExcel(runtime(d), analysis.plan, {
    valuesOnly: false,
    backup: false,
    changes: changed,
    when: "2026-11-22 10:00",
  });
}

const BAND_FILLS = { Low: "#8fd18f", Medium: "#fde300", High: "#c50f1f" } as const;

describe("priority colours through Office.js", () => {
  it("adds one custom conditional format per band on the written priority column (ExcelApi 1.6)", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const d = excelDouble(bookFromSnapshot(snapshot), { version: 6 });
    await write(d);
    const sheet = d.sheet("How We Work");
    const formats = sheet?.conditionalFormats ?? [];
    // E5 is the header, E6:E9 the four risks' priorities.
    expect(formats.map((f) => [f.formula, f.fill, f.fontColor])).toEqual([
      ['=E6="Low"', BAND_FILLS.Low, "#1a1a1a"],
      ['=E6="Medium"', BAND_FILLS.Medium, "#1a1a1a"],
      ['=E6="High"', BAND_FILLS.High, "#ffffff"],
    ]);
    expect(
      formats.every((f) => f.area && f.area.c1 === 4 && f.area.r1 === 5 && f.area.r2 === 8),
    ).toBe(true);
    // The rule that holds for each priority cell gives its band's colour.
    d.recalculate();
    for (let r = 5; r <= 8; r++) {
      const shown = String(sheet?.cells.get(`${r},4`)?.value);
      const holding = formats.filter((f) => f.formula.endsWith(`="${shown}"`));
      expect(holding.map((f) => f.fill)).toEqual([BAND_FILLS[shown as keyof typeof BAND_FILLS]]);
    }
  });

  it("does not add a second set when a later Write rewrites the column", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const d = excelDouble(bookFromSnapshot(snapshot), { version: 20 });
    await write(d);
    const sheet = d.sheet("How We Work");
    const before = sheet?.conditionalFormats?.length;
    expect(before).toBe(3);
    // The officer types over one priority: the next Write puts the formula back in that cell.
    sheet?.cells.set("5,4", { value: "High" });
    const syncs = d.stats.syncs;
    const result = await write(d);
    expect(result.written.some((w) => w.includes("How We Work!E6"))).toBe(true);
    expect(d.stats.syncs).toBeGreaterThan(syncs);
    expect(sheet?.conditionalFormats?.length).toBe(before);
  });
});

describe("the heat-map sheet through Office.js", () => {
  it("adds the sheet marked as ours, with band fills, text colours and centred cells", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const d = excelDouble(bookFromSnapshot(snapshot), { version: 20 });
    const read = await readSnapshot(runtime(d));
    const ctx = analyseWorkbook(read, { asOf: TODAY }).riskContexts.find(
      (c) => c.table.sheet === "How We Work",
    );
    if (!ctx) throw new Error("no register");
    await applyPlanInExcel(
      runtime(d),
      { operations: [planHeatMapSheet(read, ctx)] },
      { valuesOnly: false, backup: false, changes: [], when: "2026-11-22 10:00" },
    );
    const map = d.sheet("Heat map - How We Work");
    // Likelihood 4 × impact 4 (top right of the 4 × 4 grid, C4:F7) is High: red, white text.
    expect(map?.cells.get("3,5")).toMatchObject({
      value: "High (16)\n0 risks",
      fill: "#c50f1f",
      fontColor: "#ffffff",
      horizontalAlignment: "Center",
    });
    expect(d.names.some((n) => n.name.startsWith("_CouncilSheets_HeatMap_"))).toBe(true);
    const again = await readSnapshot(runtime(d));
    expect(again.sheets.find((s) => s.name === map?.name)?.ours).toBe("heat-map");
  });
});
