import { parseA1Ref, tokenize } from "@borgar/fx";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { cellAddress, parseAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import type { InsertColumns, WritePlan } from "../../src/core/plan";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { TODAY } from "../helpers/builders";
import {
  factsOf,
  formulaValues,
  libreOfficeInsert,
  movedKey,
  ourInsert,
  type InsertJob,
} from "../helpers/insert-oracle";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: corpus insert tests skipped (they fail in CI)");

const CORPUS = path.join(__dirname, "../../../shared/corpus");

interface Case {
  file: string;
  plan: WritePlan;
  insert: InsertColumns;
}

/** A workbook and a plan to write into it (with the plan's insert, where it has one). */
interface PlanCase {
  file: string;
  plan: WritePlan;
  insert?: InsertColumns;
}

/** "Sheet!I25" → "Sheet!I": the column a cell key is in. */
const columnOf = (key: string) => key.replace(/\d+$/, "");

/**
 * Per column ("Sheet!I"), how far apply moved typed numbers it replaced in place (a typed figure
 * over a calculated column given its formula back): planned value less the typed one.
 */
function correctionsOf(snapshot: WorkbookSnapshot, plan: WritePlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const op of plan.operations) {
    if (op.kind !== "column" || op.header) continue;
    const sheet = snapshot.sheets.find((s) => s.name === op.sheet);
    for (const cell of op.cells) {
      const before = sheet?.rows[cell.row]?.[op.column];
      if (!before || before.formula || typeof before.value !== "number") continue;
      if (typeof cell.value !== "number" || cell.value === before.value) continue;
      const key = `${op.sheet}!${cellAddress(cell.row, op.column).replace(/\d+$/, "")}`;
      out.set(key, (out.get(key) ?? 0) + cell.value - before.value);
    }
  }
  return out;
}

/** Every corpus workbook with the plan `apply` makes for it. */
async function ownPlans(): Promise<PlanCase[]> {
  const list: PlanCase[] = [];
  for (const name of readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()) {
    const file = path.join(CORPUS, name);
    const document = await openWorkbook(new Uint8Array(readFileSync(file)), name, nativeZlib());
    const { plan } = analyseWorkbook(document.snapshot, { asOf: TODAY });
    const insert = plan.operations.find((op): op is InsertColumns => op.kind === "insert-columns");
    list.push(insert ? { file, plan, insert } : { file, plan });
  }
  return list;
}

/**
 * One insert per corpus workbook: the plan's own where it inserts columns; otherwise (most plans
 * now write into free columns) two columns inserted inside the first table, third column from
 * its left edge, as an officer making room in the middle of a council table would — every
 * formula, name, merge, rule and validation crossing it must then move as LibreOffice moves them.
 */
async function insertCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const name of readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()) {
    const file = path.join(CORPUS, name);
    const document = await openWorkbook(new Uint8Array(readFileSync(file)), name, nativeZlib());
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
    const inserts = analysis.plan.operations.filter((op) => op.kind === "insert-columns");
    const [insert] = inserts;
    if (insert) {
      // One insert per plan here, so LibreOffice can repeat it as one job.
      expect([name, inserts.length]).toEqual([name, 1]);
      cases.push({ file, plan: analysis.plan, insert });
      continue;
    }
    const table = analysis.tables[0];
    if (!table) continue;
    const from = parseAddress(table.range.split(":")[0] ?? "A1");
    const made: InsertColumns = {
      kind: "insert-columns",
      sheet: table.sheet,
      table: table.range,
      column: from.column + 2,
      count: 2,
    };
    cases.push({ file, plan: { operations: [made] }, insert: made });
  }
  return cases;
}

