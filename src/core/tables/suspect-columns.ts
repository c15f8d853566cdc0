import { cellAddress, cellPositionOf, parseAddress } from "../a1";
import type { Finding } from "../findings";
import type { WriteOperation } from "../plan";
import { cellText, type SheetSnapshot } from "../snapshot";

/**
 * The safety net under every kind that checks a column the council states (a variance, a
 * variance %, a status or RAG, a risk score or rating, a row total): when the stated column
 * disagrees with our rule on most of its lines, the likelier story is that we misread the column
 * (a sign convention, a scale, a band key we did not understand), not that the council got nearly
 * every line wrong. Then the per-line errors become one warning on the column, and `apply` leaves
 * the column as the council wrote it: overwriting correct figures with a misread rule is the most
 * harmful thing the tool can do.
 *
 * The threshold is more than half of the column's checked lines and at least three of them: a
 * column with one or two wrong lines (the most any corpus workbook plants in one column) is always
 * reported line by line.
 */
const COLUMN_CODES = new Set<Finding["code"]>([
  "variance-mismatch",
  "score-mismatch",
  "priority-mismatch",
  "total-mismatch",
]);

export const SUSPECT_MINIMUM = 3;

/**
 * Whether a column agrees with a rule on most of its checked lines: the converse of a suspect
 * column, by the same threshold. A column the header does not name (an "Exposure" of numbers
 * beside likelihood and impact) is read as the rule's column when this holds.
 */
export function agreesOnMostLines(agreeing: number, checked: number): boolean {
  return checked >= SUSPECT_MINIMUM && agreeing * 2 > checked;
}

/** A column of one table on one sheet whose reading is suspect. */
export interface SuspectColumn {
  sheet: string;
  /** 0-based rows the table covers, header to last row. */
  firstRow: number;
  lastRow: number;
  column: number;
}

interface Group {
  findings: Finding[];
  sheet: string;
  table: string;
  column: number;
}

export function tableRows(
  range: string,
): { first: number; last: number; firstColumn: number } | null {
  const [start, end] = range.split(":");
  if (!start) return null;
  const a = cellPositionOf(start);
  const b = cellPositionOf(end ?? start);
  return a && b ? { first: a.row, last: b.row, firstColumn: a.column } : null;
}

/** Whether a row of the table is a total (its label says so): totals are sums, not lines. */
function isTotalRow(sheet: SheetSnapshot, row: number, firstColumn: number, column: number) {
  const cells = sheet.rows[row] ?? [];
  for (let c = firstColumn; c < column && c < cells.length; c++) {
    const cell = cells[c];
    if (cell && typeof cell.value === "string" && /\btotals?\b/i.test(cell.value)) return true;
  }
  return false;
}

const sheetNamed = (sheets: readonly SheetSnapshot[], name: string) =>
  sheets.find((s) => s.name === name);

/** The lines of the table whose stated value in the column is of the kind the rule checks. */
function checkedLines(sheet: SheetSnapshot, group: Group): number {
  const rows = tableRows(group.table);
  if (!rows) return 0;
  const numeric = group.findings.some((f) => typeof f.actual === "number");
  let n = 0;
  for (let r = rows.first + 1; r <= rows.last; r++) {
    const value = sheet.rows[r]?.[group.column]?.value ?? null;
    if (value === null || value === "") continue;
    if (numeric ? typeof value !== "number" : typeof value !== "string") continue;
    if (isTotalRow(sheet, r, rows.firstColumn, group.column)) continue;
    n++;
  }
  return n;
}

/** "forecast £1,100 − budget £1,000 = £100" → "forecast − budget": the rule without its figures. */
function ruleOf(f: Finding): string {
  if (f.code === "priority-mismatch") return "the rating bands for the score";
  // A RAG message states its rule after the colour ("… is Red: Red at 5% of budget or £100,000,
  // Amber for a smaller overspend (the settings' rule)"): figures there are the rule itself.
  const rag = /\bis (?:Red|Amber|Green): (.+)$/.exec(f.message)?.[1];
  if (rag) return `the RAG rule (${rag.replace(/\s*\(([^()]*)\)$/, "; $1")})`;
  const after = / but (.*?)(?: = |$)/.exec(f.message)?.[1] ?? "";
  const words = after
    // Years and ranges of years name the parts, not figures: "the years 2025/26 to 2027/28".
    .replace(
      /\b(?:19|20)\d{2}\s*[/\-–]\s*\d{2,4}(?:\s+to\s+(?:19|20)\d{2}\s*[/\-–]\s*\d{2,4})?/g,
      " ",
    )
    .replace(/\([^)]*\)/g, " ")
    .replace(/[-−]?£?\d[\d,]*(\.\d+)?(k|m|bn)?%?/gi, " ")
    .replace(/£/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    // "variance over |budget| is 4.0%" names the rule, then its figure: the verb goes with it.
    .replace(/\s+(?:is|are)$/i, "");
  // "its years add up to" is a clause: what it comes to is the rule the column disagrees with.
  if (/\b(adds?|comes?)(\s+up)?\s+to$/i.test(words)) return `what ${words}`;
  return words || "the rule";
}

