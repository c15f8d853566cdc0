import path from "node:path";
import { cli } from "../helpers/cli";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * A risk register saved as a real .xlsx with a three-row header block (rows 5-7): "Inherent risk"
 * and "Residual risk" over Likelihood | Impact | "Risk" / "level" | Rating and Likelihood | Impact
 * | Level | Priority, and the review date headed only in the lower rows ("Review" / "date", or
 * "Review date" in row 7 alone). Checked by the command as a user runs it: the register runs to
 * L, the Levels of numbers are the scores, and exactly the planted errors are found (issue 12).
 */
type Layout = "merged" | "typed once" | "review date in row 7 only";

function rows(layout: Layout): unknown[][] {
  const lower = layout === "review date in row 7 only";
  const grid: unknown[][] = [["Strategic risk register 2025/26"], [], [], []];
  grid.push(["Ref", "Risk", "Owner", "Inherent risk", null, null, null, "Residual risk"]);
  grid.push([null, null, null, "Likelihood", "Impact", "Risk", "Rating", "Likelihood", "Impact"]);
  grid[5]!.push("Level", "Priority", lower ? null : "Review");
  grid.push([null, null, null, null, null, "level", null, null, null, null, null]);
  grid[6]!.push(lower ? "Review date" : "date");
  const lines = [
    [4, 5, 2, 3],
    [3, 3, 2, 2],
    [5, 4, 3, 3],
    [2, 2, 1, 2],
  ];
  const band = (s: number) => (s >= 15 ? "High" : s >= 5 ? "Medium" : "Low");
  lines.forEach(([l, i, rl, ri], k) => {
    const r = 8 + k;
    const inherent = { formula: `D${r}*E${r}`, result: l! * i! };
    // Planted: SR2's residual Level typed 9 for 2 × 2; SR4's inherent Rating High for 4;
    // SR3's review date has passed.
    const level = k === 1 ? 9 : rl! * ri!;
    const rating = k === 3 ? "High" : band(l! * i!);
    const review = k === 2 ? new Date(Date.UTC(2023, 2, 15)) : new Date(Date.UTC(2027, 2, 31));
    grid.push([`SR${k + 1}`, `Risk ${k + 1}`, "J Smith", l, i, inherent, rating, rl, ri, level]);
    grid[grid.length - 1]!.push(band(rl! * ri!), review);
  });
  grid.push([], ["Rating: 1-4 Low | 5-12 Medium | 15-25 High"]);
  return grid;
}

const MERGES = ["A5:A7", "B5:B7", "C5:C7", "D5:G5", "H5:K5"];

describe("the CLI reads a register's three-row header block", () => {
  it.each<Layout>(["merged", "typed once", "review date in row 7 only"])("%s", async (layout) => {
    const file = path.join(tempDir("cs-hdr-"), "register.xlsx");
    const merges = layout === "typed once" ? [] : MERGES;
    await writeXlsx(file, [{ name: "Risks", rows: rows(layout), merges }]);
    const { code, out, err } = await cli("check", file, "--json");
    expect(err).toBe("");
    expect(code).toBe(1);
    const doc = JSON.parse(out) as {
      tables: { range: string; headerRows: number[]; columns: Record<string, string> }[];
      findings: { severity: string; code: string; cell: string; message: string }[];
    };
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({
      range: "A5:L11",
      headerRows: [5, 6, 7],
      columns: {
        reviewDate: "L",
        inherentScore: "F",
        inherentPriority: "G",
        residualScore: "J",
        residualPriority: "K",
      },
    });
    expect(
      doc.findings.filter((f) => f.severity !== "info").map((f) => [f.code, f.cell, f.message]),
    ).toEqual([
      [
        "score-mismatch",
        "J9",
        "Residual score is 9 but residual likelihood 2 × residual impact 2 = 4",
      ],
      ["review-overdue", "L10", "Review date 15/03/2023 has passed (today is 22/11/2026)"],
      ["priority-mismatch", "G11", 'Inherent priority is "High" but score 4 is in band 1-4 Low'],
    ]);
  });
});
