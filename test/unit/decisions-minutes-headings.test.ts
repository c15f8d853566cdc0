import { readFileSync } from "node:fs";
import { readDecisionRecord } from "../../src/core/decisions/read";

/**
 * Minutes read whole: the meeting's heading ("CABINET - 15 FEBRUARY 2024") dates the decision and
 * names its maker, the item's heading gives the title and, for a key decision, the reference
 * ("(Key Decision - KD.2024.09)"); the resolution states the funding source; a resolution that
 * defers the matter gives status deferred and no amount approved. The records are our own, made
 * with those traits (test/fixtures/decision-records), not copies of the seeds.
 */
const RECORDS = `${__dirname}/../fixtures/decision-records`;
const read = (name: string) => readDecisionRecord(readFileSync(`${RECORDS}/${name}`, "utf8"), name);

describe("Cabinet minutes with a key-decision heading", () => {
  const r = read("cabinet-minutes-key-decision.txt");

  test("the heading's reference is the reference, and the decision is key", () => {
    expect(r.reference).toEqual({
      value: "KD.2024.09",
      sentence: "83. LEISURE CENTRE DECARBONISATION SCHEME (Key Decision - KD.2024.09)",
    });
    expect(r.keyDecision.value).toBe(true);
    expect(r.title.value).toBe("Leisure Centre Decarbonisation Scheme");
  });

  test("the meeting's dated heading is the date of decision and names the decision maker", () => {
    expect(r.dateOfDecision).toEqual({
      value: "2024-02-15",
      sentence: "CABINET - 15 FEBRUARY 2024",
    });
    // Not the "Climate Change Board" the discussion mentions.
    expect(r.decisionMaker.value).toBe("Cabinet");
  });

  test("the resolution's funding source and amount are read; the 2022 estimate is context", () => {
    expect(r.fundingSource.value).toBe("Climate Emergency earmarked reserve");
    expect(r.fundingSource.sentence).toMatch(
      /^That the decarbonisation .* be approved, funded from/,
    );
    expect(r.amountApproved.value).toBe(1_250_000);
    expect(r.otherAmounts.map((a) => [a.text, a.role])).toEqual([["£1.6m", "context"]]);
    expect(r.statusKind).toBe("approved");
  });
});

describe("Cabinet minutes deferring the matter", () => {
  const r = read("cabinet-minutes-deferred.txt");

  test("status deferred, no amount approved, no funding source; still the heading's reference", () => {
    expect(r.statusKind).toBe("deferred");
    expect(r.status.value).toBe("Deferred");
    expect(r.status.sentence).toMatch(/be deferred to the meeting of Cabinet on 18 April 2024/);
    expect(r.amountApproved.value).toBeNull();
    expect(r.fundingSource.value).toBeNull();
    expect(r.reference.value).toBe("KD.2024.11");
    expect(r.keyDecision.value).toBe(true);
    expect(r.dateOfDecision.value).toBe("2024-03-14");
  });

  test("a resolution of one word, 'Deferred', defers it too", () => {
    const text = readFileSync(`${RECORDS}/cabinet-minutes-deferred.txt`, "utf8").replace(
      /Resolved –[\s\S]*$/,
      "Resolved – Deferred.",
    );
    const one = readDecisionRecord(text, "deferred.txt");
    expect([one.status.value, one.statusKind, one.amountApproved.value]).toEqual([
      "Deferred",
      "deferred",
      null,
    ]);
  });

  test("a non-key item heading says not key; minutes without headings state neither", () => {
    const text = readFileSync(`${RECORDS}/cabinet-minutes-deferred.txt`, "utf8").replace(
      "(Key Decision - KD.2024.11)",
      "(Non-Key Decision)",
    );
    const nonKey = readDecisionRecord(text, "non-key.txt");
    expect([nonKey.keyDecision.value, nonKey.reference.value]).toEqual([false, null]);
    const bare = readDecisionRecord("Resolved – That the report be deferred.", "bare.txt");
    expect([bare.keyDecision.value, bare.dateOfDecision.value]).toEqual([null, null]);
  });
});
