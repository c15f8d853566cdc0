import { readFileSync } from "node:fs";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { DecisionRecordSchema } from "../../src/core/decisions/record";
import { htmlToText } from "../../src/core/decisions/html-text";

const SEEDS = `${__dirname}/../../../shared/seeds`;
const DONCASTER = "000_27967092dd3fa8cc.txt";
const BANES = "001_f88c53d8f01fb2f7.txt";
const MINUTES = "002_3de8d25dc0189705.txt";

function read(file: string) {
  const record = readDecisionRecord(readFileSync(`${SEEDS}/${file}`, "utf8"), file);
  // The reader's output always satisfies the schema the CLI and the pane rely on.
  expect(DecisionRecordSchema.parse(record)).toEqual(record);
  return record;
}

describe("decision records: the three seeds", () => {
  test("Doncaster officer decision AHWB.012.2021: £97,710 of BCF earmarked reserve from 1 April 2021", () => {
    const r = read(DONCASTER);
    expect(r.reference.value).toBe("AHWB.012.2021");
    expect(r.title.value).toMatch(/^BCF Funded Leadership Capacity Extension 1001 Days Pilot - /);
    expect(r.decisionMaker).toEqual({
      value: "Director of Adults, Health and Well-Being",
      sentence: "Decision Maker: Director of Adults, Health and Well-Being",
    });
    expect(r.status.value).toBe("Recommendations Approved");
    expect(r.statusKind).toBe("approved");
    expect(r.keyDecision).toEqual({ value: false, sentence: "Is Key decision?: No" });
    expect(r.subjectToCallIn).toEqual({ value: false, sentence: "Is subject to call in?: No" });
    expect(r.dateOfDecision).toEqual({
      value: "2021-03-30",
      sentence: "Date of decision: 30/03/2021",
    });
    expect(r.publicationDate).toEqual({
      value: "2021-07-29",
      sentence: "Publication date: 29/07/2021",
    });
    expect(r.effectiveFrom.value).toBeNull();
    // Chosen by its role ("a total of"), not as the first £ figure nor the largest (£3m).
    expect(r.amountApproved.value).toBe(97710);
    expect(r.amountApproved.sentence).toContain(
      "to agree to provide Children’s Services with a total of £97,710",
    );
    expect(r.otherAmounts.map((a) => [a.text, a.role])).toEqual([
      ["£3m", "context"],
      ["£0.7m", "context"],
      ["£0.7m", "context"],
    ]);
    expect(r.otherAmounts[0]?.sentence).toContain("Doncaster Place Plan £3m");
    expect(r.fundingSource.value).toBe("Non Recurrent BCF Earmarked Reserve");
    expect(r.periodStart).toEqual({
      value: "2021-04-01",
      sentence:
        "Funding would be due to commence from 1st April 2021, from the Non Recurrent BCF Earmarked Reserve allocated to the Place Plan.",
    });
    expect(r.periodEnd.value).toBeNull();
    expect(r.relatedReferences).toEqual([]);
    expect(r.sourceFile).toBe(DONCASTER);
  });

  test("B&NES Cabinet decision: key, subject to call-in, £18,116,521 for 2024/25, effective 18/11/2023, citing E3393 and E3469", () => {
    const r = read(BANES);
    // The page names no reference of its own; the reader does not invent one.
    expect(r.reference.value).toBeNull();
    expect(r.title.value).toBe(
      "Community Services Transformation Programme - Preferred Delivery Options for 2024-25 and 2025-26",
    );
    expect(r.decisionMaker.value).toBe("Cabinet");
    expect(r.status.value).toBe("Approved");
    expect(r.statusKind).toBe("approved");
    expect(r.keyDecision.value).toBe(true);
    expect(r.subjectToCallIn.value).toBe(true);
    expect(r.dateOfDecision.value).toBe("2023-11-09");
    expect(r.publicationDate.value).toBe("2023-11-10");
    expect(r.effectiveFrom).toEqual({
      value: "2023-11-18",
      sentence: "Effective from: 18/11/2023",
    });
    expect(r.amountApproved.value).toBe(18116521);
    expect(r.amountApproved.sentence).toMatch(
      /^To approve the revised best estimate of funding liability of £18,116,521/,
    );
    expect(r.amountYear).toBe("2024/25");
    expect(r.otherAmounts).toEqual([]);
    expect(r.periodStart.value).toBe("2024-04-01");
    expect(r.periodEnd.value).toBe("2025-03-31");
    expect(r.fundingSource.value).toBeNull();
    expect(r.relatedReferences.map((x) => x.value)).toEqual(["E3393", "E3469"]);
    expect(r.relatedReferences[1]?.sentence).toContain("Decision 23/24 Ref: E3469");
  });

  test("Cabinet minutes: a one-year direct award 1 April 2023 – 31 March 2024, savings targets, no amount approved", () => {
    const r = read(MINUTES);
    expect(r.reference.value).toBeNull();
    expect(r.title.value).toMatch(
      /^The procurement of external support from external consultancy People Too be agreed/,
    );
    expect(r.decisionMaker.value).toBe("Cabinet");
    expect(r.statusKind).toBe("approved");
    expect(r.status.sentence).toBe("After due consideration the recommendations were agreed.");
    expect(r.keyDecision.value).toBeNull();
    expect(r.subjectToCallIn.value).toBeNull();
    expect(r.dateOfDecision.value).toBeNull();
    expect(r.periodStart.value).toBe("2023-04-01");
    expect(r.periodEnd.value).toBe("2024-03-31");
    expect(r.periodEnd.sentence).toMatch(/^That the procurement of external support/);
    // A savings target is never an approval: the record approves no amount, and says so.
    expect(r.amountApproved).toEqual({ value: null, sentence: null });
    expect(r.amountStatement).toMatch(/^No amount approved/);
    expect(r.otherAmounts.map((a) => [a.amount, a.role])).toEqual([
      [9100000, "savings"],
      [4800000, "savings"],
      [14700000, "savings"],
    ]);
    expect(r.fundingSource.value).toBeNull();
    expect(r.relatedReferences).toEqual([]);
  });

  test("the same record saved as a web page reads the same", () => {
    const text = readFileSync(`${SEEDS}/${BANES}`, "utf8");
    const html = `<!DOCTYPE html><html><head><title>Decision</title><style>p{color:red}</style></head><body>${text
      .split(/\n+/)
      .map(
        (line) => `<p class="mgText">${line.replace(/&/g, "&amp;").replace(/£/g, "&pound;")}</p>`,
      )
      .join("\n")}</body></html>`;
    const fromHtml = readDecisionRecord(htmlToText(html), BANES);
    const fromText = readDecisionRecord(text, BANES);
    expect({ ...fromHtml, title: null }).toEqual({ ...fromText, title: null });
    expect(fromHtml.amountApproved.value).toBe(18116521);
  });
});

