import { analyseOptions } from "../../src/cli/options";
import { parseSettings, readSavedSettings } from "../../src/core/settings";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { SETTING_LIMITS } from "../helpers/setting-limits";

/** The CLI's half of settings-fields.test.tsx: the same limits, refused with one line, exit 2. */
describe("a setting's limits on the command line", () => {
  it.each(SETTING_LIMITS)(
    "$option refuses $bad and takes $good",
    async ({ option, bad, good, wants }) => {
      const refused = await cli("check", `${FIXTURES}/emiep-funding-2008.xlsx`, `${option}=${bad}`);
      expect(refused.code).toBe(2);
      expect(refused.out).toBe("");
      expect(refused.err.trimEnd().split("\n")).toHaveLength(1);
      expect(refused.err).toContain(`${option} wants ${wants}, not "${bad}"`);
      const taken = await cli("check", `${FIXTURES}/emiep-funding-2008.xlsx`, `${option}=${good}`);
      expect(taken.err).not.toContain(option);
    },
  );

  it("stores --rag-percent 7 and 29 as the fractions 0.07 and 0.29", () => {
    const today = new Date(2026, 10, 22);
    expect(analyseOptions({ ragPercent: "7" }, today).rag?.percent).toBe(0.07);
    expect(analyseOptions({ ragPercent: "29%" }, today).rag?.percent).toBe(0.29);
  });

  it("sets an Amber band only when --rag-amber-percent or --rag-amber-amount is given", () => {
    const today = new Date(2026, 10, 22);
    expect(analyseOptions({}, today).rag).toEqual({ percent: 0.05, amount: 100_000 });
    expect(analyseOptions({ ragAmberPercent: "2%", ragAmberAmount: "£20k" }, today).rag).toEqual({
      percent: 0.05,
      amount: 100_000,
      amberPercent: 0.02,
      amberAmount: 20_000,
    });
  });
});

describe("Amber starting above Red", () => {
  it.each([
    [["--rag-amber-percent", "7", "--rag-percent", "5"]],
    [["--rag-amber-amount", "£150,000", "--rag-amount", "£100,000"]],
  ])("is refused on the command line with one line, exit 2: %j", async (options) => {
    const refused = await cli("check", `${FIXTURES}/emiep-funding-2008.xlsx`, ...options);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(refused.err.trimEnd().split("\n")).toHaveLength(1);
    expect(refused.err).toContain("Amber must start below Red");
  });

  it("is taken when Amber starts below Red", () => {
    const today = new Date(2026, 10, 22);
    const rag = analyseOptions({ ragAmberPercent: "4", ragPercent: "5" }, today).rag;
    expect(rag).toEqual({ percent: 0.05, amount: 100_000, amberPercent: 0.04 });
  });

  it("is unreadable in stored settings, which fall back to the defaults", () => {
    const stored = { rag: { percent: 0.05, amount: 100_000, amberPercent: 0.07 } };
    expect(readSavedSettings(stored).unreadable).toBe(true);
    expect(
      parseSettings({ rag: { percent: 0.05, amount: 100_000, amberPercent: 0.02 } }).rag,
    ).toEqual({ percent: 0.05, amount: 100_000, amberPercent: 0.02 });
  });
});
