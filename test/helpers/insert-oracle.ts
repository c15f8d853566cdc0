import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { parseAddress, cellAddress } from "../../src/core/a1";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { walkXml } from "../../src/adapters/xlsx/package/xml-rewrite";
import type { InsertColumns } from "../../src/core/plan";
import { nativeZlib } from "../../src/cli/zlib";
import { recalcProfile } from "./libreoffice";

/**
 * LibreOffice as the oracle for column inserts: it inserts the same columns into the same file
 * with Calc's own insert (test/helpers/lo_insert_columns.py), and the two results are compared
 * through what they say, not how they spell it.
 */

export interface InsertJob {
  input: string;
  output: string;
  sheet: string;
  column: number;
  count: number;
}

/** Runs LibreOffice's insert for each job (one LibreOffice for them all). */
export function libreOfficeInsert(soffice: string, jobs: InsertJob[], dir: string): void {
  const file = path.join(dir, `jobs-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(jobs));
  execFileSync(
    "/usr/bin/python3",
    [path.join(__dirname, "lo_insert_columns.py"), soffice, recalcProfile(), file],
    { stdio: "pipe", timeout: 300_000 },
  );
}

/** Our insert: the direct writer with a plan of the insert alone. */
export async function ourInsert(job: InsertJob): Promise<void> {
  const zlib = nativeZlib();
  const pkg = await XlsxPackage.open(new Uint8Array(readFileSync(job.input)), zlib.inflate);
  const op: InsertColumns = {
    kind: "insert-columns",
    sheet: job.sheet,
    table: "A1",
    column: job.column,
    count: job.count,
  };
  writeFileSync(
    job.output,
    await pkg.write({ operations: [op] }, { valuesOnly: false }, zlib.deflate),
  );
}

/**
 * Formula notation the two writers spell differently and that means the same: the "=" (ours
 * keeps none in the file, as the format wants), Excel's "_xlfn." future-function prefix, quotes
 * around sheet names that need none ('Data'!A1 is Data!A1), spaces, and letter case.
 */
export function normaliseFormula(formula: string): string {
  return formula
    .replace(/^=/, "")
    .replace(/_xlfn\./gi, "")
    .replace(/'([A-Za-z_][A-Za-z0-9_.]*)'!/g, "$1!")
    .replace(/\s+/g, "")
    .toUpperCase();
}

/** A list of ranges in one order, single cells written "A1" (LibreOffice writes "A1:A1" for some). */
export function normaliseRanges(sqref: string): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => {
      const [a, b] = r.replace(/\$/g, "").split(":");
      return b === undefined || a === b ? (a ?? "") : `${a}:${b}`;
    })
    .sort()
    .join(" ");
}

/** The cells of a list of ranges ("A1:B2 D4"). */
function cellsIn(sqref: string): string[] {
  const cells: string[] = [];
  for (const range of sqref.split(" ").filter(Boolean)) {
    const [from = "", to = from] = range.split(":");
    const a = parseAddress(from);
    const b = parseAddress(to);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.column; c <= b.column; c++) cells.push(cellAddress(r, c));
  }
  return cells;
}

/**
 * A chart series reference: "$" means nothing in a chart (its references are never moved by a
 * fill), and LibreOffice writes a cell it has moved as "$M$4:$M$4" where the file said "M4".
 */
function chartReference(formula: string): string {
  const bang = formula.lastIndexOf("!");
  const [a, b] = formula
    .slice(bang + 1)
    .replace(/\$/g, "")
    .split(":");
  const range = b === undefined || a === b ? (a ?? "") : `${a}:${b}`;
  return normaliseFormula(formula.slice(0, bang + 1) + range);
}

export interface Facts {
  /** "Sheet!A1" → formula, normalised. */
  formulas: Map<string, string>;
  /** Sheet → merged ranges. */
  merges: Map<string, string[]>;
  /** "name|scope" → formula, normalised (LibreOffice's own hidden names left out). */
  names: Map<string, string>;
  /** "Sheet|sqref" → the rule formulas. */
  conditionalFormats: Map<string, string[]>;
  /**
   * "Sheet!A1" → formula1, cell by cell: writers split and join validation ranges differently
   * (ExcelJS writes one per cell run, LibreOffice joins them), so cells are what is compared.
   */
  validations: Map<string, string>;
  /** Table name → ref. */
  tables: Map<string, string>;
  /** Chart series and category references, sorted. */
  chartRefs: string[];
}

const text = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? "" : new TextDecoder().decode(bytes);

/** What a file says about references: every formula, merge, name, rule range, table and series. */
export async function factsOf(file: string): Promise<Facts> {
  const bytes = new Uint8Array(readFileSync(file));
  const pkg = await XlsxPackage.open(bytes, nativeZlib().inflate);
  const parts = unzipSync(bytes);
  const facts: Facts = {
    formulas: new Map(),
    merges: new Map(),
    names: new Map(),
    conditionalFormats: new Map(),
    validations: new Map(),
    tables: new Map(),
    chartRefs: [],
  };
  for (const sheet of pkg.snapshot.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula)
          facts.formulas.set(`${sheet.name}!${cellAddress(r, c)}`, normaliseFormula(cell.formula));
      }),
    );
    facts.merges.set(sheet.name, sheet.merges.map(normaliseRanges).sort());
  }
  // Sheet names by part, from the workbook and its relationships.
  const workbook = text(parts["xl/workbook.xml"]);
  const rels = text(parts["xl/_rels/workbook.xml.rels"]);
  const targets = new Map<string, string>();
  walkXml(rels, {
    open({ name, attributes }) {
      const id = attributes.get("Id")?.value;
      const target = attributes.get("Target")?.value;
      if (name === "Relationship" && id && target)
        targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    },
  });
  const sheets: { name: string; path: string }[] = [];
  walkXml(workbook, {
    open({ name, attributes }) {
      const id = [...attributes].find(([k]) => k.endsWith(":id"))?.[1].value;
      const sheetName = attributes.get("name")?.value;
      if (name === "sheet" && id && sheetName)
        sheets.push({ name: sheetName, path: targets.get(id) ?? "" });
    },
    close(element, value) {
      const name = element.attributes.get("name")?.value ?? "";
      if (
        element.name !== "definedName" ||
        value === null ||
        name.startsWith("_xlnm._FilterDatabase")
      )
        return;
      const scope = element.attributes.get("localSheetId")?.value ?? "";
      facts.names.set(`${name}|${scope}`, normaliseFormula(value));
    },
  });
  for (const sheet of sheets) {
    let sqref = "";
    let rules: string[] = [];
    walkXml(text(parts[sheet.path]), {
      open({ name, attributes }) {
        if (name === "conditionalFormatting" || name === "dataValidation") {
          sqref = normaliseRanges(attributes.get("sqref")?.value ?? "");
          rules = [];
        }
      },
      close(element, value) {
        if (element.name === "formula" && value !== null) rules.push(normaliseFormula(value));
        if (element.name === "formula1" && value !== null)
          for (const cell of cellsIn(sqref))
            facts.validations.set(`${sheet.name}!${cell}`, normaliseFormula(value));
        if (element.name === "conditionalFormatting")
          facts.conditionalFormats.set(`${sheet.name}|${sqref}`, rules.sort());
      },
    });
  }
  for (const [name, bytes] of Object.entries(parts)) {
    if (/^xl\/tables\/[^/]+\.xml$/.test(name))
      walkXml(text(bytes), {
        open({ name: element, attributes }) {
          const table = attributes.get("displayName")?.value;
          if (element === "table" && table)
            facts.tables.set(table, normaliseRanges(attributes.get("ref")?.value ?? ""));
        },
      });
    if (/^xl\/charts\/chart\d+\.xml$/.test(name))
      walkXml(text(bytes), {
        close(element, value) {
          if (element.name === "f" && value !== null) facts.chartRefs.push(chartReference(value));
        },
      });
  }
  facts.chartRefs.sort();
  return facts;
}

/** Every formula cell's value, keyed "Sheet!A1". */
export async function formulaValues(file: string): Promise<Map<string, unknown>> {
  const pkg = await XlsxPackage.open(new Uint8Array(readFileSync(file)), nativeZlib().inflate);
  const out = new Map<string, unknown>();
  for (const sheet of pkg.snapshot.sheets)
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula) out.set(`${sheet.name}!${cellAddress(r, c)}`, cell.value);
      }),
    );
  return out;
}

/** Where a cell of the input is once the insert has moved it: "Sheet!A1" → "Sheet!C1". */
export function movedKey(key: string, job: InsertJob): string {
  const bang = key.lastIndexOf("!");
  const sheet = key.slice(0, bang);
  const at = parseAddress(key.slice(bang + 1));
  if (sheet !== job.sheet || at.column < job.column) return key;
  return `${sheet}!${cellAddress(at.row, at.column + job.count)}`;
}
