import { analyseWorkbook } from "../../src/core/analyse";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Money resting on decisions that give it no authority: one called in (not in force until the
 * call-in is resolved), one that approved no amount, a year after the decision's period, and a
 * reference the register holds on two rows (a variation adds to the original).
 */
const day = (y: number, m: number, d: number) => dateToSerial(y, m, d) as number;
const HEADER = [
  "Decision ref",
  "Title",
  "Status",
  "Date of decision",
  "Amount approved",
  "Period start",
  "Period end",
];

function analyse(decisions: (string | number | null)[][], lines: (string | number)[][]) {
  return analyseWorkbook(
    workbook(
      sheet("Decisions", [HEADER, ...decisions]),
      sheet("Allocations", [
        ["Workstream", "Decision ref", "2023-24", "2024-25", "2025-26"],
        ...lines,
      ]),
    ),
    { asOf: TODAY },
  );
}

const codes = (a: ReturnType<typeof analyse>) =>
  a.findings.map((f) => [f.code, f.sheet, f.cell, f.message]);

describe("money on decisions that do not authorise it", () => {
  test("a called-in decision is not in force: decision-not-approved says so", () => {
    const a = analyse(
      [["CAB/24/001", "Hubs", "Called in", day(2024, 1, 10), 50000, null, null]],
      [["Hub fit-out", "CAB/24/001", 0, 20000, 0]],
    );
    const f = a.findings.filter((x) => x.code === "decision-not-approved");
    expect(f.map((x) => x.cell)).toEqual(["B2"]);
    expect(f[0]?.message).toContain("called in");
  });

  test("a decision that approved no amount: over-approval with approved £0", () => {
    const a = analyse(
      [["CAB/24/002", "Direct award", "Agreed", day(2023, 3, 1), null, null, null]],
      [["Contract", "CAB/24/002", 150000, 0, 0]],
    );
    const over = a.findings.filter((x) => x.code === "over-approval");
    expect(over).toEqual([
      expect.objectContaining({
        cell: "C2",
        decision: "CAB/24/002",
        approved: 0,
        allocated: 150000,
      }),
    ]);
    expect(over[0]?.message).toContain("decision CAB/24/002 approved no amount");
  });

  test("money in a year after the decision's period ended is over its approval for that year", () => {
    const a = analyse(
      [
        [
          "CAB/24/003",
          "One-year grant",
          "Approved",
          day(2024, 2, 1),
          90000,
          day(2024, 4, 1),
          day(2025, 3, 31),
        ],
      ],
      [["Grant", "CAB/24/003", 0, 40000, 30000]],
    );
    const over = a.findings.filter((x) => x.code === "over-approval");
    expect(over.map((x) => [x.cell, x.year, x.approved])).toEqual([["E2", "2025/26", 0]]);
    expect(over[0]?.message).toContain("period ended on 31/03/2025");
  });

  test("a reference held twice: the amounts add up, and the register is warned (rows 2 and 3)", () => {
    const original = [
      "CAB/24/004",
      "Library refit",
      "Approved",
      day(2023, 3, 1),
      60000,
      null,
      null,
    ];
    const variation = ["CAB/24/004", "Variation", "Approved", day(2023, 9, 1), 40000, null, null];
    const within = analyse([original, variation], [["Refit", "CAB/24/004", 90000, 0, 0]]);
    expect(codes(within)).toEqual([
      [
        "duplicate-id",
        "Decisions",
        "A3",
        expect.stringContaining("held more than once in the register (rows 2 and 3)"),
      ],
    ]);
    const beyond = analyse([original, variation], [["Refit", "CAB/24/004", 110000, 0, 0]]);
    expect(beyond.findings.find((x) => x.code === "over-approval")).toEqual(
      expect.objectContaining({ approved: 100000, allocated: 110000 }),
    );
  });

  test("a record published one day late says 1 day, not 1 days", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("Decisions", [
          ["Decision ref", "Title", "Status", "Date of decision", "Publication date"],
          ["CAB/24/005", "Parks", "Approved", day(2024, 1, 10), day(2024, 1, 11)],
        ]),
      ),
      { asOf: TODAY, decisions: { latePublicationDays: 0 } },
    );
    expect(a.findings.find((f) => f.code === "late-publication")?.message).toContain(
      "published 1 day later",
    );
  });
});
