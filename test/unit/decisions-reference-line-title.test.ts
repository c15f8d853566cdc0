import { readDecisionRecord } from "../../src/core/decisions/read";

/** A record that opens with a "Reference:" line keeps its title, wherever the title sits. */
const BODY =
  "Decision Maker: Cabinet\nDecision status: Approved\nDate of decision: 14/02/2024\nDecision:\nTo approve the savings plan.";

describe("the title beside a Reference: line", () => {
  test("title on the next line", () => {
    const r = readDecisionRecord(
      `Decision details\nReference: FIN-2024-003\nAdult Social Care Savings Plan\n${BODY}`,
      "fin.txt",
    );
    expect(r.reference.value).toBe("FIN-2024-003");
    expect(r.title.value).toBe("Adult Social Care Savings Plan");
  });

  test("title after the reference on the same line", () => {
    const r = readDecisionRecord(
      `Reference: FIN-2024-003 Adult Social Care Savings Plan\n${BODY}`,
      "fin.txt",
    );
    expect(r.reference.value).toBe("FIN-2024-003");
    expect(r.title.value).toBe("Adult Social Care Savings Plan");
    expect(r.decisionMaker.value).toBe("Cabinet");
  });
});
