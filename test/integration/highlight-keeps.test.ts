import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { analyseWorkbook } from "../../src/core/analyse";
import { cli } from "../helpers/cli";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile, tempDir } from "../helpers/xlsx";

const CORPUS = `${__dirname}/../../../shared/corpus`;
const WORKBOOKS = [FIXTURES, CORPUS].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(d, f)),
);

function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([n, d]) => [n, strFromU8(d)]));
}
const dxfsOf = (p: Record<string, string>) =>
  [...(p["xl/styles.xml"] ?? "").matchAll(/<(?:\w+:)?dxf>.*?<\/(?:\w+:)?dxf>/gs)].map((m) => m[0]);
const blocksOf = (xml: string) =>
  [...xml.matchAll(/<(?:\w+:)?conditionalFormatting\b.*?<\/(?:\w+:)?conditionalFormatting>/gs)].map(
    (m) => m[0],
  );
function sheetBlocks(p: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(p)
      .filter(([n]) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"))
      .map(([n, xml]) => [n, blocksOf(xml)]),
  );
}

describe.each(WORKBOOKS.map((f) => [path.basename(f), f]))("%s", (_name, file) => {
  const dir = tempDir("cs-highlight-keeps-");
  const once = path.join(dir, "once.xlsx");
  const twice = path.join(dir, "twice.xlsx");
  beforeAll(async () => {
    await cli("apply", file, "--out", once, "--as-of", "2026-11-22");
    await cli("apply", once, "--out", twice, "--as-of", "2026-11-22");
  });

  it("keeps the workbook's own differential formats and conditional formats", () => {
    const before = parts(file);
    const after = parts(once);
    // Existing dxfs keep their index (ours are appended), so every existing rule keeps its look.
    expect(dxfsOf(after).slice(0, dxfsOf(before).length)).toEqual(dxfsOf(before));
    const was = sheetBlocks(before);
    const now = sheetBlocks(after);
    for (const [sheet, blocks] of Object.entries(was))
      for (const block of blocks) {
        // A block moved by an inserted column keeps its rules (the insert tests check the move).
        const rules = block.replace(/^<[^>]*>/, "");
        expect((now[sheet] ?? []).some((b) => b.endsWith(rules))).toBe(true);
      }
  });

  it("a second apply adds no second set of rules", () => {
    const first = parts(once);
    const second = parts(twice);
    expect(sheetBlocks(second)).toEqual(sheetBlocks(first));
    expect(dxfsOf(second)).toEqual(dxfsOf(first));
  });
});

describe("the direct writer", () => {
  it("keeps one set of rules when it writes the column again, widening it when the column grew", async () => {
    const dir = tempDir("cs-highlight-direct-");
    const file = `${CORPUS}/06-kingsreach-revenue-monitoring-q2.xlsx`;
    const opened = await openWorkbook(new Uint8Array(readFileSync(file)), "q2.xlsx");
    const plan = analyseWorkbook(opened.snapshot, { asOf: TODAY }).plan;
    const once = path.join(dir, "once.xlsx");
    writeFileSync(once, (await opened.save(plan, { valuesOnly: false })).bytes);
    const rag = plan.operations.flatMap((op) => (op.kind === "column" && op.highlight ? [op] : []));
    expect(rag).toHaveLength(1);
    const again = await openWorkbook(new Uint8Array(readFileSync(once)), "once.xlsx");
    expect(again.engine).toBe("direct");
    const grown = rag.map((op) =>
      op.highlight ? { ...op, highlight: { ...op.highlight, toRow: op.highlight.toRow + 3 } } : op,
    );
    const twice = path.join(dir, "twice.xlsx");
    writeFileSync(twice, (await again.save({ operations: grown }, { valuesOnly: false })).bytes);
    const blocks = (f: string) => Object.values(sheetBlocks(parts(f))).flat();
    expect(blocks(twice)).toHaveLength(blocks(once).length);
    const [before] = blocks(once).filter((b) => b.includes("Amber"));
    const [after] = blocks(twice).filter((b) => b.includes("Amber"));
    const last = (b: string | undefined) =>
      Number(/sqref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(b ?? "")?.[1]);
    expect(last(after)).toBe(last(before) + 3);
    expect(dxfsOf(parts(twice))).toEqual(dxfsOf(parts(once)));
  });
});

describe("the ExcelJS writer", () => {
  it("writes the RAG column's colours once, however often it writes the column", async () => {
    const dir = tempDir("cs-highlight-exceljs-");
    const file = `${CORPUS}/06-kingsreach-revenue-monitoring-q2.xlsx`;
    const first = await loadFile(file);
    const plan = analyseWorkbook(first.snapshot, { asOf: TODAY }).plan;
    const rag = plan.operations.filter((op) => op.kind === "column" && op.highlight);
    expect(rag).toHaveLength(1);
    applyPlan(first.workbook, plan, { valuesOnly: false });
    const once = path.join(dir, "once.xlsx");
    writeFileSync(once, await saveWorkbook(first.workbook));
    // The same RAG column written again over the saved file (as a rewrite of typed cells would).
    const second = await loadFile(once);
    applyPlan(second.workbook, { operations: rag }, { valuesOnly: false });
    const twice = path.join(dir, "twice.xlsx");
    writeFileSync(twice, await saveWorkbook(second.workbook));
    const rules = (f: string) =>
      Object.values(sheetBlocks(parts(f)))
        .flat()
        .join("")
        .replace(/&quot;/g, '"');
    for (const label of ["Green", "Amber", "Red"]) {
      expect(rules(once).split(`="${label}"`)).toHaveLength(2);
      expect(rules(twice).split(`="${label}"`)).toHaveLength(2);
    }
    // The fill of each rule's dxf is the RAG colour (bgColor, as Excel draws a dxf's fill).
    const styles = parts(once)["xl/styles.xml"] ?? "";
    for (const fill of ["8FD18F", "FFB900", "C50F1F"])
      expect(styles).toMatch(new RegExp(`<bgColor rgb="FF${fill}"/>`));
  });
});
