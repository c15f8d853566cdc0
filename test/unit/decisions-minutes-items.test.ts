import { readFileSync } from "node:fs";
import { readDecisionRecords } from "../../src/core/decisions/minutes-items";

const RECORDS = `${__dirname}/../fixtures/decision-records`;
const text = readFileSync(`${RECORDS}/cabinet-minutes-several-items.txt`, "utf8");

describe("minutes of several items give one record per resolving item", () => {
  const records = readDecisionRecords(text, "executive.txt");

  test("the items without a resolution (apologies, next meeting) give none", () => {
    expect(records.map((r) => r.title.value)).toEqual([
      "Town Hall Roof Replacement",
      "Community Safety Fund",
      "Revenue Budget Monitoring Quarter 1",
    ]);
  });

  test("each item has its own reference, status word, amount and period", () => {
    const [roof, fund, monitoring] = records;
    expect([roof?.reference.value, roof?.statusKind, roof?.amountApproved.value]).toEqual([
      "KD.2024.21",
      "approved",
      1840000,
    ]);
    expect([roof?.periodStart.value, roof?.periodEnd.value]).toEqual(["2024-04-01", "2025-03-31"]);
    expect([fund?.reference.value, fund?.status.value, fund?.amountApproved.value]).toEqual([
      "KD.2024.22",
      "Deferred",
      null,
    ]);
    // A savings target is never an approval.
    expect(monitoring?.amountApproved.value).toBeNull();
  });

  test("the meeting's heading gives every item its decision maker and date", () => {
    for (const r of records) {
      expect(r.decisionMaker.value).toBe("Executive");
      expect(r.dateOfDecision.value).toBe("2024-09-11");
    }
  });

  test("a record of one item is read as a whole, as before", () => {
    const one = readFileSync(`${RECORDS}/cabinet-minutes-deferred.txt`, "utf8");
    expect(readDecisionRecords(one, "deferred.txt")).toHaveLength(1);
  });
});
