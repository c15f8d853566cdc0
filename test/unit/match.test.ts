import { matchSource, shortName } from "../../src/core/reconcile/match";

const EMIEP = [
  "Adult Social Care Reform Grant (includes £100,000 committed on projects to support the transformation agenda)",
  "CLG allocation for adult social care to be released through RIEP",
  "Match funding – including £200,000 NHS funds to be allocated through the JIP programme boards",
];

describe("matching source names", () => {
  it.each([
    ["SCR Grant", 0, "acronym"],
    ["RIEP", 1, "contained"],
    ["Other match funding", 2, "same name"],
    ["Other Match funding", 2, "same name"],
    ["JIP", 2, "contained"],
    ["Adult Social Care Reform Grant", 0, "same name"],
  ])("%p is source %i by %s", (name, index, how) => {
    expect(matchSource(name, EMIEP)).toEqual({ source: EMIEP[index], how });
  });

  it("leaves an unknown name unmatched rather than guess", () => {
    expect(matchSource("Lottery bid", EMIEP)).toBeNull();
    expect(matchSource("", EMIEP)).toBeNull();
  });

  it("lets the officer override the mapping", () => {
    expect(matchSource("JIP", EMIEP, { jip: "CLG allocation" })).toEqual({
      source: EMIEP[1],
      how: "override",
    });
    expect(matchSource("JIP", EMIEP, { JIP: "nowhere" })).toBeNull();
  });

  it("shortens long source names for people", () => {
    expect(EMIEP.map(shortName)).toEqual([
      "Adult Social Care Reform Grant",
      "CLG allocation for adult social care to be released through RIEP",
      "Match funding",
    ]);
  });
});
