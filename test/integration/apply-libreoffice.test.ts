import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyseWorkbook, type Analysis, type AnalyseOptions } from "../../src/core/analyse";
import { planPids } from "../../src/core/pid-sources-from-kinds";
import { cellAddress, parseAddress } from "../../src/core/a1";
import { insertColumnsInFormula } from "../../src/core/formula-insert";
import { openWorkbook, type XlsxEngine } from "../../src/adapters/xlsx/document";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { nativeZlib } from "../../src/cli/zlib";
import { FIXTURES, TODAY } from "../helpers/builders";
import { cellsOf, formulaResults, sheetFacts, type CellRecord } from "../helpers/compare";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { loadFile, tempDir, writeXlsx } from "../helpers/xlsx";

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice)
  console.warn("LibreOffice not found: formula recalculation tests skipped (they fail in CI)");

interface Applied {
  input: string;
  output: string;
  analysis: Analysis;
  /** "Sheet!A1" → the value the core computed, for every formula written. */
  expected: Map<string, unknown>;
  /** "Sheet!A1" for every cell the plan wrote, headers included. */
  touched: Set<string>;
  /** Which writer produced the output. */
  engine: XlsxEngine;
}

async function applyTo(
  input: string,
  dir: string,
  options: Partial<AnalyseOptions> = {},
  tag = "",
  { pids = false, viaExcelJs = false } = {},
): Promise<Applied> {
  // The CLI's own path (direct splice for calculated columns, ExcelJS for new sheets and
  // inserted columns), or ExcelJS for everything, so that both writers are held to the same checks.
  const document = await openWorkbook(
    new Uint8Array(readFileSync(input)),
    path.basename(input),
    nativeZlib(),
  );
  const { snapshot } = document;
  const analysed = analyseWorkbook(snapshot, { asOf: TODAY, ...options });
  // The PID run writes only the PID sheets, to check their own formulas.
  const analysis = pids
    ? { ...analysed, plan: { operations: planPids(analysed, snapshot, "all", TODAY).operations } }
    : analysed;
  const output = path.join(dir, `applied${tag}-${path.basename(input)}`);
  let engine: XlsxEngine = "exceljs";
  if (viaExcelJs) {
    const { workbook } = await loadFile(input);
    applyPlan(workbook, analysis.plan, { valuesOnly: false });
    writeFileSync(output, await saveWorkbook(workbook));
  } else {
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    engine = saved.engine;
    writeFileSync(output, saved.bytes);
  }
  const expected = new Map<string, unknown>();
  const touched = new Set<string>();
  for (const op of analysis.plan.operations) {
    if (op.kind === "add-sheet") {
      for (const cell of op.cells) {
        const key = `${op.sheet}!${cellAddress(cell.row, cell.column)}`;
        touched.add(key);
        if (cell.formula) expected.set(key, cell.value);
      }
      continue;
    }
    if (op.kind !== "column") continue;
    if (op.header) touched.add(`${op.sheet}!${cellAddress(op.header.row, op.column)}`);
    for (const cell of op.cells) {
      const key = `${op.sheet}!${cellAddress(cell.row, op.column)}`;
      touched.add(key);
      if (cell.formula) expected.set(key, cell.value);
    }
  }
  return { input, output, analysis, expected, touched, engine };
}

/** Spreadsheets carry 15 significant digits; LibreOffice writes values at that precision. */
function spreadsheetValue(value: unknown): unknown {
  return typeof value === "number" ? Number(value.toPrecision(15)) : value;
}

/** The same file with every cached formula result replaced by 999: only a real recalculation undoes it. */
async function poisonCaches(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula)
          cell.value = { formula: cell.formula, result: 999 };
      }),
    ),
  );
  const poisoned = file.replace(/\.xlsx$/, "-poisoned.xlsx");
  await wb.xlsx.writeFile(poisoned);
  return poisoned;
}

