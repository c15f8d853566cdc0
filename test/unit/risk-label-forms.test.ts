import { HyperFormula } from "hyperformula";
import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Likelihood and impact written as labels in every form check reads: the written score formula,
 * recalculated by HyperFormula, gives the score check gives, and a second apply adds nothing.
 */
const analyse = (...sheets: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const columns = (a: Analysis) =>
  a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");

function register(ratings: [CellValue, CellValue][]) {
  return sheet("Register", [
    ["Ref", "Risk", "Likelihood", "Impact"],
    ...ratings.map(([l, i], k) => [`R${k + 1}`, `Risk ${k + 1}`, l, i]),
    [],
    ["Rating: 1-4 Low | 5-9 Medium | 10-16 High"],
  ]);
}

/** Recalculates one written formula with HyperFormula over the row's two ratings. */
function recalculated(formula: string, row: number, l: CellValue, i: CellValue): unknown {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const id = hf.getSheetId(hf.addSheet("S")) as number;
  const rows: unknown[][] = Array.from({ length: row + 1 }, () => []);
  rows[row] = [null, null, l, i, formula];
  hf.setSheetContent(id, rows as never);
  const value = hf.getCellValue({ sheet: id, row, col: 4 });
  hf.destroy();
  return value;
}

describe("score formulas for every label form check reads", () => {
  const forms: [string, [CellValue, CellValue][], number[]][] = [
    [
      "word (n)",
      [
        ["Likely (3)", "Major (4)"],
        ["Almost certain (4)", "Minor (2)"],
      ],
      [12, 8],
    ],
    [
      "n - word",
      [
        ["3 - Likely", "4 - Major"],
        ["4 - Almost certain", "2 - Minor"],
      ],
      [12, 8],
    ],
    [
      "(n) word and word [n]",
      [
        ["(3) Likely", "Major [4]"],
        ["(4) Almost certain", "[2] Minor"],
      ],
      [12, 8],
    ],
    [
      "numbers as text beside labels",
      [
        ["3", "Major (4)"],
        [4, "2"],
      ],
      [12, 8],
    ],
  ];

  it.each(forms)("%s: check and the written formula agree", (_name, ratings, scores) => {
    const a = analyse(register(ratings));
    expect(a.findings.filter((x) => x.severity !== "info").map((x) => x.code)).toEqual([]);
    const [score, priority, ...rest] = columns(a);
    expect(rest).toEqual([]);
    expect(score?.title).toBe("Score");
    expect(priority?.title).toBe("Priority");
    expect(score?.cells.map((c) => c.value)).toEqual(scores);
    expect(priority?.cells.map((c) => c.value)).toEqual(["High", "Medium"]);
    score?.cells.forEach((cell, k) => {
      const [l, i] = ratings[k] ?? [null, null];
      expect(recalculated(cell.formula ?? "", cell.row, l, i)).toBe(scores[k]);
    });
  });

  it("reads 'Likely (3)' with the general formula, not a lookup", () => {
    const a = analyse(register([["Likely (3)", "Major (4)"]]));
    const formula = columns(a)[0]?.cells[0]?.formula ?? "";
    expect(formula).toContain('FIND("("');
    expect(formula).not.toContain("LEFT(TRIM(C2),1)))*");
    expect(formula).not.toContain("MATCH");
  });

  it("falls back to a lookup of the column's labels where the general formula cannot read one", () => {
    // A three-digit leading number: the general formula reads two digits, check reads all three.
    const ratings: [CellValue, CellValue][] = [
      ["100 - Certain", 2],
      ["3 - Likely", 1],
    ];
    const a = analyse(register(ratings));
    const score = columns(a)[0];
    expect(score?.cells[0]?.formula).toBe(
      '=IFERROR(IFERROR(VALUE(TRIM(C3)),CHOOSE(MATCH(TRIM(C3),{"100 - Certain","3 - Likely"},0),100,3))*' +
        "IFERROR(VALUE(TRIM(D3)),IF(ISNUMBER(-LEFT(TRIM(D3),1)),VALUE(LEFT(TRIM(D3),IF(ISNUMBER(-MID(TRIM(D3),2,1)),2,1)))," +
        'VALUE(MID(SUBSTITUTE(SUBSTITUTE(TRIM(D3),"[","("),"]",")"),FIND("(",SUBSTITUTE(SUBSTITUTE(TRIM(D3),"[","("),"]",")"))+1,' +
        'FIND(")",SUBSTITUTE(SUBSTITUTE(TRIM(D3),"[","("),"]",")"))-FIND("(",SUBSTITUTE(SUBSTITUTE(TRIM(D3),"[","("),"]",")"))-1)))),"")',
    );
    // 100 is off the 1–5 scale: that row's score is reported, not rewritten (issue 12, item 4).
    expect(score?.cells.map((c) => c.row)).toEqual([2]);
    score?.cells.forEach((cell) => {
      const [l, i] = ratings[cell.row - 1] ?? [null, null];
      expect(recalculated(cell.formula ?? "", cell.row, l, i)).toBe(cell.value);
    });
    expect(score?.cells.map((c) => c.value)).toEqual([3]);
  });
});

describe("a second apply over 'Likely (3)' labels", () => {
  it("finds the written score and priority right and writes nothing more", () => {
    const ratings: [CellValue, CellValue][] = [
      ["Likely (3)", 4],
      ["Almost certain (4)", 4],
    ];
    const first = columns(analyse(register(ratings)));
    const [score, priority] = first;
    const applied = sheet("Register", [
      ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
      ...ratings.map(([l, i], k) => [
        `R${k + 1}`,
        `Risk ${k + 1}`,
        l,
        i,
        f(score?.cells[k]?.formula ?? "", score?.cells[k]?.value ?? null),
        f(priority?.cells[k]?.formula ?? "", priority?.cells[k]?.value ?? null),
      ]),
      [],
      ["Rating: 1-4 Low | 5-9 Medium | 10-16 High"],
    ]);
    expect(score?.cells.map((c) => c.value)).toEqual([12, 16]);
    const again = analyse(applied);
    expect(again.findings.filter((x) => x.severity !== "info")).toEqual([]);
    expect(columns(again)).toEqual([]);
  });
});
