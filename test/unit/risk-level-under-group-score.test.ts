import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * "Level" under a group label ("Inherent risk" / "Residual risk" over Likelihood | Impact | Level)
 * holding numbers 1-25, typed or `=L*I`, is the pair's score, not its priority, whether the group
 * is merged or typed once, over two header rows or three (a "(L x I)" note under Level), with a
 * band-word column beside it ("Rating", "Priority", "RAG") or none. A band-word column beside
 * it is the priority, kept and checked; without one, a priority column is added (issue 12).
 */
const LINES: [number, number][] = [
  [4, 5],
  [2, 3],
  [3, 3],
  [1, 2],
  [5, 5],
];
const residualOf = ([l, i]: [number, number]): [number, number] => [
  Math.max(1, l - 1),
  Math.max(1, i - 1),
];
const band = (s: number) => (s >= 15 ? "High" : s >= 5 ? "Medium" : "Low");
const letter = (c: number) => String.fromCharCode(65 + c);

interface Layout {
  merged: boolean;
  three: boolean;
  formula: boolean;
  rating: string | null;
}

/**
 * Title in row 1, groups in row 3, sub-headers in row 4 (and notes in row 5). Planted: the fourth
 * line's inherent rating says High for 1 × 2 = 2; typed, the third line's residual Level is 5 for
 * 2 × 2 = 4.
 */
function register({ merged, three, formula, rating }: Layout) {
  const sub = ["Likelihood", "Impact", "Level", ...(rating ? [rating] : [])];
  const w = sub.length;
  const gap = Array<null>(w - 1).fill(null);
  const rows: Entry[][] = [
    ["Corporate risk register"],
    [],
    ["Ref", "Risk", "Inherent risk", ...gap, "Residual risk", ...gap, "Owner"],
    [null, null, ...sub, ...sub, null],
  ];
  const note = sub.map((s) => (s === "Level" ? "(L x I)" : null));
  if (three) rows.push([null, null, ...note, ...note, null]);
  const first = rows.length + 1;
  LINES.forEach((line, k) => {
    const r = first + k;
    const row: Entry[] = [`R${k + 1}`, `Risk ${k + 1}`];
    for (const [g, [l, i]] of [line, residualOf(line)].entries()) {
      const at = 2 + g * w;
      const typed = k === 2 && g === 1 ? l * i + 1 : l * i;
      row.push(l, i, formula ? f(`=${letter(at)}${r}*${letter(at + 1)}${r}`, l * i) : typed);
      if (rating) row.push(k === 3 && g === 0 ? "High" : band(l * i));
    }
    rows.push([...row, "J Smith"]);
  });
  rows.push([], ["Key: 1-4 Low | 5-12 Medium | 15-25 High"]);
  const bottom = three ? 5 : 4;
  const merges = merged
    ? [
        `A3:A${bottom}`,
        `B3:B${bottom}`,
        `C3:${letter(1 + w)}3`,
        `${letter(2 + w)}3:${letter(1 + 2 * w)}3`,
      ]
    : [];
  return { rows: sheet("Risks", rows, { merges }), first, w };
}

const writes = (a: Analysis) =>
  (a.plan.operations as ColumnWrite[])
    .filter((o) => o.kind === "column")
    .map((o) => ({
      column: letter(o.column),
      header: o.header?.text ?? null,
      values: o.cells.map((c): [number, CellValue] => [c.row + 1, c.value]),
    }))
    .sort((x, y) => x.column.localeCompare(y.column));

const layouts: Layout[] = [];
for (const merged of [true, false])
  for (const three of [false, true])
    for (const formula of [true, false])
      for (const rating of [null, "Rating", "Priority", "RAG"])
        layouts.push({ merged, three, formula, rating });

const title = (l: Layout) =>
  `${l.merged ? "merged" : "typed once"}, ${l.three ? 3 : 2} header rows, Level ${
    l.formula ? "=L*I" : "typed"
  }, ${l.rating ?? "no band column"}`;

