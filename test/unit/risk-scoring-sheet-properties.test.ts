import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { wordScaleLists } from "../../src/core/tables/keys";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Generated scoring sheets in the one-table layout (a Score column anywhere beside Likelihood and
 * Impact columns of the council's own words): every one maps the words to their numbers, is never
 * a register and is never written; the register scored by it is computed from those numbers.
 */
const POOL = [
  "Remote",
  "Unlikely",
  "Possible",
  "Probable",
  "Highly probable",
  "Negligible",
  "Low",
  "Medium",
  "High",
  "Severe",
  "Slight",
  "Notable",
  "Grave",
  "Seldom",
  "Often",
];

const scoringSheet = fc
  .record({
    n: fc.integer({ min: 3, max: 5 }),
    words: fc.shuffledSubarray(POOL, { minLength: 10, maxLength: 10 }),
    order: fc.constantFrom(
      ["Score", "Likelihood", "Impact"],
      ["Likelihood", "Impact", "Score"],
      ["Likelihood", "Score", "Impact"],
      ["Impact", "Likelihood", "Score"],
    ),
  })
  .map(({ n, words, order }) => ({
    n,
    order,
    likelihood: words.slice(0, n),
    impact: words.slice(5, 5 + n),
  }));

describe("generated one-table scoring sheets", () => {
  it("map each axis's words to 1..n, are no register and are never written", () => {
    fc.assert(
      fc.property(
        scoringSheet,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 8 }),
        ({ n, order, likelihood, impact }, picks) => {
          const column = (name: string, k: number): CellValue =>
            name === "Score" ? k + 1 : name === "Likelihood" ? likelihood[k]! : impact[k]!;
          const scoring: CellValue[][] = [
            ["Scoring"],
            [...order],
            ...Array.from({ length: n }, (_, k) => order.map((name) => column(name, k))),
          ];
          const lists = wordScaleLists(sheet("Scoring", scoring));
          const mapping = (words: string[]) => words.map((w, k) => [w.toLowerCase(), k + 1]);
          // Each axis's list is found under its heading, left to right as the sheet has them.
          expect(lists.map((l) => [l.axis, [...l.scale]])).toEqual(
            order
              .filter((name) => name !== "Score")
              .map((name) =>
                name === "Likelihood"
                  ? ["likelihood", mapping(likelihood)]
                  : ["impact", mapping(impact)],
              ),
          );
          const rows = picks.map(([a, b], k) => [
            `R${k + 1}`,
            `Risk ${k + 1}`,
            likelihood[a % n]!,
            impact[b % n]!,
          ]);
          const register: CellValue[][] = [
            ["Ref", "Risk", "Likelihood", "Impact", "Score"],
            ...rows,
          ];
          const a = analyseWorkbook(workbook(sheet("Risks", register), sheet("Scoring", scoring)), {
            asOf: TODAY,
          });
          expect(a.tables.map((t) => t.sheet)).toEqual(["Risks"]);
          expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
          const score = (a.plan.operations as ColumnWrite[]).find(
            (o) => o.kind === "column" && o.sheet === "Risks" && o.column === 4,
          );
          expect(score?.cells.map((c) => c.value)).toEqual(
            picks.map(([x, y]) => ((x % n) + 1) * ((y % n) + 1)),
          );
          expect(a.plan.operations.filter((o) => o.sheet === "Scoring")).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
