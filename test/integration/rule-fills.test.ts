import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { loadWorkbook } from "../../src/adapters/xlsx/read";
import { analyseWorkbook } from "../../src/core/analyse";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

/**
 * 01-northbrook colours its score columns F, J and O with its own "cell value" rules (≥ 15 red,
 * 5–12 amber, 1–4 green). The priority columns we write must draw each band in the fill the
 * council's own rule gives that band's scores, not in our palette.
 */
const CORPUS = path.join(__dirname, "../../../shared/corpus");
const SOURCE = path.join(CORPUS, "01-northbrook-corporate-risk-register.xlsx");

function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([n, d]) => [n, strFromU8(d)]));
}

/** Each dxf's solid colour (bgColor, else fgColor), lower-case "#rrggbb". */
function dxfColours(styles: string): string[] {
  return [...styles.matchAll(/<dxf>(.*?)<\/dxf>/g)].map((m) => {
    const body = m[1] ?? "";
    const rgb =
      /<bgColor rgb="\w{2}(\w{6})"/.exec(body) ?? /<fgColor rgb="\w{2}(\w{6})"/.exec(body);
    return `#${(rgb?.[1] ?? "").toLowerCase()}`;
  });
}

describe("priority colours follow the sheet's own conditional formats", () => {
  const out = path.join(tempDir("cs-rule-fills-"), "out.xlsx");

  it("reads the council's cellIs rules with their dxf fills (direct reader)", async () => {
    const { snapshot } = await openWorkbook(new Uint8Array(readFileSync(SOURCE)), "nb.xlsx");
    const rules = snapshot.sheets[0]?.ruleFills ?? [];
    // Oracle: the source's own XML (rules on F, J, O; dxfs 0..2 = FF0000, FFC000, 92D050).
    const source = parts(SOURCE);
    const colours = dxfColours(source["xl/styles.xml"] ?? "");
    expect(colours).toEqual(["#ff0000", "#ffc000", "#92d050"]);
    expect(rules.map((r) => [r.columns, r.operator, r.values, r.fill])).toEqual(
      [5, 9, 14].flatMap((c) => [
        [[c], "greaterThanOrEqual", [15], "#ff0000"],
        [[c], "between", [5, 12], "#ffc000"],
        [[c], "between", [1, 4], "#92d050"],
      ]),
    );
  });

  it("reads the same rules when ExcelJS reads the workbook", async () => {
    const direct = await openWorkbook(new Uint8Array(readFileSync(SOURCE)), "nb.xlsx");
    const { snapshot } = await loadWorkbook(new Uint8Array(readFileSync(SOURCE)), "nb.xlsx");
    const rules = snapshot.sheets[0]?.ruleFills ?? [];
    expect(rules.length).toBeGreaterThan(0);
    expect(rules).toEqual(direct.snapshot.sheets[0]?.ruleFills);
    // And so the register's bands take the council's colours whichever reader read it.
    const bandsOf = (s: typeof snapshot) =>
      analyseWorkbook(s, { asOf: 46000 }).riskContexts.map((c) => c.bands);
    expect(bandsOf(snapshot)).toEqual(bandsOf(direct.snapshot));
  });

  it("writes each band's rule in the fill the council's rule gives its scores", async () => {
    const r = await cli("apply", SOURCE, "--out", out, "--no-reconciliation-sheet");
    expect(r.err).toBe("");
    const p = parts(out);
    const colours = dxfColours(p["xl/styles.xml"] ?? "");
    const xml = p["xl/worksheets/sheet1.xml"] ?? "";
    const ours = [...xml.matchAll(/type="expression" dxfId="(\d+)"[^>]*><formula>([^<]*)</g)].map(
      (m) => [(m[2] ?? "").replace(/&quot;/g, '"'), colours[Number(m[1])]],
    );
    expect(ours.length).toBeGreaterThan(0);
    // The key: Low 1–4, Medium 5–12, High 15–25 — the same spans as the council's rules.
    const want: Record<string, string> = { Low: "#92d050", Medium: "#ffc000", High: "#ff0000" };
    for (const [formula, colour] of ours) {
      const label = /="(\w+)"$/.exec(formula ?? "")?.[1] ?? "";
      expect([label, colour]).toEqual([label, want[label]]);
    }
  });
});

describe("a column the council already colours by band", () => {
  it("gets no second, identical set of rules (02-castlemere H7:H18)", async () => {
    const source = path.join(CORPUS, "02-castlemere-strategic-risks-word-scales.xlsx");
    const out = path.join(tempDir("cs-rule-fills-"), "castlemere.xlsx");
    const r = await cli("apply", source, "--out", out, "--no-reconciliation-sheet");
    expect(r.err).toBe("");
    const blocks = (file: string) =>
      (parts(file)["xl/worksheets/sheet1.xml"] ?? "").match(
        /<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g,
      ) ?? [];
    // The oracle: the source's own rules, which colour H (the rating we write) by "Red",
    // "Amber", "Green". The output keeps exactly those and adds none on H.
    expect(blocks(source).some((b) => b.startsWith('<conditionalFormatting sqref="H7:H18"'))).toBe(
      true,
    );
    expect(blocks(out)).toEqual(blocks(source));
  });
});
