import {
  cleanSheetName,
  cellAddress,
  type ColumnWrite,
  type WritePlan,
  writtenCell,
} from "../../core";
import { bytes, COMMAND_BYTES } from "./batcher";
import { ExcelHostError } from "./errors";

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Every existing sheet a plan writes to: sheets with column writes or inserts, and our own sheets
 * an add-sheet rewrites in place (`replaces`), so that protection is checked on all of them before
 * anything is written.
 */
export function sheetsWritten(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const op of plan.operations) {
    const sheet = op.kind === "add-sheet" ? op.replaces : op.sheet;
    if (sheet !== undefined && !out.some((s) => sameName(s, sheet))) out.push(sheet);
  }
  return out;
}

/** What a Write does to the workbook's structure: adds or renames sheets (refused when protected). */
export function structureChanges(
  plan: WritePlan,
  backups: readonly string[],
  addsLog: boolean,
): string[] {
  const out: string[] = [];
  for (const op of plan.operations) {
    if (op.kind !== "add-sheet") continue;
    if (!op.replaces) out.push(`add the sheet "${op.sheet}"`);
    else if (op.replaces !== op.sheet) out.push(`rename "${op.replaces}" to "${op.sheet}"`);
  }
  for (const sheet of backups) out.push(`copy "${sheet}" as a backup`);
  if (addsLog) out.push("add its log sheet");
  return out;
}

/**
 * Sheets the plan would add or rename to that exist now (added since the Check): Excel refuses the
 * add (ItemAlreadyExists) part way through, so refuse before anything is written.
 */
export function refuseTakenNames(plan: WritePlan, sheetNames: readonly string[]): void {
  const taken = plan.operations
    .filter(
      (op) =>
        op.kind === "add-sheet" && (op.replaces ?? "").toLowerCase() !== op.sheet.toLowerCase(),
    )
    .map((op) => op.sheet)
    .filter((name) => sheetNames.some((n) => sameName(n, name)));
  if (taken.length === 0) return;
  throw new ExcelHostError(
    "ItemAlreadyExists",
    `${taken.map((s) => `"${s}"`).join(", ")} ${taken.length === 1 ? "was" : "were"} added since the Check, and Council Sheets would add a sheet with that name. Run Check again, then Write. Nothing was written.`,
  );
}

export function refuseProtected(locked: readonly string[]): void {
  if (locked.length === 0) return;
  throw new ExcelHostError(
    "AccessDenied",
    `${locked.map((s) => `"${s}"`).join(", ")} ${locked.length === 1 ? "is" : "are"} protected. Unprotect (Review > Unprotect Sheet), then Write again. Nothing was written.`,
  );
}

export function refuseStructure(changes: readonly string[]): void {
  if (changes.length === 0) return;
  throw new ExcelHostError(
    "WorkbookStructureProtected",
    `The workbook's structure is protected, so Council Sheets cannot ${changes.slice(0, 3).join(", ")}${changes.length > 3 ? ", …" : ""}. Unprotect it (Review > Protect Workbook), then Write again. Nothing was written.`,
  );
}

/** Rows from a column write's header (if any) to its last cell, as one range: "D1:D90". */
function span(op: ColumnWrite): { first: number; rows: number; address: string } | null {
  const rows = [...(op.header ? [op.header.row] : []), ...op.cells.map((c) => c.row)];
  if (rows.length === 0) return null;
  // Loops, not Math.min(...rows): a 100,000-row spread can overflow the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row < first) first = row;
    if (row > last) last = row;
  }
  const address = `${cellAddress(first, op.column)}:${cellAddress(last, op.column)}`;
  return { first, rows: last - first + 1, address };
}

type Current = { formulas: unknown[][]; numberFormat: unknown[][] | null };

export interface ColumnLook {
  op: ColumnWrite;
  first: number;
  range: Excel.Range;
  loadsFormats: boolean;
}

/**
 * Queues a look at what each column write would overwrite, so that a column already holding
 * exactly what the plan writes (a second Write after nothing changed) is not rewritten and its
 * sheet not backed up again. Sheets with inserted columns are left out (the plan's columns are
 * after the insert), and so are columns once the answer could pass the response budget.
 */
export function lookAtColumns(
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
  budget: number,
): ColumnLook[] {
  const inserted = new Set(
    plan.operations
      .filter((op) => op.kind === "insert-columns")
      .map((op) => op.sheet.toLowerCase()),
  );
  const columns = plan.operations.filter(
    (op): op is ColumnWrite => op.kind === "column" && !inserted.has(op.sheet.toLowerCase()),
  );
  // What comes back is each cell's formula (and format) as JSON: estimated generously per cell
  // (at least 160 bytes, or twice what we write there), so the answer stays within the budget.
  const looks: ColumnLook[] = [];
  let expected = 0;
  for (const op of columns) {
    const where = span(op);
    if (!where) continue;
    const loadsFormats = op.numberFormat !== undefined;
    const perCell = (cell: ColumnWrite["cells"][number]) =>
      Math.max(160, 2 * bytes(cell.formula ?? cell.value) + 32) * (loadsFormats ? 2 : 1);
    // Rows between the written ones (and the header) come back too.
    const between = (where.rows - op.cells.length) * 160 * (loadsFormats ? 2 : 1);
    const size = COMMAND_BYTES + between + op.cells.reduce((n, c) => n + perCell(c), 0);
    // Columns past the budget are not looked at: they are written (and backed up) as before.
    if (expected + size > budget) continue;
    expected += size;
    const range = worksheets.getItem(op.sheet).getRange(where.address);
    range.load(loadsFormats ? "formulas,numberFormat" : "formulas");
    looks.push({ op, first: where.first, range, loadsFormats });
  }
  return looks;
}

/** True when writing `op` would leave every cell (and its number format) as it is. */
export function writesNothingNew(look: ColumnLook, valuesOnly: boolean): boolean {
  const current: Current = {
    formulas: look.range.formulas,
    numberFormat: look.loadsFormats ? look.range.numberFormat : null,
  };
  const at = (grid: unknown[][] | null, row: number) => grid?.[row - look.first]?.[0];
  const same = (row: number, planned: string | number | boolean | null) => {
    const now = at(current.formulas, row);
    return (planned === null || planned === "" ? "" : planned) === (now ?? "");
  };
  const { op } = look;
  if (op.header && !same(op.header.row, op.header.text)) return false;
  for (const cell of op.cells) {
    const content = writtenCell(op, cell, { valuesOnly });
    if (!same(cell.row, content.formula ?? content.value)) return false;
    if (op.numberFormat !== undefined && at(current.numberFormat, cell.row) !== op.numberFormat)
      return false;
  }
  return true;
}

/**
 * A backup's name: "<sheet> backup", then "<sheet> backup (2)", … The sheet's name is shortened,
 * never the word "backup", so a copy of a 31-character sheet still says what it is.
 */
export function backupName(sheet: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = cleanSheetName(sheet);
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " backup" : ` backup (${i})`;
    const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