describe('"Level" of numbers under a group label', () => {
  it.each(layouts.map((l) => [title(l), l] as const))("%s: the score", (_t, layout) => {
    const { rows, first, w } = register(layout);
    const a = analyseWorkbook(workbook(rows), { asOf: TODAY });
    const [inherent, residual] = [2, 2 + w];
    const last = 2 + 2 * w;
    const rating = layout.rating !== null;
    expect(a.tables).toHaveLength(1);
    expect(a.tables[0]).toMatchObject({
      kind: "risk-register",
      range: `A3:${letter(last)}${first + LINES.length - 1}`,
      headerRows: layout.three ? [3, 4, 5] : [3, 4],
      pairs: ["inherent", "residual"],
      columns: {
        owner: letter(last),
        inherentScore: letter(inherent + 2),
        residualScore: letter(residual + 2),
        ...(rating
          ? { inherentPriority: letter(inherent + 3), residualPriority: letter(residual + 3) }
          : {}),
      },
    });
    const expected: [string, string, string][] = [];
    if (!layout.formula)
      expected.push([
        "score-mismatch",
        `${letter(residual + 2)}${first + 2}`,
        "Residual score is 5 but residual likelihood 2 × residual impact 2 = 4",
      ]);
    if (rating)
      expected.push([
        "priority-mismatch",
        `${letter(inherent + 3)}${first + 3}`,
        'Inherent priority is "High" but score 2 is in band 1-4 Low',
      ]);
    expect(
      a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]),
    ).toEqual(expected);

    // Typed scores become the rule's formula; the band words are rewritten by the rule, or a
    // priority column is added past Owner: never over the Level of numbers.
    const rowsOf = LINES.map((_, k) => first + k);
    const scores = (line: (l: [number, number]) => [number, number]) =>
      rowsOf.map((r, k): [number, CellValue] => [r, line(LINES[k]!).reduce((x, y) => x * y)]);
    const bands = (line: (l: [number, number]) => [number, number]) =>
      scores(line).map(([r, s]): [number, CellValue] => [r, band(s as number)]);
    const same = (l: [number, number]) => l;
    const expectedWrites = [
      ...(layout.formula
        ? []
        : [
            { column: letter(inherent + 2), header: null, values: scores(same) },
            { column: letter(residual + 2), header: null, values: scores(residualOf) },
          ]),
      rating
        ? { column: letter(inherent + 3), header: null, values: bands(same) }
        : { column: letter(last + 1), header: "Inherent priority", values: bands(same) },
      rating
        ? { column: letter(residual + 3), header: null, values: bands(residualOf) }
        : { column: letter(last + 2), header: "Residual priority", values: bands(residualOf) },
    ].sort((x, y) => x.column.localeCompare(y.column));
    expect(writes(a)).toEqual(expectedWrites);
  });

  it('"Risk" / "level" stacked in the inherent block, a formula column: the score', () => {
    const rows: Entry[][] = [
      ["Service risk register"],
      [],
      ["Ref", "Risk", "Inherent risk", null, null, "Residual risk", null, null, null, "Owner"],
      [null, null, "Likelihood", "Impact", "Risk", "Likelihood", "Impact", "Risk", "Rating", null],
      [null, null, null, null, "level", null, null, "level", null, null],
    ];
    LINES.forEach((line, k) => {
      const r = rows.length + 1;
      const [rl, ri] = residualOf(line);
      const rating = k === 0 ? "Low" : band(rl * ri);
      rows.push([
        `R${k + 1}`,
        `Risk ${k + 1}`,
        line[0],
        line[1],
        f(`=C${r}*D${r}`, line[0] * line[1]),
      ]);
      rows[rows.length - 1]!.push(rl, ri, f(`=F${r}*G${r}`, rl * ri), rating, "J Smith");
    });
    rows.push([], ["Key: 1-4 Low | 5-12 Medium | 15-25 High"]);
    const merges = ["A3:A5", "B3:B5", "C3:E3", "F3:I3", "J3:J5"];
    const a = analyseWorkbook(workbook(sheet("Risks", rows, { merges })), { asOf: TODAY });
    expect(a.tables[0]).toMatchObject({
      range: "A3:J10",
      headerRows: [3, 4, 5],
      columns: {
        inherentScore: "E",
        residualScore: "H",
        residualPriority: "I",
        owner: "J",
      },
    });
    expect(a.tables[0]).not.toHaveProperty("columns.inherentPriority");
    expect(
      a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]),
    ).toEqual([
      ["priority-mismatch", "I6", 'Residual priority is "Low" but score 12 is in band 5-12 Medium'],
    ]);
    const rowsOf = LINES.map((_, k) => 6 + k);
    expect(writes(a)).toEqual([
      {
        column: "I",
        header: null,
        values: rowsOf.map((r, k) => [r, band(residualOf(LINES[k]!).reduce((x, y) => x * y))]),
      },
      {
        column: "K",
        header: "Inherent priority",
        values: rowsOf.map((r, k) => [r, band(LINES[k]![0] * LINES[k]![1])]),
      },
    ]);
  });
  it('"Score" and "Level" both of numbers, no band words: Level is no priority', () => {
    const rows: Entry[][] = [
      ["Ref", "Risk", "Residual risk", null, null, null, "Owner"],
      [null, null, "Likelihood", "Impact", "Score", "Level", null],
    ];
    LINES.forEach(([l, i], k) => {
      const r = rows.length + 1;
      rows.push([`R${k + 1}`, `Risk ${k + 1}`, l, i, f(`=C${r}*D${r}`, l * i), l * i, "J Smith"]);
    });
    rows.push([], ["Key: 1-4 Low | 5-12 Medium | 15-25 High"]);
    const s = sheet("Risks", rows, { merges: ["A1:A2", "B1:B2", "C1:F1", "G1:G2"] });
    const a = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(a.tables[0]).toMatchObject({
      range: "A1:G7",
      columns: { residualScore: "E", owner: "G" },
    });
    expect(a.tables[0]).not.toHaveProperty("columns.residualPriority");
    // No "convention not understood" warning over the Level; the priority is added past Owner.
    expect(a.findings.filter((x) => x.severity !== "info")).toEqual([]);
    expect(writes(a)).toEqual([
      {
        column: "H",
        header: "Residual priority",
        values: LINES.map(([l, i], k) => [3 + k, band(l * i)]),
      },
    ]);
  });
});
