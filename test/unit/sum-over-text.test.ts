import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell } from "../../src/core/snapshot";
import { textUnderSum } from "../../src/core/tables/sum-over-text";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { analyseProfile, buildProfile, line } from "../helpers/monthly-builder";

/**
 * Excel's SUM skips text: a full year or a funding total written as =SUM over a money cell typed
 * as text would change the council's figure, so a typed total over text is left as it is (the
 * text reported). Where there is no total, the written one is a live SUM showing what Excel's
 * SUM shows: a text amount is never silently made a number in a written result.
 */
const column = (a: ReturnType<typeof analyseProfile>, title: string) =>
  a.plan.operations.find((o): o is ColumnWrite => o.kind === "column" && o.title === title);

function profileWithText(text: string, fullYear: number) {
  const built = buildProfile({
    sections: [
      {
        heading: null,
        lines: [
          { ...line("A1", 120_000, 120_000), fullYear: 125_000 },
          { ...line("A2", 60_000, 60_000), fullYear },
        ],
        total: "Total",
      },
    ],
    varianceHeader: null,
  });
  const row = built.lineRows[0]?.[1] as number;
  const cells = built.sheet.rows[row] as (Cell | null)[];
  const december = built.firstMonth + 8;
  const meant = cells[december]?.value as number;
  cells[december] = { value: text.replace("#", String(meant)) };
  return { built, row, meant, december };
}

describe("a full year over a month typed as text", () => {
  it("over text that is no amount, the typed full year is left; other rows get their SUM", () => {
    const { built, row } = profileWithText("#O", 60_000);
    // "#O": the month's figure with a letter O after it, so no amount.
    const fullYear = column(analyseProfile(built), "Full year");
    const first = built.lineRows[0]?.[0] as number;
    expect(fullYear?.cells.map((c) => [c.row, c.formula, c.value])).toEqual([
      [first, `=SUM(D${first + 1}:O${first + 1})`, 120_000],
    ]);
    expect(fullYear?.cells.some((c) => c.row === row)).toBe(false);
  });

  it("over an amount typed as text, the typed full year is left as the council typed it", () => {
    const { built, row } = profileWithText("£#", 59_000);
    const a = analyseProfile(built);
    expect(column(a, "Full year")?.cells.some((c) => c.row === row)).toBe(false);
    expect(a.findings.some((x) => x.code === "number-as-text")).toBe(true);
  });

  it("a blank full year over an amount typed as text is a live SUM showing what Excel's SUM shows", () => {
    const { built, row, meant } = profileWithText("£#", 60_000);
    const cells = built.sheet.rows[row] as (Cell | null)[];
    cells[built.fullYear as number] = null;
    const cell = column(analyseProfile(built), "Full year")?.cells.find((c) => c.row === row);
    // SUM skips the text: the year shows £60,000 less December, never the text made a number.
    expect(cell).toEqual({ row, formula: `=SUM(D${row + 1}:O${row + 1})`, value: 60_000 - meant });
  });
});

describe("textUnderSum", () => {
  it("says what SUM would miss: nothing, an amount it reads, or text that is no amount", () => {
    const s = sheet("S", [[1, "-", "tbc", null, "£1,200", "8O,500"]]);
    expect(
      textUnderSum(
        s,
        [0, 1, 2, 3].map((c) => [0, c] as const),
      ),
    ).toBe("none");
    expect(
      textUnderSum(
        s,
        [0, 4].map((c) => [0, c] as const),
      ),
    ).toBe("read");
    expect(
      textUnderSum(
        s,
        [0, 4, 5].map((c) => [0, c] as const),
      ),
    ).toBe("unread");
    // A cell the plan itself fills holds no text once written.
    expect(textUnderSum(s, [[0, 5]], (_, c) => c === 5)).toBe("none");
  });
});

describe("a funding line total over text that is no amount", () => {
  const TOTAL = "=SUM(Grants[[#This Row],[2025/26 £]:[2026/27 £]])";
  const register = (flood: (string | number)[]) => [
    ["Grants register"],
    [],
    ["Grant ref", "Grant name", "2025/26 £", "2026/27 £", "Total £", "Grant officer"],
    ["G-1", "Public Health Grant", 300, 320, f(TOTAL, 620), "R. Osei"],
    ["G-2", "Better Care Grant", 180, 200, f(TOTAL, 380), "R. Osei"],
    ["G-3", "Flood defence", ...flood, "A. Kowalski"],
  ];
  const totalsWritten = (rows: ReturnType<typeof register>) =>
    analyseWorkbook(workbook(sheet("Register", rows)), { asOf: TODAY })
      .plan.operations.filter((o): o is ColumnWrite => o.kind === "column")
      .flatMap((o) => o.cells.map((c) => [o.title, c.row, c.formula]));

  it("gets its formula back over figures, and is left as typed over text that is no amount", () => {
    expect(totalsWritten(register([125, 125, 240]))).toEqual([["Total £", 5, "=SUM(C6:D6)"]]);
    expect(totalsWritten(register([125, "12O", 245]))).toEqual([]);
  });
});
