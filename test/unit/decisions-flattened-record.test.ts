import { EXCEL_CELL_CHARACTERS, registerValue } from "../../src/core/decisions/register-values";
import { readDecisionRecord } from "../../src/core/decisions/read";

/** A record that lost its line breaks: every field's text runs into the next label. */
const padding = "The board reviewed progress across every workstream and noted the risks. ".repeat(
  600,
);
const flattened = `Decision details Decision Maker: Executive Decision status: Approved ${padding}To approve £75,000 from the Community Fund. Date of decision: 01/02/2024`;

describe("a record flattened onto one line", () => {
  const record = readDecisionRecord(flattened, "flat.txt");

  test("the status is its word, not the passage after it", () => {
    expect(record.status.value).toBe("Approved");
    expect(record.statusKind).toBe("approved");
    expect(record.decisionMaker.value).toBe("Executive");
  });

  test("the passage still approves its amount", () => {
    expect(record.amountApproved.value).toBe(75000);
    expect(record.dateOfDecision.value).toBe("2024-02-01");
  });

  test("no register cell is written over Excel's 32,767 characters", () => {
    const long = {
      ...record,
      title: { value: `Youth hubs ${"x ".repeat(40000)}`, sentence: null },
    };
    const title = registerValue(long, "title");
    expect(typeof title).toBe("string");
    expect(String(title).length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    expect(String(title).startsWith("Youth hubs x x")).toBe(true);
  });
});