async function synthetic(dir: string): Promise<string> {
  return writeXlsx(path.join(dir, "synthetic-register.xlsx"), [
    {
      name: "Corporate Risk Register",
      merges: ["A1:H1"],
      boldRows: [4],
      hiddenRows: [8],
      rows: [
        ["CORPORATE RISK REGISTER 2025/26"],
        ["Reviewed by Audit Committee"],
        [],
        [
          "Ref",
          "Risk",
          "Inherent likelihood",
          "Inherent impact",
          "Residual likelihood",
          "Residual impact",
          "Residual score",
          "Comments",
        ],
        ["CR1", "Cyber attack", "4 - Likely", "5 - Severe", "3 - Possible", "4 - Major", 12, "ok"],
        [
          "CR2",
          "Funding gap",
          "5 - Almost certain",
          "4 - Major",
          "2 - Unlikely",
          "4 - Major",
          6,
          null,
          "see note",
          null,
          // Points at the note: new columns go past both and neither moves.
          { formula: 'I6&" (checked)"', result: "see note (checked)" },
        ],
        ["CR3", "Missing rating", null, "3 - Moderate", "tbc", "2 - Minor", null],
        ["CR4", "Text rating", "High", "3", "2", "2", 4],
        ["CR5", "Hidden row", "1 - Rare", "1 - Negligible", "1 - Rare", "1 - Negligible", 1],
        [],
        ["CR6", "After a blank row", "3", "3", "2", "3", 6],
        [],
        [],
        ["Key"],
        ["1-4 Low", "5-9 Medium", "10-16 High", "20-25 Very high"],
      ],
    },
    {
      name: "Numbers",
      rows: [
        ["Title", "Likelihood", "Impact"],
        ["A", 2, 2],
        ["B", null, 3],
        ["C", 4, 4],
        ["D", "x", 1],
      ],
    },
  ]);
}

async function syntheticFunding(dir: string): Promise<string> {
  return writeXlsx(path.join(dir, "synthetic-funding.xlsx"), [
    {
      name: "Sources",
      rows: [
        ["Funding source", "2024-25", "2025-26"],
        ["Better Care Fund", 500000.5, 600000],
        ["Public Health Grant", "£300,000", "tbc"],
        ["Total", 800000.5, "tbc"],
      ],
    },
    {
      name: "Allocations",
      boldRows: [3],
      rows: [
        ["Allocations 2024-26"],
        [],
        [
          "Ref",
          "Workstream",
          "BCF 2024-25",
          "PH Grant 2024-25",
          "BCF 2025-26",
          "PH Grant 2025-26",
          "Notes",
        ],
        ["1", "REABLEMENT"],
        ["1.1", "Home first", 250000.25, 100000, 300000, "tbc", "agreed"],
        ["1.2", "Therapy", 150000, 50000.1, 200000, 25000],
        [null, "TOTAL REABLEMENT", 400000.25, 150000.1, 500000, 25000],
        ["2", "CARERS"],
        ["2.1", "Breaks", 100000.25, 150000, 100000, null],
        [null, "TOTAL CARERS", 100000, 150000, 100000, 0],
        [null, "TOTAL ALL", 500000.5, 300000.1, 600000, 25000],
      ],
    },
    {
      name: "Budget",
      rows: [
        ["Project", "Item", "Budget", "Forecast", "Cost code"],
        ["Alpha", "Staff", 120000, 131000.45, "AB1"],
        ["Alpha", "Kit", null, 5000, "AB1"],
        ["Beta", "Staff", 90000, 87000, "AB2"],
        ["Gamma", "Staff", 0, 100, "AB3"],
        ["Delta", "Staff", 50000, null, "AB4"],
      ],
    },
  ]);
}

