import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { parseRagRule, ragByRule, ragFormula, type RagRule } from "../../src/core/tables/rag-rule";
import { ruleFromThresholds } from "../../src/core/tables/rag-settings";

describe("RAG rules stated on the sheet", () => {
  it("reads '5% or £50,000, whichever is lower' with a smaller overspend Amber", () => {
    const rule = parseRagRule(
      "RAG: Red = overspend of 5% of latest budget or £50,000, whichever is lower; Amber = any smaller overspend; Green = on budget or underspend.",
    );
    expect(rule).toMatchObject({
      red: { percent: 0.05, amount: 50000, combine: "lower", strict: false },
      amber: null,
    });
    if (!rule) return;
    // Trade waste (net): an income shortfall of £13,750 on -£185,000 is over 5% (£9,250): Red.
    expect(ragByRule(13750, -185000, rule)).toBe("Red");
    // Garden waste: £13,900 on -£312,400 is under 5% (£15,620) and under £50,000: Amber.
    expect(ragByRule(13900, -312400, rule)).toBe("Amber");
    // £56,300 on £3.4m is 1.6% but over £50,000: Red.
    expect(ragByRule(56300, 3412600, rule)).toBe("Red");
    expect(ragByRule(-14800, 1268900, rule)).toBe("Green");
  });

  it("reads '2% to 5% Amber, >5% Red': Amber from 2%, Red only over 5%", () => {
    const rule = parseRagRule("RAG: below 2% Green, 2% to 5% Amber, >5% Red");
    expect(rule).toMatchObject({
      red: { percent: 0.05, amount: null, strict: true },
      amber: { percent: 0.02, amount: null, strict: false },
    });
    if (!rule) return;
    expect(ragByRule(1000, 100000, rule)).toBe("Green");
    expect(ragByRule(2000, 100000, rule)).toBe("Amber");
    expect(ragByRule(5000, 100000, rule)).toBe("Amber");
    expect(ragByRule(5001, 100000, rule)).toBe("Red");
  });

  it("reads 'Red if over £250k or 5%': either one is enough", () => {
    const rule = parseRagRule("Red if over £250k or 5%");
    expect(rule).toMatchObject({
      red: { percent: 0.05, amount: 250000, combine: "lower", strict: true },
      amber: null,
    });
    if (!rule) return;
    expect(ragByRule(260000, 100_000_000, rule)).toBe("Red");
    expect(ragByRule(6000, 100000, rule)).toBe("Red");
    expect(ragByRule(4000, 100000, rule)).toBe("Amber");
  });

  it("reads 'whichever is higher' and amounts in £m", () => {
    const rule = parseRagRule("Red: overspend above 10% or £1.5m, whichever is higher");
    expect(rule).toMatchObject({
      red: { percent: 0.1, amount: 1_500_000, combine: "higher", strict: true },
    });
  });

  it("reads a capital rule where slippage is Amber", () => {
    const rule = parseRagRule(
      "RAG: Red = forecast above budget; Amber = forecast more than 10% below budget (slippage); Green = otherwise",
    );
    expect(rule).toMatchObject({
      red: { percent: null, amount: 0, strict: true },
      amber: null,
      amberBelow: { percent: 0.1, amount: null, strict: true },
    });
    if (!rule) return;
    expect(ragByRule(15000, 640000, rule)).toBe("Red");
    expect(ragByRule(-465000, 2875000, rule)).toBe("Amber");
    expect(ragByRule(-50000, 2875000, rule)).toBe("Green");
  });

  it.each([
    "Red due to agency costs",
    "Reduced by 5%",
    "RAG status",
    "Green = on budget",
    "",
    "Amber 2%",
  ])("states no rule: %s", (text) => {
    expect(parseRagRule(text)).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (s) => void parseRagRule(s)));
  });
});

/**
 * The written formula and the in-process rule agree, as HyperFormula (an independent formula
 * engine) evaluates the formula: the cached value we write is what Excel will show.
 */
describe("RAG formula against HyperFormula", () => {
  const rules: RagRule[] = [
    ruleFromThresholds({ percent: 0.05, amount: 100000 }),
    ruleFromThresholds({ percent: 0.05, amount: 250000, amberPercent: 0.02 }),
    ruleFromThresholds({ percent: 0.05, amount: 250000, amberPercent: 0.02, amberAmount: 5000 }),
    ruleFromThresholds({ percent: 0.1, amount: 500000, amberAmount: 20000 }),
    parseRagRule(
      "Red = 5% or £50,000, whichever is lower; Amber = any smaller overspend",
    ) as RagRule,
    parseRagRule("2% to 5% Amber, >5% Red") as RagRule,
    parseRagRule("Red if over £250k or 5%") as RagRule,
    parseRagRule("Red = forecast above budget; Amber = more than 10% below budget") as RagRule,
  ];

  it("gives the same RAG for any overspend, budget and rule", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheetName = hf.addSheet("S");
    const sheet = hf.getSheetId(sheetName) as number;
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        fc.integer({ min: -50_000_000, max: 50_000_000 }),
        fc.integer({ min: 0, max: rules.length - 1 }),
        (overspend, budget, k) => {
          const rule = rules[k] as RagRule;
          hf.setCellContents({ sheet, row: 0, col: 0 }, [
            [overspend, budget, `=${ragFormula("A1", "ABS(B1)", rule)}`],
          ]);
          const shown = hf.getCellValue({ sheet, row: 0, col: 2 });
          expect(shown).toBe(ragByRule(overspend, budget, rule));
        },
      ),
      { numRuns: 300 },
    );
    hf.destroy();
  });
});
