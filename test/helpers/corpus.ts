import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { dateToSerial } from "../../src/core/values";
import { recalculate } from "./libreoffice";
import { loadFile, tempDir } from "./xlsx";

/**
 * The council corpus beside the checkout (`../shared/corpus`) and its expected.json, for the corpus
 * walker and the per-kind tests of calculated values. Only the fields the tests read are typed;
 * each kind's `values` lines carry their own fields (variance, months, years…).
 */
export const CORPUS = path.join(__dirname, "../../../shared/corpus");

export interface ExpectedFinding {
  code: string;
  sheet: string;
  cell: string;
}

export interface ExpectedTable {
  sheet: string;
  kind: string;
  range: string;
  headerRows: number | number[];
  [field: string]: unknown;
}

export interface ExpectedValues {
  sheet: string;
  row: number;
  [field: string]: unknown;
}

export interface ExpectedFile {
  file: string;
  asOf: string;
  tables: ExpectedTable[];
  errors: ExpectedFinding[];
  warnings: ExpectedFinding[];
  values: ExpectedValues[];
}

function readExpected(): ExpectedFile[] {
  const file = `${CORPUS}/expected.json`;
  // Said in one line, not as a raw ENOENT: the corpus is not in this repository.
  if (!existsSync(file))
    throw new Error(
      `${file} not found: the tests need ../shared (seeds, fixtures, corpus) beside the checkout`,
    );
  return (JSON.parse(readFileSync(file, "utf8")) as { files: ExpectedFile[] }).files;
}

export const expectedFiles: ExpectedFile[] = readExpected();

export function asOfSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const serial = dateToSerial(y ?? 0, m ?? 0, d ?? 0);
  if (serial === null) throw new Error(`expected.json asOf "${iso}" is not a date`);
  return serial;
}

export interface AppliedCorpusFile {
  file: ExpectedFile;
  /** The analysis of the original workbook, whose plan was applied. */
  analysis: Analysis;
  /** The applied workbook after LibreOffice recalculated it. */
  sheets: SheetSnapshot[];
}

/**
 * `apply` each corpus file (the direct writer, formulas live), let LibreOffice recalculate every
 * output in one run, and read the results back: what a council would see after opening our output.
 */
export async function applyAndRecalculate(
  soffice: string,
  files: readonly ExpectedFile[],
): Promise<AppliedCorpusFile[]> {
  const dir = tempDir("cs-corpus-");
  const applied: { file: ExpectedFile; output: string; analysis: Analysis }[] = [];
  for (const file of files) {
    const input = path.join(CORPUS, file.file);
    const document = await openWorkbook(
      new Uint8Array(readFileSync(input)),
      file.file,
      nativeZlib(),
    );
    const analysis = analyseWorkbook(document.snapshot, { asOf: asOfSerial(file.asOf) });
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    const output = path.join(dir, file.file);
    writeFileSync(output, saved.bytes);
    applied.push({ file, output, analysis });
  }
  const outputs = recalculate(
    soffice,
    applied.map((a) => a.output),
  );
  const result: AppliedCorpusFile[] = [];
  for (const [k, a] of applied.entries()) {
    const { snapshot } = await loadFile(outputs[k] ?? "");
    result.push({ file: a.file, analysis: a.analysis, sheets: snapshot.sheets });
  }
  return result;
}
