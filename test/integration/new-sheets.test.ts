import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { parseXml } from "../../src/adapters/xlsx/package/xml";
import { zipEntries } from "../../src/adapters/xlsx/package/zip-read";
import { nativeZlib } from "../../src/cli/zlib";
import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { planPids } from "../../src/core/pid-sources-from-kinds";
import type { WritePlan } from "../../src/core/plan";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { FIXTURES, TODAY } from "../helpers/builders";
import { formulaResults } from "../helpers/compare";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

const EMIEP = path.join(FIXTURES, "emiep-funding-2008.xlsx");
const PIDS = path.join(FIXTURES, "bcp-pid-inputs.xlsx");

async function open(bytes: Uint8Array) {
  return openWorkbook(bytes, "test.xlsx", nativeZlib());
}

/** Apply as the CLI does: `apply` writes the analysis' plan, `pid --all` only the PID sheets. */
async function written(file: string, kind: "apply" | "pid") {
  const input = new Uint8Array(readFileSync(file));
  const document = await open(input);
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const plan: WritePlan =
    kind === "apply"
      ? analysis.plan
      : { operations: planPids(analysis, document.snapshot, "all", TODAY).operations };
  const saved = await document.save(plan, { valuesOnly: false });
  return { input, output: saved.bytes, engine: saved.engine, plan, before: document.snapshot };
}

/** Each element's attributes, in document order: what a part says, whatever its spacing. */
function elements(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  parseXml(xml, {
    open(n, a) {
      if (n === name) found.push({ ...a });
    },
  });
  return found;
}

function definedNames(xml: string): string[] {
  const names: string[] = [];
  let open: string | undefined;
  parseXml(xml, {
    open(n, a) {
      if (n === "definedName") open = `${a.name ?? ""}|${a.localSheetId ?? ""}|${a.hidden ?? ""}|`;
    },
    text(t) {
      if (open !== undefined) open += t;
    },
    close(n) {
      if (n === "definedName" && open !== undefined) names.push(open);
      open = undefined;
    },
  });
  return names;
}

/** The inner XML of each child of a styles.xml list (fonts, fills, borders, cellXfs). */
function listEntries(xml: string, list: string): string[] {
  const inner = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
  const entries: string[] = [];
  let depth = 0;
  let start = 0;
  parseXml(inner, {
    open(_n, _a, s) {
      if (depth++ === 0) start = s;
    },
    close(_n, _s, e) {
      if (--depth === 0) entries.push(inner.slice(start, e));
    },
  });
  return entries;
}

