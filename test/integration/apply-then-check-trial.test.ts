import path from "node:path";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

/**
 * Workbooks of a new-user trial of money tables (test/fixtures/trial-money, README there): what
 * `apply` writes must never make `check` find something it did not find before. Each workbook's
 * findings after apply are a subset of those before (the planted errors apply puts right drop
 * out), and the findings of each are exact.
 */
const TRIAL = path.join(__dirname, "..", "fixtures", "trial-money");

interface Found {
  code: string;
  cell: string;
  message: string;
}

interface Checked {
  findings: Found[];
  tables: { range: string; ragRule?: string | null; columns: Record<string, string> }[];
}

async function checked(file: string): Promise<Checked> {
  const { code, out, err } = await cli("check", "--json", file);
  if (code === 2) throw new Error(err);
  return JSON.parse(out) as Checked;
}

const said = (c: Checked) => c.findings.map((f) => `${f.code}@${f.cell}: ${f.message}`);

const D14 =
  "total-mismatch@D14: Forecast outturn is £162,050,000 but its lines (rows 6–13) sum to £161,950,000";

describe("check of apply's output finds nothing check of the input did not", () => {
  const dir = tempDir("cs-trial-money-");

  it.each([
    [
      "w10-kestrel-resources-gbpm",
      [
        "variance-mismatch@G8: Variance % is -4.0% but the variance as a share of the budget is 4.0% (£250,000 of £6,250,000; the sign is reversed)",
        "variance-mismatch@I10: RAG is Red but an overspend of £1,200,000 on a budget of £40,000,000 is Amber: Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at K4)",
        D14,
      ],
      [D14],
      "A4:I14",
    ],
    ["w20-kestrel-no-plants", [], [], "A4:I14"],
    ["w22-umber-rule-beside", [], [], "A4:G9"],
    ["w23-umber-rule-key-title", [], [], "A4:G9"],
    // Its key's Amber row sits below the units row's blank: only Red is read (the RAG rule
    // readers' to put right), so its findings before are not asserted, only that apply adds none.
    ["w24-umber-units-row", null, [], "A4:G10"],
  ])("%s", async (name, before, after, range) => {
    const input = path.join(TRIAL, `${name}.xlsx`);
    const output = path.join(dir, `${name}.xlsx`);
    const first = await checked(input);
    const found = said(first);
    if (before !== null) expect(found).toEqual(before);
    const applied = await cli("apply", input, "--out", output);
    expect(applied.code).toBeLessThan(2);
    const second = await checked(output);
    const again = said(second);
    expect(again).toEqual(after);
    expect(again.filter((f) => !found.includes(f))).toEqual([]);
    // One table, now with its Variance %, Status and RAG, and its key still read apart from it.
    expect(second.tables.map((t) => t.range)).toEqual([range]);
    expect(Object.keys(second.tables[0]?.columns ?? {})).toEqual(
      expect.arrayContaining(["variance", "variancePct", "status", "rag"]),
    );
    expect(second.tables[0]?.ragRule).toBe(first.tables[0]?.ragRule);
    expect(second.tables[0]?.ragRule).toMatch(/^Red: > (5|10)%/);
  });
});
