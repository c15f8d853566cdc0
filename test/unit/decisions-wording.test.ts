import { readFileSync } from "node:fs";
import { DecisionImportError, planDecisionImport } from "../../src/core/decisions/import";
import { htmlToText } from "../../src/core/decisions/html-text";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { workbook, sheet } from "../helpers/builders";

/**
 * Wording a user met in real records (reported from trying the decisions feature): minutes
 * resolving in lower case or numbered items, history recalled in the discussion, page chrome in
 * saved HTML, titles opening with words that look like codes, savings and earlier figures beside
 * the approval.
 */

const SEEDS = `${__dirname}/../../../shared/seeds`;

const page = (title: string, decision: string) =>
  `Decision details\n\n${title}\n\nDecision Maker: Cabinet\n\nDecision status: Approved\n\nIs Key decision?: No\n\nDecision:\n\n${decision}\n\nPublication date: 10/11/2023\n\nDate of decision: 09/11/2023\n\nAccompanying Documents:`;

describe("minutes: the resolution decides", () => {
  test("status comes from the resolution, not from history recalled in the discussion", () => {
    const r = readDecisionRecord(
      "Cabinet considered a revised bid for the Youth Hub. Members recalled that the original proposal had been rejected in 2022 and that a decision on the site had been deferred.\nResolved –\n(a) That a grant of £300,000 be awarded to the Youth Trust for 2024/25.\n(b) That the report be noted.\n",
      "m.txt",
    );
    expect(r.statusKind).toBe("approved");
    expect(r.status.value).toBe("Resolved");
    expect(r.amountApproved.value).toBe(300000);
    expect(r.title.value).toBe("A grant of £300,000 be awarded to the Youth Trust for 2024/25.");
  });

  test("a resolution deferring or refusing the matter sets the status, and approves nothing", () => {
    const deferred = readDecisionRecord(
      "Resolved –\n(a) That consideration of the award of £300,000 to the Trust be deferred to the next meeting.\n",
      "d.txt",
    );
    expect(deferred.statusKind).toBe("deferred");
    const refused = readDecisionRecord(
      "Resolved –\n(a) That the proposal to award £300,000 to the Trust be not approved.\n",
      "r.txt",
    );
    expect(refused.statusKind).toBe("rejected");
    expect(refused.amountApproved.value).toBeNull();
  });

  test('"RESOLVED – that …" in lower case and "RESOLVED:" with numbered items are resolutions', () => {
    const lower = readDecisionRecord(
      "Cabinet – 13 March 2023\n\nThe Cabinet considered a report on the Holiday Activities Programme.\n\nRESOLVED – that a grant of £150,000 be awarded to Sport Rotherham for 2023/24.\n",
      "l.txt",
    );
    expect(lower.amountApproved.value).toBe(150000);
    expect(lower.amountYear).toBe("2023/24");
    expect(lower.title.value).toBe(
      "A grant of £150,000 be awarded to Sport Rotherham for 2023/24.",
    );
    const numbered = readDecisionRecord(
      "Cabinet – 13 March 2023\n\nThe Cabinet considered a report.\n\nRESOLVED:\n1. That the report be noted.\n2. That a grant of £150,000 be awarded to Sport Rotherham for the period 1 April 2023 to 31 March 2024.\n",
      "n.txt",
    );
    expect(numbered.amountApproved.value).toBe(150000);
    expect(numbered.title.value).toMatch(/^A grant of £150,000 be awarded to Sport Rotherham/);
    expect([numbered.periodStart.value, numbered.periodEnd.value]).toEqual([
      "2023-04-01",
      "2024-03-31",
    ]);
  });

  test("a board report is not a decision record: no status guessed from its narrative, no title", () => {
    const file = "003_1b67e2437aef75d7.txt";
    const text = readFileSync(`${SEEDS}/${file}`, "utf8");
    // The report recalls that "the Board rejected a proposal": history, not this document's decision.
    expect(text).toMatch(/Board rejected a proposal/);
    const r = readDecisionRecord(text, file);
    expect(r.status.value).toBeNull();
    expect(r.statusKind).toBe("unknown");
    expect(r.title.value).toBeNull();
    // Importing it is refused with a clear message rather than writing a blank row.
    expect(() => planDecisionImport(workbook(sheet("Notes", [["x"]])), [r])).toThrow(
      new DecisionImportError(
        "not-a-record",
        `${file} does not read as a decision record: no reference, title, decision maker, status or date of decision found`,
      ),
    );
  });
});