describe.each([
  ["apply on emiep-funding-2008.xlsx (with its Reconciliation sheet)", EMIEP, "apply", 1],
  ["pid --all on bcp-pid-inputs.xlsx", PIDS, "pid", 4],
] as const)("%s", (_title, file, kind, newSheets) => {
  let result: Awaited<ReturnType<typeof written>>;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;
  beforeAll(async () => {
    result = await written(file, kind);
    before = unzipSync(result.input);
    after = unzipSync(result.output);
  });

  it("is written by the direct writer, with no rebuild", () => {
    expect(result.engine).toBe("direct");
    expect(result.plan.operations.filter((op) => op.kind === "add-sheet")).toHaveLength(newSheets);
  });

  it("keeps every original part byte for byte but the workbook's lists and edited sheets", () => {
    const sheetsWritten = new Set(
      result.plan.operations.flatMap((op) => (op.kind === "column" ? [op.sheet] : [])),
    );
    const workbookXml = strFromU8(before["xl/workbook.xml"] ?? new Uint8Array());
    const rels = elements(
      strFromU8(before["xl/_rels/workbook.xml.rels"] ?? new Uint8Array()),
      "Relationship",
    );
    const editedSheetParts = new Set(
      elements(workbookXml, "sheet")
        .filter((s) => sheetsWritten.has(s.name ?? ""))
        .map((s) => `xl/${rels.find((r) => r.Id === s["r:id"])?.Target ?? ""}`),
    );
    const mayDiffer = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      ...editedSheetParts,
    ]);
    const kept = Object.keys(before).filter((name) => !mayDiffer.has(name));
    expect(kept.length).toBeGreaterThan(3);
    for (const name of kept) expect([name, after[name]]).toEqual([name, before[name]]);
    // Untouched parts are copied as they were stored, not even recompressed.
    const stored = new Map(zipEntries(result.input).map((e) => [e.name, e]));
    for (const entry of zipEntries(result.output).filter((e) => kept.includes(e.name))) {
      const original = stored.get(entry.name);
      expect([entry.name, entry.crc, entry.raw.length]).toEqual([
        entry.name,
        original?.crc,
        original?.raw.length,
      ]);
    }
    // Nothing was dropped; what was added is one worksheet part per new sheet.
    expect(Object.keys(before).filter((name) => !(name in after))).toEqual([]);
    const added = Object.keys(after).filter((name) => !(name in before));
    expect(added).toHaveLength(newSheets);
    for (const name of added) expect(name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  });

  it("only adds to workbook.xml, its relationships, the content types and styles.xml", () => {
    const text = (parts: Record<string, Uint8Array>, name: string) =>
      strFromU8(parts[name] ?? new Uint8Array());
    const wbBefore = text(before, "xl/workbook.xml");
    const wbAfter = text(after, "xl/workbook.xml");
    const sheetsBefore = elements(wbBefore, "sheet");
    const sheetsAfter = elements(wbAfter, "sheet");
    expect(sheetsAfter.slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
    const addedSheets = sheetsAfter.slice(sheetsBefore.length);
    expect(addedSheets.map((s) => s.name)).toEqual(
      result.plan.operations.flatMap((op) => (op.kind === "add-sheet" ? [op.sheet] : [])),
    );
    // Unique sheet ids and relationship ids.
    expect(new Set(sheetsAfter.map((s) => s.sheetId)).size).toBe(sheetsAfter.length);
    const namesBefore = definedNames(wbBefore);
    const namesAfter = definedNames(wbAfter);
    expect(namesAfter.slice(0, namesBefore.length)).toEqual(namesBefore);
    const marks = namesAfter.filter((n) => n.startsWith("_CouncilSheets_"));
    expect(marks).toHaveLength(newSheets);
    for (const mark of marks) expect(mark).toMatch(/^_CouncilSheets_\w+_\d+\|\|1\|'.+'!\$A\$1$/);
    const titles = namesAfter.filter((n) => n.startsWith("_xlnm.Print_Titles"));
    expect(titles).toHaveLength(kind === "pid" ? newSheets : 0);
    expect(elements(wbAfter, "calcPr")[0]?.fullCalcOnLoad).toBe("1");

    const relsBefore = elements(text(before, "xl/_rels/workbook.xml.rels"), "Relationship");
    const relsAfter = elements(text(after, "xl/_rels/workbook.xml.rels"), "Relationship");
    expect(relsAfter.slice(0, relsBefore.length)).toEqual(relsBefore);
    expect(relsAfter.slice(relsBefore.length).map((r) => r.Id)).toEqual(
      addedSheets.map((s) => s["r:id"]),
    );
    expect(new Set(relsAfter.map((r) => r.Id)).size).toBe(relsAfter.length);

    const typesBefore = elements(text(before, "[Content_Types].xml"), "Override");
    const typesAfter = elements(text(after, "[Content_Types].xml"), "Override");
    expect(typesAfter.slice(0, typesBefore.length)).toEqual(typesBefore);
    expect(typesAfter.slice(typesBefore.length).map((t) => t.PartName)).toEqual(
      relsAfter.slice(relsBefore.length).map((r) => `/xl/${r.Target}`),
    );

    const stylesBefore = text(before, "xl/styles.xml");
    const stylesAfter = text(after, "xl/styles.xml");
    for (const list of ["fonts", "fills", "borders", "cellXfs", "numFmts"]) {
      const old = listEntries(stylesBefore, list);
      expect(listEntries(stylesAfter, list).slice(0, old.length)).toEqual(old);
    }
  });

  it("reads back with the new sheets marked as ours and analysed as nothing", async () => {
    const reopened = await open(result.output);
    const ours = reopened.snapshot.sheets.filter((s) => s.ours);
    expect(ours).toHaveLength(newSheets);
    const analysis = analyseWorkbook(reopened.snapshot, { asOf: TODAY });
    expect(analysis.tables.filter((t) => ours.some((s) => s.name === t.sheet))).toEqual([]);
    expect(analysis.findings.filter((f) => ours.some((s) => s.name === f.sheet))).toEqual([]);
  });

  it("leaves the council's own tables reading as they did (a PID does not double the risks)", async () => {
    const reopened = await open(result.output);
    const was = analyseWorkbook(result.before, { asOf: TODAY });
    const now = analyseWorkbook(reopened.snapshot, { asOf: TODAY });
    const risks = (a: typeof was) =>
      a.tables.filter((t) => t.kind === "risk-register").reduce((n, t) => n + t.rows, 0);
    expect(risks(now)).toBe(risks(was));
    if (kind === "pid") expect(now.findings).toEqual(was.findings);
  });
});

