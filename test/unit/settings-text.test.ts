import fc from "fast-check";
import {
  describeBands,
  parseAmountSetting,
  parseBandsText,
  parseSourceMap,
  parseSourceMapEntry,
} from "../../src/core";
import { analyseOptions } from "../../src/cli/options";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";

describe("settings typed as text (one reader for the task pane and the CLI)", () => {
  it.each([
    ["JIP=Match funding", { allocation: "JIP", source: "Match funding" }],
    [
      "  SCR Grant =  Adult Social Care Reform Grant ",
      {
        allocation: "SCR Grant",
        source: "Adult Social Care Reform Grant",
      },
    ],
    ["a=b=c", { allocation: "a", source: "b=c" }],
  ])("reads %j", (text, entry) => {
    expect(parseSourceMapEntry(text)).toEqual(entry);
  });

  it.each(["JIP", "=Match funding", " = x", "JIP=", "JIP =  "])("refuses %j", (text) => {
    expect(parseSourceMapEntry(text)).toBeNull();
  });

  it("reads any name = source back as it was written", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => !s.includes("=") && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(name, name, (allocation, source) => {
        expect(parseSourceMapEntry(`${allocation} = ${source}`)).toEqual({ allocation, source });
      }),
    );
  });

  it("reads a map, skipping blank lines, and refuses it whole when one line is not an entry", () => {
    expect(parseSourceMap(["JIP = Match funding", "", "SCR=Reform Grant"])).toEqual({
      JIP: "Match funding",
      SCR: "Reform Grant",
    });
    expect(parseSourceMap(["JIP = Match funding", "SCR"])).toBeNull();
  });

  it("reads bands as a sheet's key reads them", () => {
    expect(parseBandsText("1-2 Low, 3-6 Medium, 8-16 High")).toEqual([
      { from: 1, to: 2, label: "Low" },
      { from: 3, to: 6, label: "Medium" },
      { from: 8, to: 16, label: "High" },
    ]);
    expect(parseBandsText("  ")).toEqual([]);
    expect(parseBandsText("1-5 Low, 3-9 High")).toBeNull();
  });

  it("writes bands in score order as the settings box reads them back", () => {
    const bands = [
      { from: 8, to: 16, label: "High" },
      { from: 1, to: 2, label: "Low" },
      { from: 3, to: 6, label: "Medium" },
    ];
    expect(describeBands(bands)).toBe("1-2 Low, 3-6 Medium, 8-16 High");
    expect(parseBandsText(describeBands(bands))).toEqual([bands[1], bands[2], bands[0]]);
  });

  it.each(["over 12 High", ">12 High", "> 12 High", "13+ High"])(
    'reads "%s" as an open-ended top band, not dropping it',
    (top) => {
      const bands = parseBandsText(`1-4 Low, 5-12 Medium, ${top}`);
      expect(bands?.map((b) => b.label)).toEqual(["Low", "Medium", "High"]);
      expect(bands?.[2]?.from).toBe(13);
      expect(bands?.[2]?.to).toBeGreaterThanOrEqual(25);
    },
  );

  it("refuses an item that is not a band, and a gap holding scores the grid can make", () => {
    expect(parseBandsText("1-4 Low, banana, 13-25 High")).toBeNull();
    expect(parseBandsText("1-4 Low, 13-25 High")).toBeNull();
    // 7 is no score on a 4×4 grid (no likelihood × impact up to 4 makes it): no gap there.
    expect(parseBandsText("1-2 Low, 3-6 Medium, 8-16 High")).not.toBeNull();
  });

  it("the CLI refuses what the pane refuses, with one line", async () => {
    const { code, err } = await cli(
      "check",
      `${FIXTURES}/emiep-funding-2008.xlsx`,
      "--map",
      " = Match funding",
    );
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain('--map wants "allocation name=source name"');
    expect(err).toContain('not " = Match funding"');
  });
});

describe("amounts typed as settings (the pane's RAG amount and key threshold, the CLI's options)", () => {
  it.each([
    ["250000", 250_000],
    ["£250,000", 250_000],
    ["£250k", 250_000],
    ["£0.25m", 250_000],
    [" £ 1,234.50 ", 1234.5],
    ["−£5", -5],
    ["(£5)", -5],
  ])("reads %j as a cell holding it is read", (text, pounds) => {
    expect(parseAmountSetting(text)).toBe(pounds);
  });

  it.each(["lots", "", "£", "1 234", "--5"])("finds no amount in %j", (text) => {
    expect(parseAmountSetting(text)).toBeNull();
  });
});

describe("the CLI's amount options", () => {
  const today = new Date(Date.UTC(2026, 0, 1));
  it("read £250k and £0.25m as the task pane does", () => {
    const options = analyseOptions({ ragAmount: "£250k", keyThreshold: "£0.25m" }, today);
    expect(options.rag?.amount).toBe(250_000);
    expect(options.decisions?.keyDecisionThreshold).toBe(250_000);
  });

  it("refuse a negative amount with a one-line message", () => {
    expect(() => analyseOptions({ ragAmount: "−£5" }, today)).toThrow(
      '--rag-amount wants an amount in pounds, 0 or more, not "−£5"',
    );
  });
});