describe("decision records: what is and is not an approval", () => {
  const page = (decision: string) =>
    `Decision details\nX1/2024 Test\nDecision Maker: Cabinet\nDecision status: Approved\nDecision:\n${decision}\nDate of decision: 01/02/2024`;

  test("savings are never approved, even with approving words around them", () => {
    const r = readDecisionRecord(page("To approve the plan to deliver savings of £250,000."), "t");
    expect(r.amountApproved.value).toBeNull();
    expect(r.otherAmounts[0]?.role).toBe("savings");
  });

  test("an amount recalled from an earlier decision is context", () => {
    const r = readDecisionRecord(
      page("This follows the report which approved a total of £2m. To note progress."),
      "t",
    );
    expect(r.amountApproved.value).toBeNull();
  });

  test("the approved amount is the decision's object, wherever it stands", () => {
    const r = readDecisionRecord(
      page(
        "Against a budget pressure of £1.5m, to approve a total of £120,000.50 from the Public Health Grant.",
      ),
      "t",
    );
    expect(r.amountApproved.value).toBe(120000.5);
    expect(r.fundingSource.value).toBe("Public Health Grant");
    expect(r.otherAmounts).toEqual([expect.objectContaining({ amount: 1500000, role: "context" })]);
    expect(r.reference.value).toBe("X1/2024");
  });

  test("statuses that stop money: rejected, deferred, withdrawn", () => {
    for (const [status, kind] of [
      ["Rejected", "rejected"],
      ["Deferred", "deferred"],
      ["Withdrawn", "withdrawn"],
      ["For Determination", "pending"],
    ]) {
      const r = readDecisionRecord(
        `Decision details\nA1 T\nDecision Maker: Cabinet\nDecision status: ${status}\n`,
        "t",
      );
      expect(r.statusKind).toBe(kind);
    }
  });

  test("an approval stated year by year: the total, and each year's amount", () => {
    const r = readDecisionRecord(
      page(
        "To approve capital funding of £1.2m in 2024/25 and £800,000 in 2025/26 for the scheme.",
      ),
      "t",
    );
    expect(r.amountApproved.value).toBe(2000000);
    expect(r.amountsByYear).toEqual([
      { year: "2024/25", amount: 1200000 },
      { year: "2025/26", amount: 800000 },
    ]);
    expect(r.amountYear).toBeNull();
    expect(r.amountStatement).toBe("£2,000,000 approved: £1.2m for 2024/25, £800,000 for 2025/26");
    expect(r.otherAmounts).toEqual([]);
  });

  test("one year named with one figure is that year's approval, not a list", () => {
    const r = readDecisionRecord(page("To approve a total of £50,000 for 2024/25."), "t");
    expect(r.amountApproved.value).toBe(50000);
    expect(r.amountsByYear).toEqual([]);
    expect(r.amountYear).toBe("2024/25");
  });

  test.each([
    [
      "The Cabinet Member approved the award of a contract to Homecare Ltd for three years from 1 April 2024 at a total cost of £2,450,000.",
      2450000,
    ],
    ["That £50,000 be allocated from the Public Health Grant to the carers' service.", 50000],
    ["Agreed to award a grant of £12,500 to the Food Bank.", 12500],
    ["To approve expenditure of up to £300k on the new system.", 300000],
    ["To approve the release of £75,000 from the transformation reserve.", 75000],
  ])("operative wording in other councils' records: %s", (decision, amount) => {
    expect(readDecisionRecord(page(decision), "t").amountApproved.value).toBe(amount);
  });

  test.each([
    "The scheme, which was previously approved at a cost of £2m, is progressing.",
    "Members noted that £40,000 had been agreed last year.",
    "To note the budget of £1m set by Council in February.",
  ])("recalled or noted amounts are not approved: %s", (decision) => {
    expect(readDecisionRecord(page(decision), "t").amountApproved.value).toBeNull();
  });

  test("minutes written RESOLVED: (1) That …, with numbered resolutions", () => {
    const r = readDecisionRecord(
      "Cabinet considered the report on the Household Support Fund. RESOLVED: (1) That the report be noted. (2) That £1,250,000 be allocated to the Household Support Fund scheme for 1 April 2024 to 30 September 2024.",
      "minutes.txt",
    );
    expect(r.amountApproved.value).toBe(1250000);
    expect(r.decisionMaker.value).toBe("Cabinet");
    expect(r.status.value).toBe("Resolved");
    expect(r.statusKind).toBe("approved");
    expect(r.periodStart.value).toBe("2024-04-01");
    expect(r.periodEnd.value).toBe("2024-09-30");
    expect(r.title.value).toMatch(/^£1,250,000 be allocated/);
  });
});