withLibreOffice("formulas written by apply, recalculated by LibreOffice", () => {
  const dir = tempDir();
  let runs: { applied: Applied; recalculated: string; poisoned: string }[];

  beforeAll(async () => {
    const inputs = [
      `${FIXTURES}/bcp-risk-registers.xlsx`,
      `${FIXTURES}/bcp-pid-inputs.xlsx`,
      await synthetic(dir),
      `${FIXTURES}/emiep-funding-2008.xlsx`,
      await syntheticFunding(dir),
    ];
    const applied = [
      ...(await Promise.all(inputs.map((i) => applyTo(i, dir)))),
      // The same files again with typed totals replaced by SUM formulas and custom RAG thresholds.
      await applyTo(inputs[3] as string, dir, { replaceTotals: true }, "-totals"),
      await applyTo(
        inputs[4] as string,
        dir,
        { replaceTotals: true, rag: { percent: 0.1, amount: 5000 } },
        "-totals",
      ),
      await applyTo(inputs[1] as string, dir, {}, "-pids", { pids: true }),
      // Calculated columns only (no new sheet): the direct writer; and the same through ExcelJS.
      await applyTo(inputs[3] as string, dir, { reconciliationSheet: false }, "-columns"),
      await applyTo(inputs[4] as string, dir, { reconciliationSheet: false }, "-columns"),
      await applyTo(inputs[0] as string, dir, {}, "-exceljs", { viaExcelJs: true }),
    ];
    const poisoned = await Promise.all(applied.map((a) => poisonCaches(a.output)));
    const recalculated = recalculate(soffice as string, [
      ...applied.map((a) => a.output),
      ...poisoned,
    ]);
    runs = applied.map((a, i) => ({
      applied: a,
      recalculated: recalculated[i] as string,
      poisoned: recalculated[i + applied.length] as string,
    }));
  });

  it("computes what the core computed on every written row, even from poisoned caches", async () => {
    for (const { applied, recalculated, poisoned } of runs) {
      expect(applied.expected.size).toBeGreaterThan(0);
      for (const file of [recalculated, poisoned]) {
        const results = await formulaResults(file);
        const actual = new Map(
          [...applied.expected.keys()].map((k) => [k, spreadsheetValue(results.get(k))]),
        );
        const expected = new Map([...applied.expected].map(([k, v]) => [k, spreadsheetValue(v)]));
        expect(actual).toEqual(expected);
      }
    }
  });

  it("reads LibreOffice's own .xlsx output directly exactly as ExcelJS reads it", async () => {
    // Another program's XML (its namespaces, shared strings, cell types): the direct reader and
    // ExcelJS must agree on every cell of every file LibreOffice wrote.
    // ExcelJS drops the backslashes of escaped literals in format codes (LibreOffice writes
    // "\£#,##0"); the direct reader keeps the code as written, so that is set aside here.
    const unescaped = (snapshot: WorkbookSnapshot) =>
      JSON.parse(JSON.stringify(snapshot), (key, value: unknown) =>
        key === "numberFormat" && typeof value === "string" ? value.replace(/\\(.)/g, "$1") : value,
      ) as WorkbookSnapshot;
    let escaped = 0;
    for (const { recalculated } of runs) {
      const direct = await XlsxPackage.open(new Uint8Array(readFileSync(recalculated)));
      escaped += JSON.stringify(direct.snapshot).split("\\\\").length - 1;
      expect(unescaped(direct.snapshot)).toEqual((await loadFile(recalculated)).snapshot);
    }
    expect(escaped).toBeGreaterThan(0);
  });

  it("covers the How We Work D9 correction and the synthetic edge rows", () => {
    const fixture = runs[0]?.applied.expected;
    expect(fixture?.get("How We Work!D9")).toBe(6);
    expect(fixture?.get("How We Work!E9")).toBe("Medium");
    const synthetic = runs[2]?.applied.expected;
    // Labels, a blank, "tbc", text, a hidden row and a row after a blank separator.
    // The new columns start at L: I holds a note and K a formula pointing at it (see below).
    expect(synthetic?.get("Corporate Risk Register!L5")).toBe(20);
    expect(synthetic?.get("Corporate Risk Register!M5")).toBe("Very high");
    expect(synthetic?.get("Corporate Risk Register!L7")).toBe("");
    expect(synthetic?.get("Corporate Risk Register!G7")).toBe("");
    expect(synthetic?.get("Corporate Risk Register!L8")).toBe("");
    expect(synthetic?.get("Corporate Risk Register!G9")).toBe(1);
    expect(synthetic?.get("Corporate Risk Register!G11")).toBe(6);
    expect(synthetic?.get("Numbers!D3")).toBe("");
    expect(synthetic?.get("Numbers!E4")).toBe("High");
  });

  /** Where a cell of the input sits in the output once inserted columns have pushed it right. */
  function movedTo(applied: Applied, key: string): string {
    const [sheet, address] = key.split("!") as [string, string];
    const at = parseAddress(address);
    let column = at.column;
    for (const op of applied.analysis.plan.operations) {
      if (op.kind === "insert-columns" && op.sheet === sheet && column >= op.column)
        column += op.count;
    }
    return `${sheet}!${cellAddress(at.row, column)}`;
  }

  /**
   * A cell's record as it should read once the plan's inserts moved the references in it: its
   * formula moved as Excel moves it, a shared formula's pointer at its (moved) first cell.
   */
  function movedRecord(applied: Applied, key: string, record: CellRecord): CellRecord {
    const value = JSON.parse(record.value as string) as {
      formula?: string;
      sharedFormula?: string;
    } | null;
    if (!value || typeof value !== "object") return record;
    const sheet = key.slice(0, key.lastIndexOf("!"));
    let { formula, sharedFormula } = value;
    for (const op of applied.analysis.plan.operations) {
      if (op.kind !== "insert-columns") continue;
      if (formula !== undefined) formula = insertColumnsInFormula(formula, sheet, op);
    }
    if (sharedFormula !== undefined)
      sharedFormula = movedTo(applied, `${sheet}!${sharedFormula}`).split("!").pop();
    return { ...record, value: JSON.stringify({ ...value, formula, sharedFormula }) };
  }

  it("covers budgets, replaced totals and the Reconciliation sheet", () => {
    const funding = runs[6]?.applied.expected;
    // Alpha's £120,000 covers Staff and Kit: 131,000.45 + 5,000 − 120,000.
    expect(spreadsheetValue(funding?.get("Budget!F2"))).toBe(16000.45);
    expect(funding?.get("Budget!I2")).toBe("Red");
    expect(funding?.get("Budget!F3")).toBeUndefined();
    expect(funding?.get("Budget!I5")).toBe("Red");
    expect(funding?.get("Budget!F6")).toBe("");
    expect(funding?.get("Allocations!C7")).toBe(400000.25);
    expect(funding?.get("Allocations!C10")).toBe(100000.25);
    expect(
      [...(funding?.keys() ?? [])].filter((k) => k.startsWith("Reconciliation!")).length,
    ).toBeGreaterThan(10);
    const emiep = runs[5]?.applied.expected;
    expect(emiep?.get("Appendix 2!G29")).toBe(662000);
    expect(emiep?.get("Reconciliation!D5")).toBe(200000);
  });

  it("covers the PID sheets' scores, priorities and variances", () => {
    const pids = runs[7]?.applied.expected;
    const hww = [...(pids?.entries() ?? [])].filter(([k]) => k.startsWith("PID - How We Work!"));
    expect(hww.map(([, v]) => v)).toEqual(expect.arrayContaining([6, "Medium", 8, "High", 0]));
    expect([...(pids?.keys() ?? [])].filter((k) => k.startsWith("PID - ")).length).toBeGreaterThan(
      30,
    );
  });

  it("leaves every cell outside the written columns exactly as it was, styles and merges included", async () => {
    for (const { applied } of runs) {
      const before = await cellsOf(applied.input);
      const after = await cellsOf(applied.output);
      const kept = new Set<string>();
      for (const [key, record] of before) {
        const now = movedTo(applied, key);
        if (applied.touched.has(now)) continue;
        kept.add(now);
        expect([key, after.get(now)]).toEqual([key, movedRecord(applied, key, record)]);
      }
      // Nothing appears in the output that the plan did not write.
      for (const key of after.keys()) expect(kept.has(key) || applied.touched.has(key)).toBe(true);
      const added = new Set(
        applied.analysis.plan.operations.flatMap((op) =>
          op.kind === "add-sheet" ? [op.sheet] : [],
        ),
      );
      const outputFacts = (await sheetFacts(applied.output)) as { name: string }[];
      expect(outputFacts.filter((f) => !added.has(f.name))).toEqual(
        await sheetFacts(applied.input),
      );
    }
  });

  it("writes calculated and inserted columns and new sheets directly", () => {
    const engines = runs.map((r) => `${path.basename(r.applied.output)}: ${r.applied.engine}`);
    expect(engines).toEqual([
      "applied-bcp-risk-registers.xlsx: direct",
      "applied-bcp-pid-inputs.xlsx: direct",
      "applied-synthetic-register.xlsx: direct",
      "applied-emiep-funding-2008.xlsx: direct",
      "applied-synthetic-funding.xlsx: direct",
      "applied-totals-emiep-funding-2008.xlsx: direct",
      "applied-totals-synthetic-funding.xlsx: direct",
      "applied-pids-bcp-pid-inputs.xlsx: direct",
      "applied-columns-emiep-funding-2008.xlsx: direct",
      "applied-columns-synthetic-funding.xlsx: direct",
      "applied-exceljs-bcp-risk-registers.xlsx: exceljs",
    ]);
  });

  it("leaves the note beside a register where it is and writes past it", async () => {
    const synthetic = runs[2]?.applied;
    const after = await cellsOf(synthetic?.output as string);
    // "see note" sits in I6 beside the table and a formula pointing at it in K6; the three new
    // columns (inherent score and priority, residual priority) go to the first free columns
    // after them, L to N, and neither moves.
    const note = [...after.entries()].find(([, r]) => r.value === JSON.stringify("see note"));
    expect(note?.[0]).toBe("Corporate Risk Register!I6");
    const pointer = after.get("Corporate Risk Register!K6");
    expect(JSON.parse((pointer?.value as string | undefined) ?? "null")).toEqual({
      formula: 'I6&" (checked)"',
      result: "see note (checked)",
    });
    const score = [...after.entries()].find(
      ([, r]) => r.value === JSON.stringify("Inherent score"),
    );
    expect(score?.[0]).toBe("Corporate Risk Register!L4");
  });
});
