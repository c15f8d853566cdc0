import { parseAddress } from "./a1";
import { intendedAmount } from "./consequence-inputs";
import type { Finding, FindingCode } from "./findings";
import type { SheetSnapshot } from "./snapshot";
import { samePence } from "./tables/money";
import { parseMoney } from "./values";

/**
 * The reported cells the knock-on rule (consequences.ts) puts right, what each is put right to,
 * and the typed figures on their rows that were worked from them.
 */

/** Findings that say a cell's own figure is wrong, with the figure it should hold where known. */
const ROOT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "total-mismatch",
  "variance-mismatch",
  "not-a-number",
  "number-as-text",
]);

/** The findings that may be a cause, indexed the ways the rules look them up. */
export interface Roots {
  at: Map<string, Finding>;
  all: Finding[];
  byRow: Map<string, Finding[]>;
  textByColumn: Map<string, Finding[]>;
  unreadable: Finding[];
  /** Lines noted as "tbc" (sheet!table!row): a total may add them or leave them out. */
  unconfirmedRows: Set<string>;
}

/** The figure a reported cell should hold: its finding's expected figure, or what its text means. */
export function correctedValue(root: Finding, sheet: SheetSnapshot | undefined): number | null {
  if (root.code === "total-mismatch" || root.code === "variance-mismatch")
    return typeof root.expected === "number" ? root.expected : null;
  const at = parseAddress(root.cell);
  const value = sheet?.rows[at.row]?.[at.column]?.value;
  return typeof value === "string" ? intendedAmount(value) : null;
}

export const errorOf = (f: Finding): number | null =>
  typeof f.expected === "number" && typeof f.actual === "number" ? f.actual - f.expected : null;

/**
 * A typed figure has no formula to say what it reads, but the figures of one row derive from each
 * other (a variance from the budget and forecast beside it, a row total from its years): a typed
 * figure whose error is exactly the error of figures reported on its row, either way round, was
 * worked from those wrong figures (a variance typed as forecast less a hard-typed wrong total).
 * Its error is judged with every reported cell it adds put right at once (a variance total over a
 * line typed with the wrong sign): what is left must be what the row's reported figures explain,
 * or the figure is its own error.
 */
export function typedFollower(
  f: Finding,
  row: number,
  column: number,
  roots: Roots,
  sheet: SheetSnapshot,
): Finding[] | null {
  const raw = errorOf(f);
  if (raw === null || samePence(raw, 0)) return null;
  const text = textAbove(f, row, column, raw, roots);
  if (text) return [text];
  // Derived figures sit right of what they derive from (variance after budget and forecast,
  // a row total after its years): of two typed figures out by the same amount, the left one
  // is the root, and the two are never folded into each other.
  const left = (roots.byRow.get(`${f.sheet}!${row}`) ?? []).filter((root) => {
    if (root === f || root.sheet !== f.sheet || root.table !== f.table) return false;
    const at = parseAddress(root.cell);
    return at.row === row && at.column < column;
  });
  if (left.length === 0) return null;
  for (const root of left) {
    const error = errorOf(root);
    if (error !== null && samePence(Math.abs(error), Math.abs(raw))) return [root];
  }
  // Judged with its reported parts put right too, or against several reported figures, a
  // match may be chance (a year total out by as much as the year beside it): the figure must
  // also be what its row's typed figures give, one plus or less another.
  const moved = reportedPartsMoved(f, roots, sheet);
  const remaining = samePence(moved, 0) ? [raw] : [raw, raw - moved];
  for (const own of remaining) {
    if (samePence(own, 0)) continue;
    for (const root of left)
      if (
        errorsOf(root, roots, sheet).some((e) => samePence(Math.abs(e), Math.abs(own))) &&
        derivedOnItsRow(f, row, column, [root], sheet)
      )
        return [root];
  }
  // Several reported figures on the row (a forecast and a budget total both wrong): their errors
  // add or take away as the figure derives from them; the fewest that explain it are its causes.
  if (left.length < 2 || left.length > MAX_ROW_ROOTS) return null;
  let best: Finding[] | null = null;
  for (let code = 1; code < 3 ** left.length; code++) {
    let combined = 0;
    const chosen: Finding[] = [];
    for (let k = 0, rest = code; k < left.length; k++, rest = Math.floor(rest / 3)) {
      const error = errorOf(left[k] as Finding);
      if (rest % 3 === 0 || error === null) continue;
      combined += rest % 3 === 1 ? error : -error;
      chosen.push(left[k] as Finding);
    }
    if (chosen.length < 2 || (best && chosen.length >= best.length)) continue;
    if (!remaining.some((own) => !samePence(own, 0) && samePence(combined, own))) continue;
    if (derivedOnItsRow(f, row, column, chosen, sheet)) best = chosen;
  }
  return best;
}

/**
 * True when a typed figure is what two figures left of it on its row give, one plus or less the
 * other, and one of them is a reported cell: a variance forecast less budget, a cost prior years
 * plus total.
 */
