import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { FundingTableReport } from "../../src/core/funding";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile } from "../helpers/xlsx";

describe("emiep-funding-2008.xlsx", () => {
  it("finds the sources table and Appendix 2, and every stated total in Appendix 2 agrees", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/emiep-funding-2008.xlsx`);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const tables = analysis.tables as FundingTableReport[];
    expect(tables.map((t) => [t.sheet, t.kind, t.range, t.years])).toEqual([
      ["Funding sources", "funding-sources", "A5:C9", ["2008/09", "2009/10"]],
      ["Appendix 2", "funding", "A3:K29", ["2008/09", "2009/10"]],
    ]);
    const appendix = tables[1];
    expect(appendix?.sections).toEqual([
      "PERSONALISATION",
      "SAFEGUARDING",
      "HEALTH AND WELL BEING",
      "LEARNING DISABILITIES PROGRAMME",
      "CROSS CUTTING WORKFORCE AND LEADERSHIP",
    ]);
    // Five section totals and the grand total, every one of them checked.
    expect(appendix?.totalRows).toBe(6);
    expect(analysis.findings.filter((f) => f.code === "total-mismatch")).toEqual([]);
  });

  it("reconciles 2008/09 per source and reports 2009/10's £200,000 as unconfirmed", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/emiep-funding-2008.xlsx`);
    const { reconciliation, findings } = analyseWorkbook(snapshot, { asOf: TODAY });
    const year0809 = reconciliation?.lines
      .filter((l) => l.year === "2008/09")
      .map((l) => [l.source, l.available, l.allocated, l.status]);
    expect(year0809).toEqual([
      ["Adult Social Care Reform Grant", 200000, 200000, "reconciled"],
      [
        "CLG allocation for adult social care to be released through RIEP",
        212000,
        212000,
        "reconciled",
      ],
      ["Match funding", 250000, 250000, "reconciled"],
    ]);
    expect(reconciliation?.years[0]).toEqual({
      year: "2008/09",
      available: 662000,
      allocated: 662000,
      difference: 0,
      unconfirmed: 0,
    });
    expect(reconciliation?.mapping.map((m) => `${m.allocation} → ${m.source}`)).toEqual([
      "SCR Grant → Adult Social Care Reform Grant",
      "Other match funding → Match funding",
      "RIEP → CLG allocation for adult social care to be released through RIEP",
      "JIP → Match funding",
    ]);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([
      expect.objectContaining({
        code: "unconfirmed-funding",
        sheet: "Funding sources",
        cell: "C8",
        source: "Match funding",
        year: "2009/10",
        amount: 200000,
      }),
    ]);
  });
});

describe("bcp-pid-inputs.xlsx Funding approach", () => {
  it("gives a variance per line with a budget, and 0 for Self-Directed Support at project level", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-pid-inputs.xlsx`);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const budget = analysis.tables.find((t): t is BudgetTableReport => t.kind === "budget");
    expect(budget).toMatchObject({
      sheet: "Funding approach",
      range: "A1:H8",
      compareWith: "cost",
      budget: "original",
    });
    expect(
      budget?.lines.map((l) => [
        l.project,
        l.item.slice(0, 22),
        l.costCode,
        l.budget,
        l.spend,
        l.variance,
        l.level,
      ]),
    ).toEqual([
      ["Short Term Support", "Project resource: 0.5 ", "AW7002", 187660, 187660, 0, "line"],
      ["Support at Home", "Project resource: 0.5 ", "AW7002", 187660, 187660, 0, "line"],
      ["Self-Directed Support", "Senior Commissioner", "AW7002", 204690, 204690, 0, "group"],
      ["How We Work", "Project resource (Mosa", "AW7002", 865246, 865246, 0, "line"],
      ["How We Work", "Digital and system (Mo", "AW7002", 566910, 566910, 0, "line"],
      ["How We Work", "Training and developme", "AW7002", 50000, 50000, 0, "line"],
    ]);
    expect(analysis.findings.filter((f) => f.sheet === "Funding approach")).toEqual([]);
  });
});

describe("findings after apply, without analysing again", () => {
  it.each(["bcp-risk-registers.xlsx", "bcp-pid-inputs.xlsx", "emiep-funding-2008.xlsx"])(
    "equal a fresh analysis of %s once applied",
    async (name) => {
      const { applyPlanToSnapshot, findingsAfter } = await import("../../src/core/plan-preview");
      const { snapshot } = await loadFile(`${FIXTURES}/${name}`);
      for (const replaceTotals of [false, true]) {
        const analysis = analyseWorkbook(snapshot, {
          asOf: TODAY,
          replaceTotals,
          reconciliationSheet: false,
        });
        const fresh = analyseWorkbook(
          applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false }),
          { asOf: TODAY, reconciliationSheet: false },
        );
        expect(findingsAfter(analysis.findings, analysis.plan)).toEqual(fresh.findings);
      }
    },
  );
});