withLibreOffice("inserts on the corpus workbooks", () => {
  const dir = tempDir("cs-insert-corpus-");
  let cases: Case[] = [];

  beforeAll(async () => {
    cases = await insertCases();
  });

  it("has an insert for every corpus workbook with a table", () => {
    const names = cases.map((c) => path.basename(c.file));
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names).toEqual(
      expect.arrayContaining([
        "01-northbrook-corporate-risk-register.xlsx",
        "05-tarnside-transformation-programme.xlsx",
      ]),
    );
  });

  it("moves every formula, name, merge and rule range as LibreOffice's insert does", async () => {
    const jobs: InsertJob[] = cases.map((c, i) => ({
      input: c.file,
      output: path.join(dir, `ours-${i}.xlsx`),
      sheet: c.insert.sheet,
      column: c.insert.column,
      count: c.insert.count,
    }));
    for (const job of jobs) await ourInsert(job);
    libreOfficeInsert(
      soffice as string,
      jobs.map((j) => ({ ...j, output: j.output.replace("ours-", "lo-") })),
      dir,
    );
    for (const job of jobs) {
      const ours = await factsOf(job.output);
      const theirs = await factsOf(job.output.replace("ours-", "lo-"));
      const label = path.basename(job.input);
      expect([label, ours.formulas]).toEqual([label, theirs.formulas]);
      expect([label, ours.names]).toEqual([label, theirs.names]);
      expect([label, ours.merges]).toEqual([label, theirs.merges]);
      expect([label, ours.conditionalFormats]).toEqual([label, theirs.conditionalFormats]);
      expect([label, [...ours.validations.keys()].sort()]).toEqual([
        label,
        [...theirs.validations.keys()].sort(),
      ]);
    }
  });

  it("applies the inserts directly and every formula the council had keeps its value", async () => {
    await keepsCouncilFormulas(cases, "inserted");
  });

  it("applies apply's own plan directly and every formula the council had keeps its value", async () => {
    await keepsCouncilFormulas(await ownPlans(), "planned");
  });

  /**
   * Formulas that add up a figure apply corrects (a typed variance of the wrong sign rewritten as
   * its formula) change with it, as they should: the subtotal over a wrong line was wrong. They
   * are the council formulas reading, directly or through others, a written cell that held a
   * typed value; every other formula must keep its value.
   */
  async function readingCorrected(c: PlanCase): Promise<Set<string>> {
    const { snapshot } = await openWorkbook(
      new Uint8Array(readFileSync(c.file)),
      path.basename(c.file),
      nativeZlib(),
    );
    const corrected = new Set<string>();
    const headers = new Map<string, string[]>();
    for (const op of c.plan.operations) {
      if (op.kind !== "column") continue;
      const sheet = snapshot.sheets.find((s) => s.name === op.sheet);
      for (const cell of op.cells) {
        const before = sheet?.rows[cell.row]?.[op.column];
        if (!before || before.formula || before.value === null || before.value === "") continue;
        corrected.add(`${op.sheet}!${cellAddress(cell.row, op.column)}`);
        const words = (sheet?.rows ?? [])
          .slice(0, cell.row)
          .map((r) => r?.[op.column]?.value)
          .filter((v): v is string => typeof v === "string" && v.trim() !== "");
        headers.set(op.sheet, [...(headers.get(op.sheet) ?? []), ...words]);
      }
    }
    const reading = new Set<string>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const sheet of snapshot.sheets)
        sheet.rows.forEach((row, r) =>
          row.forEach((cell, col) => {
            const key = `${sheet.name}!${cellAddress(r, col)}`;
            const formula = cell?.formula;
            if (!formula || reading.has(key)) return;
            const refs = [
              ...formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g),
            ];
            const hits = refs.some((m) => {
              const a = parseAddress(`${m[1]}${m[2]}`);
              const b = m[3] ? parseAddress(`${m[3]}${m[4]}`) : a;
              return [...corrected, ...reading].some((k) => {
                const [s, addr] = k.split("!");
                if (s !== sheet.name || !addr) return false;
                const at = parseAddress(addr);
                return (
                  at.row >= a.row &&
                  at.row <= b.row &&
                  at.column >= a.column &&
                  at.column <= b.column
                );
              });
            });
            const structured = (headers.get(sheet.name) ?? []).some((h) =>
              formula.includes(`[${h}]`),
            );
            if (hits || structured) {
              reading.add(key);
              grew = true;
            }
          }),
        );
    }
    return reading;
  }

  /**
   * Writes each case's plan directly, has LibreOffice recalculate inputs and outputs, and
   * compares every formula of the input (moved past any insert) outside the written cells.
   */
  async function keepsCouncilFormulas(list: PlanCase[], tag: string): Promise<void> {
    const outputs: string[] = [];
    const corrections: Map<string, number>[] = [];
    for (const [i, c] of list.entries()) {
      const document = await openWorkbook(
        new Uint8Array(readFileSync(c.file)),
        path.basename(c.file),
        nativeZlib(),
      );
      corrections.push(correctionsOf(document.snapshot, c.plan));
      const saved = await document.save(c.plan, { valuesOnly: false });
      expect([path.basename(c.file), saved.engine]).toEqual([path.basename(c.file), "direct"]);
      const output = path.join(dir, `${tag}-${i}.xlsx`);
      writeFileSync(output, saved.bytes);
      outputs.push(output);
    }
    const recalculated = recalculate(soffice as string, [...list.map((c) => c.file), ...outputs]);
    // Corpus 12 is a raw export without formulas; the others have plenty between them.
    let counted = 0;
    for (const [i, c] of list.entries()) {
      const written = new Set<string>();
      for (const op of c.plan.operations) {
        if (op.kind !== "column") continue;
        if (op.header) written.add(`${op.sheet}!${cellAddress(op.header.row, op.column)}`);
        for (const cell of op.cells) written.add(`${op.sheet}!${cellAddress(cell.row, op.column)}`);
      }
      const correctedKeys = tag === "planned" ? await readingCorrected(c) : new Set<string>();
      // A council formula reading a figure the plan corrects (a typed full year turned into =SUM
      // of its months) is meant to change with it: only the other formulas must keep their values.
      const input = await openWorkbook(
        new Uint8Array(readFileSync(c.file)),
        path.basename(c.file),
        nativeZlib(),
      );
      const readers = readersOfCorrected(input.snapshot, c.plan);
      const before = await formulaValues(recalculated[i] as string);
      const after = await formulaValues(recalculated[i + list.length] as string);
      counted += before.size;
      const label = path.basename(c.file);
      const insert = c.insert;
      const moved = [...before]
        .map(
          ([key, value]) =>
            [
              insert ? movedKey(key, { ...insert, input: c.file, output: "" }) : key,
              value,
            ] as const,
        )
        .filter(([key]) => !written.has(key) && !correctedKeys.has(key) && !readers.has(key));
      // A council formula reading a cell we wrote (a SUM over a variance column where a typed
      // wrong figure became a formula) changes with it, as it would in Excel: that is the fix
      // reaching the council's own total, not a formula broken by the write.
      const formulas = await formulaTexts(recalculated[i + list.length] as string);
      // A council total over a line whose typed figure apply corrected (a number typed over a
      // calculated column) moves by exactly that correction, and by nothing else.
      const corrected = corrections[i] ?? new Map<string, number>();
      const byCorrection = (key: string, value: unknown) => {
        const delta = corrected.get(columnOf(key));
        const now = after.get(key);
        return (
          delta !== undefined &&
          typeof value === "number" &&
          typeof now === "number" &&
          Math.abs(now - value - delta) < 0.005
        );
      };
      const changed = moved.filter(
        ([key, value]) =>
          after.get(key) !== value &&
          !byCorrection(key, value) &&
          !readsWritten(key, formulas.get(key) ?? "", written),
      );
      expect([
        label,
        changed.map(([key, value]) => `${key}: ${String(value)} → ${String(after.get(key))}`),
      ]).toEqual([label, []]);
    }
    expect(counted).toBeGreaterThan(500);
  }
});

