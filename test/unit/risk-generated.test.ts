import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { cellAddress } from "../../src/core/a1";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Generated registers in the layouts councils keep — grouped or flat headers, spacer columns,
 * one to three pairs, numbers or words, a key in one cell under the table — with errors planted
 * at random: the core finds exactly the planted ones.
 */
const PAIRS = ["Inherent", "Residual", "Target"] as const;
const LIKELIHOOD_WORDS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT_WORDS = ["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"];
const BANDS = {
  4: {
    key: "RAG: 1-3 Green, 4-6 Amber, 8-16 Red",
    bands: [
      [1, "Green"],
      [4, "Amber"],
      [8, "Red"],
    ],
  },
  5: {
    key: "Rating: 1-4 Low | 5-12 Medium | 15-25 High",
    bands: [
      [1, "Low"],
      [5, "Medium"],
      [15, "High"],
    ],
  },
} as const;

type Plant = "none" | "score" | "priority" | "out-of-range" | "missing";

interface Spec {
  scale: 4 | 5;
  pairs: number;
  grouped: boolean;
  spacer: boolean;
  words: boolean;
  rows: { l: number; i: number; plant: Plant }[][];
}

function band(scale: 4 | 5, score: number): string {
  let label = "";
  for (const [from, name] of BANDS[scale].bands) if (score >= from) label = name;
  return label;
}

function build(spec: Spec): { rows: CellValue[][]; merges: string[]; planted: string[] } {
  const width = 4 + (spec.spacer ? 1 : 0);
  const words = spec.words && spec.scale === 5;
  const top: CellValue[] = ["Ref", "Risk"];
  const sub: CellValue[] = [null, null];
  const merges: string[] = [];
  const headerRows = spec.grouped ? 2 : 1;
  for (let p = 0; p < spec.pairs; p++) {
    const name = PAIRS[p] ?? "Inherent";
    const first = top.length;
    const fields = ["Likelihood", "Impact", "Score", "Rating"];
    if (spec.grouped) {
      top.push(`${name} risk`, null, null, null);
      sub.push(...fields);
      merges.push(`${cellAddress(0, first)}:${cellAddress(0, first + 3)}`);
    } else {
      top.push(...fields.map((f) => `${name} ${f.toLowerCase()}`));
    }
    if (spec.spacer && p < spec.pairs - 1) {
      top.push(null);
      sub.push(null);
    }
  }
  if (spec.grouped) merges.push("A1:A2", "B1:B2");
  const rows: CellValue[][] = spec.grouped ? [top, sub] : [top];
  const planted: string[] = [];
  spec.rows.forEach((pairs, k) => {
    const r = headerRows + k;
    const row: CellValue[] = [`R${k + 1}`, `Risk ${k + 1}`];
    pairs.slice(0, spec.pairs).forEach((v, p) => {
      const at = 2 + p * width;
      const score = v.l * v.i;
      let l: CellValue = words ? (LIKELIHOOD_WORDS[v.l - 1] ?? null) : v.l;
      let i: CellValue = words ? (IMPACT_WORDS[v.i - 1] ?? null) : v.i;
      let stated: CellValue = score;
      let rating: CellValue = band(spec.scale, score);
      if (v.plant === "score") {
        stated = score + 1;
        planted.push(`score-mismatch@${cellAddress(r, at + 2)}`);
      } else if (v.plant === "priority") {
        rating = rating === "Low" || rating === "Green" ? "High" : "Low";
        if (spec.scale === 4) rating = rating === "High" ? "Red" : "Green";
        planted.push(`priority-mismatch@${cellAddress(r, at + 3)}`);
      } else if (v.plant === "out-of-range" && !words) {
        l = spec.scale + 1;
        stated = (spec.scale + 1) * v.i;
        rating = band(spec.scale, stated);
        planted.push(`out-of-range@${cellAddress(r, at)}`);
      } else if (v.plant === "missing") {
        i = null;
        stated = null;
        rating = null;
        planted.push(`missing-value@${cellAddress(r, at + 1)}`);
      }
      row[at] = l;
      row[at + 1] = i;
      row[at + 2] = stated;
      row[at + 3] = rating;
    });
    rows.push(row);
  });
  rows.push([], [BANDS[spec.scale].key]);
  return { rows, merges, planted };
}

const specs = fc
  .record({
    scale: fc.constantFrom(4 as const, 5 as const),
    pairs: fc.integer({ min: 1, max: 3 }),
    grouped: fc.boolean(),
    spacer: fc.boolean(),
    words: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      ...Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.constant(v)])),
      rows: fc.array(
        fc.array(
          fc.record({
            l: fc.integer({ min: 1, max: shape.scale }),
            i: fc.integer({ min: 1, max: shape.scale }),
            plant: fc.constantFrom<Plant>(
              "none",
              "none",
              "none",
              "score",
              "priority",
              "out-of-range",
              "missing",
            ),
          }),
          { minLength: 3, maxLength: 3 },
        ),
        { minLength: 3, maxLength: 12 },
      ),
    }),
  ) as fc.Arbitrary<Spec>;

describe("generated registers", () => {
  it("have exactly their planted errors found", () => {
    fc.assert(
      fc.property(specs, (spec) => {
        // A register needs a valid rating on some row to show its scale; keep row 1 clean.
        spec.rows[0] = (spec.rows[0] ?? []).map((v) => ({ ...v, plant: "none" as const }));
        // At most two wrong scores or ratings per column: a column wrong on most of its lines
        // is taken as misread (one warning, tables/suspect-columns.ts), tested on its own there.
        for (const plant of ["score", "priority"] as const)
          for (let p = 0; p < spec.pairs; p++) {
            let seen = 0;
            for (const row of spec.rows) {
              const cell = row[p];
              if (cell?.plant === plant && ++seen > 2) row[p] = { ...cell, plant: "none" };
            }
          }
        const { rows, merges, planted } = build(spec);
        const analysis = analyseWorkbook(workbook(sheet("Register", rows, { merges })), {
          asOf: TODAY,
        });
        const errors = analysis.findings
          .filter((f) => f.severity === "error")
          .map((f) => `${f.code}@${f.cell}`)
          .sort();
        expect(errors).toEqual([...planted].sort());
        expect(analysis.tables.map((t) => t.kind)).toEqual(["risk-register"]);
      }),
      { numRuns: 150 },
    );
  });
});