/** The column's own header words: the nearest non-blank text at or above the table's header row. */
export function headerOf(sheet: SheetSnapshot, headerRow: number, column: number): string {
  for (let r = headerRow; r >= Math.max(0, headerRow - 2); r--) {
    const text = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (text) return text;
  }
  return `Column ${cellAddress(0, column).replace(/\d+$/, "")}`;
}

/** The findings' cells, runs down one column joined: "G7:G9, G12". */
export function cellList(findings: readonly Finding[]): string {
  const cells = findings.map((f) => parseAddress(f.cell)).sort((a, b) => a.row - b.row);
  const runs: { column: number; first: number; last: number }[] = [];
  for (const { row, column } of cells) {
    const run = runs[runs.length - 1];
    if (run && run.column === column && run.last + 1 === row) run.last = row;
    else runs.push({ column, first: row, last: row });
  }
  return runs
    .map((r) =>
      r.first === r.last
        ? cellAddress(r.first, r.column)
        : `${cellAddress(r.first, r.column)}:${cellAddress(r.last, r.column)}`,
    )
    .join(", ");
}

/**
 * Collapses the per-line findings of every column whose reading is suspect into one warning on
 * its header, and says which columns they are (for `withoutSuspectWrites`). Other findings pass
 * through unchanged and in order. `hint` is what the kind can tell the person about a column
 * (which setting would read it; rag-amber-hint.ts), added to its warning.
 */
export function collapseSuspectColumns(
  sheets: readonly SheetSnapshot[],
  findings: readonly Finding[],
  hint: (column: number) => string | null = () => null,
): { findings: Finding[]; suspect: SuspectColumn[] } {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    if (!COLUMN_CODES.has(f.code) || !f.table) continue;
    // Only typed figures count: a formula's cached value may just be stale (a workbook saved
    // without recalculating, our own formulas before Excel has run them), and formulas are
    // kept or replaced by the kinds' own rules, not by this one.
    const { row, column } = parseAddress(f.cell);
    if (sheetNamed(sheets, f.sheet)?.rows[row]?.[column]?.formula) continue;
    const key = `${f.sheet}\u0000${f.table}\u0000${column}`;
    const group = groups.get(key) ?? { findings: [], sheet: f.sheet, table: f.table, column };
    group.findings.push(f);
    groups.set(key, group);
  }
  const dropped = new Set<Finding>();
  const warnings = new Map<Finding, Finding>();
  const suspect: SuspectColumn[] = [];
  for (const group of groups.values()) {
    if (group.findings.length < SUSPECT_MINIMUM) continue;
    const sheet = sheetNamed(sheets, group.sheet);
    const rows = tableRows(group.table);
    if (!sheet || !rows) continue;
    const lines = Math.max(checkedLines(sheet, group), group.findings.length);
    if (group.findings.length * 2 <= lines) continue;
    const first = group.findings[0] as Finding;
    const header = headerOf(sheet, rows.first, group.column);
    const rule = ruleOf(first);
    const told = hint(group.column);
    // A row total not understood is not checked at all: which cells went unchecked is said, so
    // an error among them is not lost under the warning.
    const unchecked =
      first.code === "total-mismatch" ? `; unchecked: ${cellList(group.findings)}` : "";
    const warning: Finding = {
      severity: "warning",
      code: first.code,
      sheet: group.sheet,
      cell: cellAddress(rows.first, group.column),
      message:
        `${header} disagrees with ${rule} on ${group.findings.length} of ${lines} lines: ` +
        `its convention was not understood; nothing written${unchecked}${told === null ? "" : `; ${told}`}`,
      table: group.table,
      expected: rule,
      actual: `${group.findings.length} of ${lines} lines`,
    };
    group.findings.forEach((f) => dropped.add(f));
    warnings.set(first, warning);
    suspect.push({
      sheet: group.sheet,
      firstRow: rows.first,
      lastRow: rows.last,
      column: group.column,
    });
  }
  if (suspect.length === 0) return { findings: [...findings], suspect };
  const out: Finding[] = [];
  for (const f of findings) {
    const warning = warnings.get(f);
    if (warning) out.push(warning);
    else if (!dropped.has(f)) out.push(f);
  }
  return { findings: out, suspect };
}

/** The plan without writes over a suspect column's stated cells: the council's figures stay. */
export function withoutSuspectWrites(
  operations: readonly WriteOperation[],
  suspect: readonly SuspectColumn[],
): WriteOperation[] {
  if (suspect.length === 0) return [...operations];
  const out: WriteOperation[] = [];
  for (const op of operations) {
    if (op.kind !== "column" || op.header !== null) {
      out.push(op);
      continue;
    }
    const hit = suspect.filter((s) => s.sheet === op.sheet && s.column === op.column);
    if (hit.length === 0) {
      out.push(op);
      continue;
    }
    const cells = op.cells.filter(
      (c) => !hit.some((s) => c.row >= s.firstRow && c.row <= s.lastRow),
    );
    if (cells.length > 0) out.push({ ...op, cells });
  }
  return out;
}