describe("decision pages: reference and title", () => {
  test("a <title> and breadcrumbs before Decision details neither hide the reference nor join the title", () => {
    const html = `<!DOCTYPE html><html><head><title>Decision - AHWB.012.2021</title></head><body><div id="nav">Home &gt; Decisions</div>Decision details<br><br>AHWB.012.2021 BCF Funded Leadership Capacity Extension<br><br>Decision Maker: Director of Adults<br><br>Decision status: Recommendations Approved<br><br>Date of decision: 30/03/2021</body></html>`;
    const r = readDecisionRecord(htmlToText(html), "rec.html");
    expect(r.reference.value).toBe("AHWB.012.2021");
    expect(r.title.value).toBe("BCF Funded Leadership Capacity Extension");
    // The same page with the breadcrumb glued to the heading.
    const glued = readDecisionRecord(
      "Decision - AHWB.012.2021Decision details AHWB.012.2021 BCF Funded Leadership Capacity Extension Decision Maker: Director of Adults",
      "t.txt",
    );
    expect(glued.reference.value).toBe("AHWB.012.2021");
    expect(glued.title.value).toBe("BCF Funded Leadership Capacity Extension");
  });

  test("the first word of a title is not taken for a reference", () => {
    for (const title of [
      "COVID-19 Additional Relief Fund - allocation of grants",
      "S106 Contributions - Play area improvements at Hillside Park",
      "A629 Halifax Road junction improvements",
    ]) {
      const r = readDecisionRecord(page(title, "To approve £10,000."), "t");
      expect([r.reference.value, r.title.value]).toEqual([null, title]);
    }
    // Codes still are: letters and figures with separators.
    for (const [title, ref] of [
      ["AHWB.012.2021 Leadership capacity", "AHWB.012.2021"] as const,
      ["CAB/2024/017 Youth Hub", "CAB/2024/017"],
      ["ROT-CAB-2023-03 Procurement", "ROT-CAB-2023-03"],
      ["E3393 Community services", "E3393"],
    ])
      expect(readDecisionRecord(page(title, "To note."), "t").reference.value).toBe(ref);
  });
});

describe("decision pages: which figure is approved", () => {
  test("savings named after the figure are never approvals", () => {
    for (const decision of [
      "To approve £1.2m of savings proposals for 2024/25 as set out in Appendix A.",
      "To agree £750,000 savings from the transformation programme.",
    ]) {
      const r = readDecisionRecord(page("Budget savings", decision), "t");
      expect(r.amountApproved.value).toBeNull();
      expect(r.otherAmounts.map((m) => m.role)).toEqual(["savings"]);
    }
  });

  test("an earlier allocation in the same sentence is context; the further sum is approved", () => {
    const r = readDecisionRecord(
      page(
        "Towns Fund",
        "Noting the previous allocation of £2m approved by Cabinet in July 2022 (Ref: CAB/2022/041), to approve a further £500,000 for the scheme.",
      ),
      "t",
    );
    expect(r.amountApproved.value).toBe(500000);
    expect(r.otherAmounts).toEqual([expect.objectContaining({ amount: 2000000, role: "context" })]);
  });

  test("numbered approvals add up", () => {
    const r = readDecisionRecord(
      page(
        "Two approvals",
        "1. To approve £200,000 for the youth service.\n2. To approve £50,000 for the library service.",
      ),
      "t",
    );
    expect(r.amountApproved.value).toBe(250000);
    expect(r.amountStatement).toMatch(
      /^£250,000(\.00)? approved in 2 items: £200,000 .*; £50,000 /,
    );
  });

  test('"be not approved" is not an approval', () => {
    const r = readDecisionRecord(
      page("Grant request", "That the proposal to award £300,000 to the Trust be not approved."),
      "t",
    );
    expect(r.amountApproved.value).toBeNull();
  });
});