function derivedOnItsRow(
  f: Finding,
  row: number,
  column: number,
  causes: readonly Finding[],
  sheet: SheetSnapshot,
): boolean {
  if (typeof f.actual !== "number") return false;
  const reported = new Set(causes.map((c) => parseAddress(c.cell).column));
  const figures: { column: number; value: number }[] = [];
  const cells = sheet.rows[row] ?? [];
  for (let c = 0; c < Math.min(column, cells.length); c++) {
    const parsed = parseMoney(cells[c]?.value ?? null);
    if (parsed.kind === "number") figures.push({ column: c, value: parsed.value });
  }
  for (const a of figures)
    for (const b of figures) {
      if (a.column >= b.column || (!reported.has(a.column) && !reported.has(b.column))) continue;
      const given = [a.value + b.value, a.value - b.value, b.value - a.value];
      if (given.some((v) => samePence(v, f.actual as number))) return true;
    }
  return false;
}

/** Most reported figures on one row whose errors are combined to explain a typed figure. */
const MAX_ROW_ROOTS = 6;

/** How far the reported cells a total adds move its sum once each is put right. */
function reportedPartsMoved(f: Finding, roots: Roots, sheet: SheetSnapshot): number {
  let moved = 0;
  for (const cell of f.partCells ?? []) {
    const at = parseAddress(cell);
    const root = roots.at.get(`${f.sheet}!${at.row},${at.column}`);
    if (!root || root === f) continue;
    moved += correctionOf(root, sheet) ?? 0;
  }
  return moved;
}

/**
 * How far a reported figure is out: from the figure its finding expects, and, for a total over
 * lines whose budget is "tbc" (which a council may have added or left out), from its lines
 * without them too.
 */
function errorsOf(root: Finding, roots: Roots, sheet: SheetSnapshot): number[] {
  const error = errorOf(root);
  if (error === null) return [];
  if (root.code !== "total-mismatch" || roots.unconfirmedRows.size === 0) return [error];
  const column = parseAddress(root.cell).column;
  let unconfirmed = 0;
  for (const cell of root.partCells ?? []) {
    const at = parseAddress(cell);
    if (at.column !== column || !roots.unconfirmedRows.has(`${root.sheet}!${root.table}!${at.row}`))
      continue;
    const parsed = parseMoney(sheet.rows[at.row]?.[at.column]?.value ?? null);
    if (parsed.kind === "number") unconfirmed += parsed.value;
  }
  return samePence(unconfirmed, 0) ? [error] : [error, error + unconfirmed];
}

/**
 * A typed total that left out an amount typed as text ("£1,200", "1.2k", as SUM does) is out by
 * exactly that amount: the text cell above it in its column, already reported, is the cause.
 */
function textAbove(
  f: Finding,
  row: number,
  column: number,
  error: number,
  roots: Roots,
): Finding | null {
  if (f.code !== "total-mismatch" || typeof f.actual !== "number") return null;
  for (const root of roots.textByColumn.get(`${f.sheet}!${column}`) ?? []) {
    if (root.code !== "number-as-text" || root.sheet !== f.sheet || root.table !== f.table)
      continue;
    const at = parseAddress(root.cell);
    if (at.column !== column || at.row >= row || typeof root.actual !== "string") continue;
    const amount = intendedAmount(root.actual);
    if (amount !== null && samePence(-error, amount)) return root;
  }
  return null;
}

/** What putting a reported cell right adds to a sum over it (text adds nothing to a SUM). */
export function correctionOf(root: Finding, sheet: SheetSnapshot | undefined): number | null {
  if (root.code === "not-a-number") return correctedValue(root, sheet);
  const error = errorOf(root);
  return error === null ? null : -error;
}

/** The findings that may be a cause, but for those found to follow from others. */
export function rootsAmong(findings: readonly Finding[], followers: ReadonlySet<Finding>): Roots {
  const roots: Roots = {
    at: new Map(),
    all: [],
    byRow: new Map(),
    textByColumn: new Map(),
    unreadable: [],
    unconfirmedRows: new Set(),
  };
  const push = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key) ?? [];
    list.push(f);
    map.set(key, list);
  };
  for (const f of findings) {
    if (f.code === "unconfirmed-funding" && f.severity === "info")
      roots.unconfirmedRows.add(`${f.sheet}!${f.table}!${parseAddress(f.cell).row}`);
    if (!ROOT_CODES.has(f.code) || followers.has(f)) continue;
    const at = parseAddress(f.cell);
    roots.at.set(`${f.sheet}!${at.row},${at.column}`, f);
    roots.all.push(f);
    push(roots.byRow, `${f.sheet}!${at.row}`, f);
    if (f.code === "number-as-text") push(roots.textByColumn, `${f.sheet}!${at.column}`, f);
    if (f.code === "not-a-number") roots.unreadable.push(f);
  }
  return roots;
}
