import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/**
 * Registers laid out as councils lay them out, each built here with one trait of the new-user
 * trial (issue 12): group labels naming the before/after pair in other words, keys as small
 * tables or lines under the table, three-point word scales, ratings off the scale.
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
/** What apply writes: "column letter → [Excel row, value]" for every written column. */
const written = (ops: readonly unknown[]) =>
  Object.fromEntries(
    (ops as ColumnWrite[])
      .filter((o) => o.kind === "column")
      .map((o) => [
        String.fromCharCode(65 + o.column),
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

describe("group labels that name the before/after pair in other words", () => {
  const KEY = "Rating: 1-4 Low | 5-9 Medium | 10-16 High | 20-25 Very high";
  const groups: [string, string, string, string][] = [
    ["Before controls", "After controls", "inherent", "residual"],
    ["Pre-mitigation", "Post-mitigation", "inherent", "residual"],
    ["Gross", "Net", "inherent", "residual"],
    ["Untreated", "Treated", "inherent", "residual"],
    ["Current", "Target", "current", "target"],
    ["Without controls", "With existing controls", "inherent", "residual"],
  ];
  it.each(groups)(
    "%s / %s are two pairs, each rating checked against its own score",
    (a, b, p, q) => {
      const rows: CellValue[][] = [
        ["Ref", a, null, null, b, null, null, null],
        [null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Rating"],
        ["R1", 5, 4, 20, 2, 2, 4, "Low"],
        ["R2", 4, 4, 16, 3, 1, 3, "Low"],
        ["R3", 4, 3, 12, 3, 2, 6, "Low"],
        [],
        [KEY],
      ];
      const a1 = analyse(sheet("Risks", rows, { merges: ["A1:A2", "B1:D1", "E1:H1"] }));
      // Only R3's after-controls rating is wrong: 3 × 2 = 6 is Medium.
      expect(brief(a1.findings)).toEqual(["priority-mismatch@Risks!H5"]);
      expect(a1.findings[0]).toMatchObject({ expected: "Medium", actual: "Low" });
      expect(a1.tables[0]).toMatchObject({ pairs: [p, q] });
      const out = written(a1.plan.operations);
      expect(out.H).toEqual([
        [3, "Low"],
        [4, "Low"],
        [5, "Medium"],
      ]);
      expect(out.D?.map(([, v]) => v)).toEqual([20, 16, 12]);
    },
  );
});

describe("a rating off the scale", () => {
  it("is reported, and its row's score and priority are neither checked nor rewritten", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
      ["R1", "A", 2, 3, 6, "Medium"],
      ["R2", "B", 6, 4, 24, "Very high"],
      ["R3", "C", 1, 0, 0, "Low"],
      [],
      ["Rating: 1-4 Low | 5-9 Medium | 10-16 High | 20-25 Very high"],
    ];
    const a = analyse(sheet("Risks", rows));
    expect(a.findings.map((f) => [f.cell, f.code, f.message])).toEqual([
      ["C3", "out-of-range", "Likelihood 6 is outside the 1–5 scale"],
      ["D4", "out-of-range", "Impact 0 is outside the 1–5 scale"],
    ]);
    const out = written(a.plan.operations);
    expect(out.E).toEqual([[2, 6]]);
    expect(out.F).toEqual([[2, "Medium"]]);
  });
});

describe("three-point word scales", () => {
  const header = ["ID", "Risk", "Likelihood", "Impact", "Rating"];
  const risks: CellValue[][] = [
    ["R1", "a", "High", "High", "Red"],
    ["R2", "b", "Low", "Medium", "Green"],
    ["R3", "c", "Medium", "Severe", "Amber"],
    // R4 and R5 both score 6 but are rated Red and Green: the register's own ratings contradict
    // each other, so they give no bands and the 3×3 defaults judge it.
    ["R4", "d", "High", "Medium", "Red"],
    ["R5", "e", "Medium", "High", "Green"],
  ];
  it("reads Low/Medium/High as 1–3, one unknown word is one finding on its cell", () => {
    const a = analyse(sheet("Risks", [header, ...risks]));
    expect(a.findings.map((f) => [f.cell, f.code, f.message])).toEqual([
      ["D4", "not-a-number", `Impact "Severe" is not one of the scale's words (Low, Medium, High)`],
      ["E6", "priority-mismatch", 'Priority is "Green" but score 6 is in band 6-9 Red'],
    ]);
    // No key: a 3×3's default bands, said to be defaults, in the register's own RAG words.
    expect(a.tables[0]).toMatchObject({
      scale: 3,
      scaleSource: "words",
      bands: {
        source: "default",
        bands: [
          { from: 1, to: 2, label: "Green" },
          { from: 3, to: 4, label: "Amber" },
          { from: 6, to: 9, label: "Red" },
        ],
      },
    });
    const out = written(a.plan.operations);
    // The new score column (F) shows "" beside "Severe" until it is put right; the council's
    // ratings are written where the ratings read: High × High = 9 is Red; R3's is left as it was.
    expect(out.F).toEqual([
      [2, 9],
      [3, 2],
      [4, ""],
      [5, 6],
      [6, 6],
    ]);
    expect(out.E).toEqual([
      [2, "Red"],
      [3, "Green"],
      [5, "Red"],
      [6, "Red"],
    ]);
  });

  it("with Low/Medium/High ratings, the default 3×3 bands keep those words", () => {
    const lmh = risks.map((r) => [
      ...r.slice(0, 4),
      { Red: "High", Amber: "Medium", Green: "Low" }[r[4] as string],
    ]);
    const a = analyse(sheet("Risks", [header, ...lmh]));
    expect(brief(a.findings)).toEqual(["not-a-number@Risks!D4", "priority-mismatch@Risks!E6"]);
    expect(a.findings[1]?.message).toBe('Priority is "Low" but score 6 is in band 6-9 High');
  });
});

describe("a key kept as a small table on a scoring-guide sheet", () => {
  const L = ["Rare (1)", "Unlikely (2)", "Possible (3)", "Likely (4)", "Almost certain (5)"];
  const I = ["Insignificant (1)", "Minor (2)", "Moderate (3)", "Major (4)", "Catastrophic (5)"];
  const register = sheet("Service Risks", [
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Risk rating"],
    ["S1", "Market failure", L[3], I[4], 20, "Extreme"],
    ["S2", "Backlog", L[2], I[2], 9, "Moderate"],
    ["S3", "Overspend", L[3], I[3], 16, "Moderate"],
    ["S4", "Data breach", L[0], I[3], 4, "Low"],
    [],
    ["Ratings per the Scoring guide sheet."],
  ]);
  const guide = (heads: [string, string, string]) =>
    sheet("Scoring guide", [
      ["Risk scoring guide"],
      [],
      ["Score", "Likelihood", "Impact"],
      ...L.map((l, k) => [k + 1, l, I[k]]),
      [],
      [],
      heads,
      ["Low", 1, 4],
      ["Moderate", 5, 9],
      ["High", 10, 16],
      ["Extreme", 20, 25],
    ]);
  it.each([
    [["Risk rating", "Score from", "Score to"]],
    [["Band", "Min", "Max"]],
    [["Priority", "Lower", "Upper"]],
  ] as [[string, string, string]][])(
    "%j is the key: its bands are the register's, the guide is no register",
    (heads) => {
      const a = analyse(register, guide(heads));
      // S3: 4 × 4 = 16 is High, not Moderate; nothing on the guide sheet.
      expect(a.findings.map((f) => [f.sheet, f.cell, f.code, f.message])).toEqual([
        [
          "Service Risks",
          "F4",
          "priority-mismatch",
          'Priority is "Moderate" but score 16 is in band 10-16 High',
        ],
        // Information only: the guide holds a key, no table to check, and says whose key it is.
        [
          "Scoring guide",
          "A1",
          "layout-not-found",
          '"Scoring guide" holds no table to check: it was read as the key for sheet "Service Risks"',
        ],
      ]);
      expect(a.tables.map((t) => `${t.sheet}:${t.kind}`)).toEqual(["Service Risks:risk-register"]);
      expect(a.tables[0]).toMatchObject({
        bands: {
          source: "workbook",
          at: "Scoring guide!A12",
          bands: [
            { from: 1, to: 4, label: "Low" },
            { from: 5, to: 9, label: "Moderate" },
            { from: 10, to: 16, label: "High" },
            { from: 20, to: 25, label: "Extreme" },
          ],
        },
      });
      expect(a.plan.operations.every((o) => o.sheet === "Service Risks")).toBe(true);
      expect(written(a.plan.operations).F).toEqual([
        [2, "Extreme"],
        [3, "Moderate"],
        [4, "High"],
        [5, "Low"],
      ]);
    },
  );

  it("a money table's rows under headings that name no bounds are no key", () => {
    const money = sheet("Budget", [
      ["Service", "Budget", "Forecast"],
      ["Parks", 1, 4],
      ["Pools", 5, 9],
      ["Halls", 10, 16],
    ]);
    const a = analyse(register, money);
    // No key: the register's own ratings, which agree with each other, give its bands.
    expect(a.tables[0]).toMatchObject({ bands: { source: "ratings" } });
  });
});

describe("a one-cell key directly under the register", () => {
  it("is read as the key with no blank row between, and is no risk", () => {
    const a = analyse(
      sheet("Risks", [
        ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
        ["R1", "A", 2, 3, 6, "Amber"],
        ["R2", "B", 4, 4, 16, "Amber"],
        ["RAG: 1-3 Green, 4-6 Amber, 8-16 Red"],
      ]),
    );
    expect(a.tables[0]).toMatchObject({ range: "A1:F3", scale: 4 });
    expect(a.findings.map((f) => [f.cell, f.message])).toEqual([
      ["F3", 'Priority is "Amber" but score 16 is in band 8-16 Red'],
    ]);
    expect(written(a.plan.operations).F).toEqual([
      [2, "Amber"],
      [3, "Red"],
    ]);
  });
});

describe("a coloured risk matrix beside the register is its key", () => {
  const W = ["Low", "Medium", "High"];
  // The council's own banding: 1–2 Green, 3–4 Amber, 6–9 Red (not the 3×3 defaults' Low/Medium/High).
  const rag = (s: number) => (s <= 2 ? "Green" : s <= 3 ? "Amber" : "Red");
  const risks: [number, number, string][] = [
    [3, 3, "Red"],
    [2, 3, "Red"],
    [1, 2, "Green"],
    [3, 2, "Amber"], // 6 is Red
    [1, 3, "Red"], // 3 is Amber
  ];
  const build = (labelled: boolean) => {
    const cell = (s: number) => (labelled ? `${rag(s)} (${s})` : rag(s));
    const rows: CellValue[][] = [
      ["Library hub project - risk log"],
      [null, null, null, null, null, null, null, null, "Risk matrix (score = L x I)"],
      ["ID", "Risk", "Likelihood", "Impact", "Rating", null, null, null, "Impact →", ...W],
    ];
    risks.forEach(([l, i, r], k) => {
      const row: CellValue[] = [`P${k + 1}`, `Risk ${k + 1}`, W[l - 1]!, W[i - 1]!, r];
      const li = 3 - k;
      if (li >= 1) row.push(null, null, null, W[li - 1]!, ...[1, 2, 3].map((ii) => cell(li * ii)));
      else if (k === 3) row.push(null, null, null, "Likelihood ↑");
      rows.push(row);
    });
    return sheet("Project risks", rows);
  };
  it.each([false, true])("labels with scores in brackets: %s", (labelled) => {
    const a = analyse(build(labelled));
    expect(a.tables).toHaveLength(1);
    expect(a.tables[0]).toMatchObject({
      range: "A3:E8",
      scale: 3,
      bands: {
        source: "sheet",
        at: "J4",
        bands: [
          { from: 1, to: 2, label: "Green" },
          { from: 3, to: 3, label: "Amber" },
          { from: 4, to: 9, label: "Red" },
        ],
      },
    });
    expect(a.findings.map((f) => [f.cell, f.message])).toEqual([
      ["E7", 'Priority is "Amber" but score 6 is in band 4-9 Red'],
      ["E8", 'Priority is "Red" but score 3 is in band 3-3 Amber'],
    ]);
    expect(written(a.plan.operations).E).toEqual([
      [4, "Red"],
      [5, "Red"],
      [6, "Green"],
      [7, "Red"],
      [8, "Amber"],
    ]);
  });
});