/** The Reconciliation sheet's amounts read back, by cell. */
function cellsOfSheet(snapshot: WorkbookSnapshot, name: string): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  snapshot.sheets
    .find((s) => s.name === name)
    ?.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && (cell.value !== null || cell.formula))
          cells.set(cellAddress(r, c), cell.formula ?? cell.value);
      }),
    );
  return cells;
}

describe("a second apply after the council edited an amount", () => {
  it("rewrites our Reconciliation sheet in place, in both writers", async () => {
    const first = await written(EMIEP, "apply");
    // The council retypes the match funding it held as text ("£250,000") as a number: the
    // Reconciliation now links to the cell instead of copying it, in the same sheet.
    const parts = unzipSync(first.output);
    const sources = "xl/worksheets/sheet1.xml";
    const xml = strFromU8(parts[sources] ?? new Uint8Array());
    const edited = xml.replace(
      /<c r="B8"([^>]*?) t="s"><v>\d+<\/v><\/c>/,
      '<c r="B8"$1><v>260000</v></c>',
    );
    expect(edited).not.toBe(xml);
    parts[sources] = strToU8(edited);
    const input = zipSync(parts);

    for (const viaExcelJs of [false, true]) {
      const document = await open(input);
      const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
      const op = analysis.plan.operations.find((o) => o.kind === "add-sheet");
      expect(op).toMatchObject({ sheet: "Reconciliation", replaces: "Reconciliation" });
      let bytes: Uint8Array;
      if (viaExcelJs) {
        const { loadWorkbook } = await import("../../src/adapters/xlsx/read");
        const { applyPlan, saveWorkbook } = await import("../../src/adapters/xlsx/write");
        const { workbook } = await loadWorkbook(input, "edited.xlsx");
        applyPlan(workbook, analysis.plan, { valuesOnly: false });
        bytes = await saveWorkbook(workbook);
      } else {
        const saved = await document.save(analysis.plan, { valuesOnly: false });
        expect(saved.engine).toBe("direct");
        bytes = saved.bytes;
      }
      const reread = (await open(bytes)).snapshot;
      expect(reread.sheets.map((s) => [s.name, s.ours ?? null])).toEqual([
        ["Funding sources", null],
        ["Appendix 2", null],
        ["Reconciliation", "reconciliation"],
      ]);
      const planned = new Map(
        (op?.kind === "add-sheet" ? op.cells : [])
          .filter((c) => c.formula !== null || (c.value !== "" && c.value !== null))
          .map((c) => [cellAddress(c.row, c.column), c.formula ?? c.value]),
      );
      expect(cellsOfSheet(reread, "Reconciliation")).toEqual(planned);
      // And once refreshed, a further apply has nothing to do.
      const again = analyseWorkbook(reread, { asOf: TODAY });
      expect(again.plan.operations.filter((o) => o.kind === "add-sheet")).toEqual([]);
    }
  });
});

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: new-sheet recalculation tests skipped");

withLibreOffice("new sheets opened and recalculated by LibreOffice", () => {
  it("computes every formula of the Reconciliation and PID sheets to the value we cached", async () => {
    const dir = tempDir("cs-new-sheets-");
    const runs = [await written(EMIEP, "apply"), await written(PIDS, "pid")];
    const files = runs.map((r, i) => {
      const file = path.join(dir, `new-sheets-${i}.xlsx`);
      writeFileSync(file, r.output);
      return file;
    });
    const recalculated = recalculate(soffice as string, files);
    let compared = 0;
    for (const [i, run] of runs.entries()) {
      const results = await formulaResults(recalculated[i] as string);
      for (const op of run.plan.operations) {
        if (op.kind !== "add-sheet") continue;
        for (const cell of op.cells) {
          if (!cell.formula) continue;
          const key = `${op.sheet}!${cellAddress(cell.row, cell.column)}`;
          const got = results.get(key);
          const want = cell.value;
          if (typeof want === "number") expect([key, Number(got)]).toEqual([key, want]);
          else expect([key, got ?? ""]).toEqual([key, want ?? ""]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 180_000);
});
