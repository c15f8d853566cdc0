import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { parse, tokenize } from "@borgar/fx";
import {
  evaluateFormula,
  isFormulaParseError,
  type FormulaValue,
} from "../../src/core/tables/formula-eval";

/**
 * The evaluator of council formulas saved without a value, against HyperFormula (an Excel-
 * compatible engine) as the oracle: for random formulas over a small grid of numbers, words and
 * empty cells, whatever ours computes HyperFormula computes too.
 */
const WORDS = ["Low", "Medium", "High", "Rare", "4 - Likely", "Major (4)"];

const cellValue = fc.oneof(
  fc.integer({ min: 0, max: 25 }),
  fc.constantFrom(...WORDS),
  fc.constant(null),
);
const grid = fc.array(fc.array(cellValue, { minLength: 3, maxLength: 3 }), {
  minLength: 3,
  maxLength: 3,
});

const ref = fc
  .tuple(fc.constantFrom("A", "B", "C"), fc.integer({ min: 1, max: 3 }))
  .map(([c, r]) => `${c}${r}`);
const range = fc.constantFrom("A1:A3", "B1:B3", "A2:C2", "C1:C3");
const literal = fc.oneof(
  fc.integer({ min: 0, max: 25 }).map(String),
  fc.constantFrom(...WORDS, "").map((w) => `"${w}"`),
);

const { expr } = fc.letrec<{ expr: string; num: string; cond: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ref,
    fc.integer({ min: 0, max: 25 }).map(String),
    fc
      .tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num"))
      .map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(ref, range).map(([r, g]) => `MATCH(${r},${g},0)`),
    fc.tuple(ref).map(([r]) => `VALUE(LEFT(${r},1))`),
    fc.tuple(tie("num"), tie("num"), tie("num")).map(([i, a, b]) => `CHOOSE(${i},${a},${b})`),
    fc.tuple(range, tie("num")).map(([g, i]) => `INDEX(${g},${i})`),
  ),
  cond: fc.oneof(
    fc
      .tuple(tie("expr"), fc.constantFrom("=", "<>", "<", ">", "<=", ">="), tie("expr"))
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(tie("cond"), tie("cond")).map(([a, b]) => `AND(${a},${b})`),
    fc.tuple(tie("cond"), tie("cond")).map(([a, b]) => `OR(${a},${b})`),
  ),
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("num"),
    literal,
    ref,
    fc.tuple(tie("cond"), tie("expr"), tie("expr")).map(([c, a, b]) => `IF(${c},${a},${b})`),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => `${a}&${b}`),
    fc.tuple(ref).map(([r]) => `MID(${r},FIND("(",${r})+1,1)`),
  ),
}));

/** The number functions totals and variance columns use, over the arithmetic above. */
const sums = fc.letrec<{ total: string }>((tie) => ({
  total: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ref,
    fc.integer({ min: -25, max: 25 }).map(String),
    fc.tuple(range, ref).map(([g, r]) => `SUM(${g},${r})`),
    fc.tuple(range).map(([g]) => `SUBTOTAL(9,${g})`),
    fc.tuple(tie("total")).map(([a]) => `ABS(${a}-12)`),
    fc.tuple(range, tie("total")).map(([g, a]) => `MIN(${g},${a})`),
    fc.tuple(ref, tie("total")).map(([r, a]) => `MAX(${r},${a})`),
    fc.tuple(tie("total")).map(([a]) => `ROUND(${a}/7,2)`),
    fc
      .tuple(tie("total"), fc.constantFrom("+", "-", "*", "/"), tie("total"))
      .map(([a, op, b]) => `(${a}${op}${b})`),
  ),
})).total;

/** HyperFormula's value in the shape ours gives: errors by their code. */
function oracle(rows: CellValue[][], formula: string): FormulaValue {
  const hf = HyperFormula.buildFromArray(
    rows.map((r) => [...r, null]).concat([[null, null, null, formula]]),
    { licenseKey: "gpl-v3" },
  );
  const v = hf.getCellValue({ sheet: 0, row: 3, col: 3 });
  hf.destroy();
  if (v !== null && typeof v === "object") return { error: "value" in v ? String(v.value) : "#?" };
  return v as FormulaValue;
}

function ours(rows: CellValue[][], formula: string): FormulaValue | undefined {
  const lookup = (_sheet: string, r: number, c: number): Cell | null =>
    rows[r]?.[c] === undefined || rows[r]?.[c] === null ? null : { value: rows[r]![c]! };
  return evaluateFormula(formula, "S", lookup);
}

