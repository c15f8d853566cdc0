import { readDecisionRecord } from "../../src/core/decisions/read";

/**
 * A record stating a date that names no calendar day: reported, and left blank rather than
 * guessed (a user trial found "31/02/2024" dropped without a word).
 */
const record = (dateLine: string) =>
  readDecisionRecord(
    `Decision details\nKD-2024-09 Library hubs\nDecision Maker: Cabinet\nDecision status: Approved\n${dateLine}\nDecision:\nTo approve £120,000 for library hubs.`,
    "hubs.txt",
  );

describe("a decision record with an impossible date", () => {
  test.each([
    ["Date of decision: 31/02/2024", "Date of decision", "31/02/2024"],
    ["Date of decision: 30 February 2024", "Date of decision", "30 February 2024"],
    ["Publication date: 29/02/2023", "Publication date", "29/02/2023"],
  ])("%s is reported naming the record and the text, and left blank", (line, label, text) => {
    const read = record(line);
    expect(read.warnings).toEqual([
      `KD-2024-09: ${label} "${text}" is not a real date; it is left blank`,
    ]);
    expect(read.dateOfDecision.value).toBeNull();
    expect(read.publicationDate.value).toBeNull();
  });

  test("a real 29 February is read, with no warning", () => {
    const read = record("Date of decision: 29/02/2024");
    expect(read.dateOfDecision.value).toBe("2024-02-29");
    expect(read.warnings).toEqual([]);
  });

  test("a later real date in the field is not taken in place of the impossible one", () => {
    const read = record("Date of decision: 31/02/2024 (published 03/03/2024)");
    expect(read.dateOfDecision.value).toBeNull();
    expect(read.warnings).toEqual([
      'KD-2024-09: Date of decision "31/02/2024" is not a real date; it is left blank',
    ]);
  });
});
