import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { RagThresholds } from "../../src/core/tables/rag-settings";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * The settings' optional Amber band: councils keep Green for small overspends (Green under 2%,
 * Amber 2–5%, Red over 5% or £250k). Absent, any overspend short of Red is Amber, as before; a
 * rule stated on the sheet still wins over the settings, Amber band and all.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, rag: RagThresholds, replaceTotals = false) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, rag, replaceTotals });
const found = (rows: Rows, rag: RagThresholds) =>
  analyse(rows, rag).findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragColumn = (rows: Rows, rag: RagThresholds) =>
  analyse(rows, rag, true).plan.operations.find(
    (o): o is ColumnWrite => o.kind === "column" && /RAG/.test(o.title),
  );
const ragWrites = (rows: Rows, rag: RagThresholds) =>
  (ragColumn(rows, rag)?.cells ?? []).map((c) => [c.row, c.value]);

// Overspends of 1%, 3% and 8% and an underspend, on £1m each; Libraries (1%) typed Green.
const lines: Rows = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_010_000, 10_000, "Green"],
  ["Parks", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Amber"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];
const red = { percent: 0.05, amount: 250_000 };
const roadsIsRed = (rule: string) =>
  "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
  rule;

describe("no Amber band in the settings: today's rule exactly", () => {
  const settings =
    "Red at 5% of budget or £250,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)";
  it("makes a 1% overspend Amber", () => {
    expect(found(lines, red)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        settings,
      roadsIsRed(settings),
    ]);
    expect(ragWrites(lines, red)).toEqual([
      [1, "Amber"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
    expect(ragColumn(lines, red)?.cells[0]?.formula).toBe(
      '=IF(ISNUMBER(D2),IF(D2<=0.005,"Green",IF(D2>=MIN(0.05*ABS(B2),250000),"Red","Amber")),"")',
    );
  });
});

describe("an Amber band in the settings", () => {
  it("keeps an overspend under the Amber % Green", () => {
    const rag = { ...red, amberPercent: 0.02 };
    expect(found(lines, rag)).toEqual([
      roadsIsRed(
        "Red at 5% of budget or £250,000 (whichever is lower), Amber at 2% of budget (the settings' rule; the sheet states none)",
      ),
    ]);
    expect(ragWrites(lines, rag)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
    expect(ragColumn(lines, rag)?.cells[0]?.formula).toBe(
      '=IF(ISNUMBER(D2),IF(D2<=0.005,"Green",IF(D2>=MIN(0.05*ABS(B2),250000),"Red",IF(D2>=0.02*ABS(B2),"Amber","Green"))),"")',
    );
  });

  it("takes an amount alone as the Amber threshold", () => {
    const rag = { ...red, amberAmount: 20_000 };
    expect(found(lines, rag)).toEqual([
      roadsIsRed(
        "Red at 5% of budget or £250,000 (whichever is lower), Amber at £20,000 (the settings' rule; the sheet states none)",
      ),
    ]);
    expect(ragWrites(lines, rag).map(([, v]) => v)).toEqual(["Green", "Amber", "Red", "Green"]);
  });

  it("takes the lower of the Amber % and amount, as for Red", () => {
    // 2% of £1m is £20,000; £5,000 is lower, so the 1% overspend of £10,000 is Amber.
    const rag = { ...red, amberPercent: 0.02, amberAmount: 5_000 };
    const rule =
      "Red at 5% of budget or £250,000 (whichever is lower), Amber at 2% of budget or £5,000 (whichever is lower) (the settings' rule; the sheet states none)";
    expect(found(lines, rag)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        rule,
      roadsIsRed(rule),
    ]);
  });
});

describe("a rule stated on the sheet wins over the settings' Amber band", () => {
  const rag = { ...red, amberPercent: 0.02 };

  it("uses the sheet's own Amber band", () => {
    const rows: Rows = [...lines, [], ["RAG: Green below 0.5%, Amber 0.5% to 5%, Red over 5%"]];
    expect(found(rows, rag)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        "Red over 5% of budget, Amber at 0.5% of budget (the rule stated on the sheet at A7)",
      roadsIsRed(
        "Red over 5% of budget, Amber at 0.5% of budget (the rule stated on the sheet at A7)",
      ),
    ]);
  });

  it("keeps every smaller overspend Amber under a sheet rule stating Red only, and says why", () => {
    const rows: Rows = [...lines, [], ["Red if over £250k or 5%"]];
    const rule =
      "Red over 5% of budget or £250,000 (whichever is lower), Amber for any smaller overspend, as the sheet states no Amber band; " +
      "the settings' Amber band applies only where the sheet states no rule (the rule stated on the sheet at A7)";
    expect(found(rows, rag)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        rule,
      roadsIsRed(rule),
    ]);
    expect(ragWrites(rows, rag).map(([, v]) => v)).toEqual(["Amber", "Amber", "Red", "Green"]);
  });
});