/** Every formula's text by "Sheet!A1". */
async function formulaTexts(file: string): Promise<Map<string, string>> {
  const pkg = await XlsxPackage.open(new Uint8Array(readFileSync(file)), nativeZlib().inflate);
  const out = new Map<string, string>();
  for (const sheet of pkg.snapshot.sheets)
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula) out.set(`${sheet.name}!${cellAddress(r, c)}`, cell.formula);
      }),
    );
  return out;
}

/** True when the formula at `key` refers (on its own sheet) to a range holding a written cell. */
function readsWritten(key: string, formula: string, written: ReadonlySet<string>): boolean {
  const sheet = key.slice(0, key.lastIndexOf("!"));
  const cells = [...written]
    .filter((w) => w.slice(0, w.lastIndexOf("!")) === sheet)
    .map((w) => parseAddress(w.slice(w.lastIndexOf("!") + 1)));
  for (const token of tokenize(formula)) {
    if (!token.type.startsWith("range")) continue;
    const ref = parseA1Ref(token.value);
    const range = ref && "range" in ref ? ref.range : undefined;
    if (!range || (ref && "context" in ref && (ref.context?.length ?? 0) > 0)) continue;
    const hit = cells.some(
      (c) =>
        c.row >= (range.top ?? 0) &&
        c.row <= (range.bottom ?? Infinity) &&
        c.column >= (range.left ?? 0) &&
        c.column <= (range.right ?? Infinity),
    );
    if (hit) return true;
  }
  return false;
}

/**
 * Formula cells ("Sheet!A1") that read, directly or through other formulas, a cell the plan writes
 * with a value other than the one it held. References are read with @borgar/fx's tokenizer.
 */
function readersOfCorrected(snapshot: WorkbookSnapshot, plan: WritePlan): Set<string> {
  const changed: string[] = [];
  for (const op of plan.operations) {
    if (op.kind !== "column") continue;
    const sheet = snapshot.sheets.find((s) => s.name === op.sheet);
    for (const cell of op.cells) {
      const held = sheet?.rows[cell.row]?.[op.column]?.value ?? null;
      if (held !== null && held !== cell.value)
        changed.push(`${op.sheet}!${cellAddress(cell.row, op.column)}`);
    }
  }
  const readers = new Map<string, string[]>();
  for (const sheet of snapshot.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        const key = `${sheet.name}!${cellAddress(r, c)}`;
        for (const token of tokenize(cell.formula)) {
          if (!token.type.startsWith("range")) continue;
          const ref = parseA1Ref(token.value);
          const range = ref && "range" in ref ? ref.range : undefined;
          if (!range || range.top === null || range.left === null) continue;
          const on = ref?.context?.[0] ?? sheet.name;
          const bottom = Math.min(range.bottom ?? range.top, range.top + 10_000);
          const right = Math.min(range.right ?? range.left, range.left + 100);
          for (let rr = range.top; rr <= bottom; rr++)
            for (let cc = range.left; cc <= right; cc++) {
              const read = `${on}!${cellAddress(rr, cc)}`;
              readers.set(read, [...(readers.get(read) ?? []), key]);
            }
        }
      }),
    );
  }
  const out = new Set<string>();
  const queue = [...changed];
  while (queue.length > 0) {
    for (const reader of readers.get(queue.pop() as string) ?? []) {
      if (out.has(reader)) continue;
      out.add(reader);
      queue.push(reader);
    }
  }
  return out;
}
