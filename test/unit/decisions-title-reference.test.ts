import { readDecisionRecord } from "../../src/core/decisions/read";

/**
 * A title carrying the decision's reference ("REF-9 …", "… (KD-2024-09)", "Decision 2024/015: …")
 * gives the reference where the record labels none.
 */
const record = (titleLine: string, more = "") =>
  readDecisionRecord(
    `Decision details\n${titleLine}\n${more}Decision Maker: Cabinet\nDecision status: Approved\nDate of decision: 15/02/2024\nDecision:\nTo approve £120,000 for library hubs.`,
    "hubs.txt",
  );

describe("a reference in the title", () => {
  test.each([
    ["REF-9 Library hubs", "REF-9", "Library hubs"],
    ["Library hubs (KD-2024-09)", "KD-2024-09", "Library hubs (KD-2024-09)"],
    ["Decision 2024/015: Library hubs", "2024/015", "Library hubs"],
    ["Library hubs – Decision 2024/015", "2024/015", "Library hubs – Decision 2024/015"],
  ])("%s gives reference %s and title %s", (line, reference, title) => {
    const read = record(line);
    expect(read.reference.value).toBe(reference);
    expect(read.title.value).toBe(title);
  });

  test("a reference the record labels is kept over the title's", () => {
    expect(record("Library hubs (KD-2024-09)", "Reference: CAB/24/031\n").reference.value).toBe(
      "CAB/24/031",
    );
  });

  test("a disease's name is not a reference", () => {
    const read = record("COVID-19 recovery grants");
    expect(read.reference.value).toBeNull();
    expect(read.title.value).toBe("COVID-19 recovery grants");
  });
});