describe("evaluateFormula", () => {
  it("reads a formula the parser refuses as not modelled, and only the parser's own error so", () => {
    expect(ours([[1]], "=SUM(A1,")).toBeUndefined();
    expect(ours([[1]], "=(A1")).toBeUndefined();
    let refused: unknown = null;
    try {
      parse(tokenize("=SUM(A1,", { allowTernary: false }), {});
    } catch (error) {
      refused = error;
    }
    expect(isFormulaParseError(refused)).toBe(true);
    // Another fault (a TypeError, a plain Error) is no parse error: it is rethrown, not hidden.
    expect(isFormulaParseError(new TypeError("x is undefined"))).toBe(false);
    expect(isFormulaParseError(new Error("Parse requires an array of tokens."))).toBe(false);
  });

  it("computes a register's own score and priority formulas", () => {
    const rows: CellValue[][] = [
      ["4 - Likely", "Major (4)", 3],
      ["Rare", "Likely", null],
      [2, 5, "High"],
    ];
    expect(ours(rows, "=A3*B3")).toBe(10);
    expect(ours(rows, '=VALUE(LEFT(A1,1))*VALUE(MID(B1,FIND("(",B1)+1,1))')).toBe(16);
    expect(ours(rows, '=IF(OR(A3="",B3=""),"",A3*B3)')).toBe(10);
    expect(ours(rows, '=IF(C2="","",C2*2)')).toBe("");
    expect(ours(rows, '=IF(A3*B3>=16,"High",IF(A3*B3>=5,"Medium","Low"))')).toBe("Medium");
    expect(ours(rows, '=MATCH(B2,{"Rare","Unlikely","Possible","Likely"},0)')).toBe(4);
    expect(ours(rows, "=MATCH(A2,A1:A3,0)*C1")).toBe(6);
    expect(ours(rows, "=INDEX(A1:C1,3)+CHOOSE(2,1,7)")).toBe(10);
    // Beyond the evaluator: not a guess.
    expect(ours(rows, "=VLOOKUP(A1,A1:C3,2,FALSE)")).toBeUndefined();
    expect(ours(rows, "=MATCH(3,C1:C3)")).toBeUndefined();
    expect(ours(rows, "=SUM(A:A)")).toBeUndefined();
  });

  it("reads structured references to a table and SUBTOTAL as Excel sums a totals row", () => {
    // Parks: header row 1, data rows 2–4 (row 3 hidden by a filter), totals row 5; A=Item, B=£.
    const rows: CellValue[][] = [
      ["Item", "£"],
      ["Trees", 100],
      ["Play", 40],
      ["Paths", "n/a"],
    ];
    const cells = (r: number, c: number): Cell | null => {
      if (r === 4 && c === 1) return { value: 999, formula: "=SUBTOTAL(109,Parks[£])" };
      const v = rows[r]?.[c];
      return v === undefined || v === null ? null : { value: v };
    };
    const table = {
      name: "Parks",
      firstRow: 0,
      firstColumn: 0,
      lastRow: 4,
      lastColumn: 1,
      showHeaders: true,
      showTotals: true,
      columns: ["Item", "£"],
    };
    const context = {
      table: (name: string) =>
        name === "PARKS" || name === "Parks" ? { sheet: "S", table } : undefined,
      hiddenRow: (_sheet: string, row: number) => row === 2,
    };
    const run = (formula: string, row?: number) =>
      evaluateFormula(formula, "S", (_s, r, c) => cells(r, c), { ...context, row });
    expect(run("=SUBTOTAL(109,Parks[£])")).toBe(100);
    expect(run("=SUBTOTAL(9,Parks[£])")).toBe(140);
    // A SUBTOTAL over a range holding another SUBTOTAL does not count it twice.
    expect(run("=SUBTOTAL(9,B2:B5)")).toBe(140);
    expect(run("=SUM(B2:B5)")).toBe(1139);
    expect(run("=Parks[[#This Row],[£]]*2", 1)).toBe(200);
    expect(run("=Parks[[#Totals],[£]]")).toBe(999);
    expect(run("=Parks[@Item]", 2)).toBe("Play");
    // Outside the table's rows, an unknown column or function number: not a guess.
    expect(run("=Parks[[#This Row],[£]]", 7)).toBeUndefined();
    expect(run("=SUM(Parks[Cost])")).toBeUndefined();
    expect(run("=SUBTOTAL(1,Parks[£])")).toBeUndefined();
  });

  it.each([
    ["register formulas", expr],
    ["totals and variances", sums],
  ])("agrees with HyperFormula wherever it gives a result (%s)", (_kind, formulas) => {
    fc.assert(
      fc.property(grid, formulas, (rows, body) => {
        const formula = `=${body}`;
        const mine = ours(rows, formula);
        if (mine === undefined) return;
        const theirs = oracle(rows, formula);
        if (typeof mine === "object" && mine !== null) {
          expect(theirs).toEqual(expect.objectContaining({ error: expect.any(String) }));
        } else if (typeof mine === "number" && typeof theirs === "number") {
          expect(theirs).toBeCloseTo(mine, 9);
        } else {
          expect(theirs).toEqual(mine);
        }
      }),
      { numRuns: 300 },
    );
  });
});
