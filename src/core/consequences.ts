import { parseAddress } from "./a1";
import { intendedAmount } from "./consequence-inputs";
import type { Finding, FindingCode } from "./findings";
import type { SheetSnapshot } from "./snapshot";
import { addsAcross } from "./tables/adds-across";
import { formulaEvaluator } from "./tables/arithmetic";
import { samePence } from "./tables/money";
import { parseMoney } from "./values";
import { precedents, rightOverFormulaParts, textOnItsRow } from "./consequence-parts";

export { intendedAmount };

/**
 * Knock-on findings folded into their root cause. One wrong cell puts out every figure computed
 * from it: a total =SUM(B5:B9) that misses a row makes the variance =C11-B11 beside it wrong, and
 * an amount nobody can read leaves a reconciliation short by exactly that amount. Reporting each of
 * those sends an officer to fix cells that are right. The rule, for every kind:
 *
 *   a finding is a consequence of cells already reported when putting those cells right (to the
 *   figure their own finding expects, or to the amount their text evidently means) makes it
 *   vanish — the formula then computes what the check expected, or the difference is exactly
 *   the amount the reported cells hold.
 *
 * A consequence is not reported on its own; its root's message says which cells it also puts out.
 * A figure that is still wrong once its inputs are put right is its own error and stays.
 */

/** Findings that say a cell's own figure is wrong, with the figure it should hold where known. */
const ROOT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "total-mismatch",
  "variance-mismatch",
  "not-a-number",
  "number-as-text",
]);
/** Findings about a figure that may only follow from others. */
const CONSEQUENCE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "total-mismatch",
  "variance-mismatch",
  "reconciliation-difference",
]);

const keyOf = (sheet: string, cell: string) => `${sheet}!${cell}`;

/** The findings that may be a cause, indexed the ways the rules look them up. */
interface Roots {
  at: Map<string, Finding>;
  all: Finding[];
  byRow: Map<string, Finding[]>;
  textByColumn: Map<string, Finding[]>;
  unreadable: Finding[];
}

/** The figure a reported cell should hold: its finding's expected figure, or what its text means. */
function correctedValue(root: Finding, sheet: SheetSnapshot | undefined): number | null {
  if (root.code === "total-mismatch" || root.code === "variance-mismatch")
    return typeof root.expected === "number" ? root.expected : null;
  const at = parseAddress(root.cell);
  const value = sheet?.rows[at.row]?.[at.column]?.value;
  return typeof value === "string" ? intendedAmount(value) : null;
}

const errorOf = (f: Finding): number | null =>
  typeof f.expected === "number" && typeof f.actual === "number" ? f.actual - f.expected : null;

/**
 * A typed figure has no formula to say what it reads, but the figures of one row derive from each
 * other (a variance from the budget and forecast beside it, a row total from its years): a typed
 * figure whose error is exactly the error of a figure reported on its row, either way round, was
 * worked from that wrong figure (a variance typed as forecast less a hard-typed wrong total).
 */
function typedFollower(f: Finding, row: number, column: number, roots: Roots): Finding[] | null {
  const own = errorOf(f);
  if (own === null || samePence(own, 0)) return null;
  const text = textAbove(f, row, column, own, roots);
  if (text) return [text];
  for (const root of roots.byRow.get(`${f.sheet}!${row}`) ?? []) {
    if (root === f || root.sheet !== f.sheet || root.table !== f.table) continue;
    // Derived figures sit right of what they derive from (variance after budget and forecast,
    // a row total after its years): of two typed figures out by the same amount, the left one
    // is the root, and the two are never folded into each other.
    const at = parseAddress(root.cell);
    if (at.row !== row || at.column >= column) continue;
    const error = errorOf(root);
    if (error !== null && samePence(Math.abs(error), Math.abs(own))) return [root];
  }
  return null;
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
function correctionOf(root: Finding, sheet: SheetSnapshot | undefined): number | null {
  if (root.code === "not-a-number") return correctedValue(root, sheet);
  const error = errorOf(root);
  return error === null ? null : -error;
}

/** Most reported cells a total is searched over for the ones it counted right. */
const MAX_REPORTED_PARTS = 12;

/**
 * A typed total whose parts as stated do not add to it, but would once the parts already
 * reported are put right (a section total typed from the right figures under a mistyped line, a
 * full year that counts the month typed as "8O,500"), is right: the officer keyed the total from
 * the right figures. Its parts are the reported cells above it in its column or left of it on its
 * row; some of them, put right, must make up the whole difference, or the total is its own error.
 */
function rightOverReportedParts(
  f: Finding,
  row: number,
  column: number,
  roots: Roots,
  sheet: SheetSnapshot,
): Finding[] | null {
  if (f.code !== "total-mismatch") return null;
  const own = errorOf(f);
  if (own === null || samePence(own, 0)) return null;
  const parts: { root: Finding; correction: number }[] = [];
  const adds = new Set(f.partCells ?? []);
  const across = addsAcross(sheet, f.table, column);
  for (const root of roots.all) {
    if (root === f || root.sheet !== f.sheet || root.table !== f.table) continue;
    const at = parseAddress(root.cell);
    const under = at.column === column && at.row < row;
    // A figure beside it counts only where the total adds it (a full year adds its months): a
    // variance typed on a total row is no sum of the budget total beside it.
    const beside = at.row === row && at.column < column && (adds.has(root.cell) || across);
    if (!under && !beside) continue;
    const correction = correctionOf(root, sheet);
    if (correction !== null && !samePence(correction, 0)) parts.push({ root, correction });
  }
  if (parts.length === 0 || parts.length > MAX_REPORTED_PARTS) return null;
  // The fewest reported parts that make up the difference: each subset, smallest first.
  let best: Finding[] | null = null;
  for (let mask = 1; mask < 1 << parts.length; mask++) {
    const chosen = parts.filter((_, k) => (mask >> k) & 1);
    if (best && chosen.length >= best.length) continue;
    const sum = chosen.reduce((total, p) => total + p.correction, 0);
    if (samePence(sum, own)) best = chosen.map((p) => p.root);
  }
  return best;
}

/** Totals that are right once their reported parts are put right: counted right, not put out. */
interface RightAsTheyAre {
  typed: Set<Finding>;
  formulas: Set<Finding>;
}

/** The root findings a finding follows from, or null when it is its own error. */
function rootsOf(
  f: Finding,
  roots: Roots,
  sheets: ReadonlyMap<string, SheetSnapshot>,
  right: RightAsTheyAre,
): Finding[] | null {
  if (f.code === "reconciliation-difference") {
    if (typeof f.difference !== "number" || !f.allocationCells) return null;
    // The unreadable cell adds nothing, so it is not among the cells holding money: it is found
    // in a column those cells are in (a year of the allocations), and by its amount below.
    const columns = new Set(
      f.allocationCells.map((cell) => /([A-Z]+)\d+$/.exec(cell.replace(/\$/g, ""))?.[1]),
    );
    const own = roots.unreadable.filter((r) => columns.has(/^[A-Z]+/.exec(r.cell)?.[0]));
    if (own.length === 0) return null;
    let missing = 0;
    for (const r of own) {
      const value = correctedValue(r, sheets.get(r.sheet));
      if (value === null) return null;
      missing += value;
    }
    // Allocated less available: the unread amounts would have added to the allocation.
    return samePence(f.difference + missing, 0) ? own : null;
  }
  const sheet = sheets.get(f.sheet);
  if (!sheet || typeof f.expected !== "number") return null;
  const at = parseAddress(f.cell);
  if (!sheet.rows[at.row]?.[at.column]?.formula) {
    // A typed total that adds up once the very cells it adds are put right was keyed from the
    // right figures: counted right, never put out by them (its error mirrors theirs, which would
    // otherwise read as following them).
    const parts = rightOverReportedParts(f, at.row, at.column, roots, sheet);
    const adds = new Set(f.partCells ?? []);
    if (parts && parts.every((p) => p.sheet === f.sheet && adds.has(p.cell))) {
      right.typed.add(f);
      return parts;
    }
    // Keyed from the right figures though the parts (or the full year) it is judged against
    // read a reported cell: right as typed (consequence-parts.ts).
    const keyedRight =
      rightOverFormulaParts(
        f,
        sheet,
        (r, c) => roots.at.get(`${f.sheet}!${r},${c}`),
        (r) => (roots.byRow.get(`${f.sheet}!${r}`) ?? []).filter((x) => x.sheet === f.sheet),
        (root) => correctedValue(root, sheet),
      ) ?? textOnItsRow(f, sheet, roots.byRow.get(`${f.sheet}!${at.row}`) ?? [], intendedAmount);
    if (!parts && keyedRight) {
      right.typed.add(f);
      return keyedRight;
    }
    const follows = typedFollower(f, at.row, at.column, roots);
    if (follows) return follows;
    if (parts) right.typed.add(f);
    return parts;
  }
  // The cells the formula reads, and for a total the cells it should add and what they read: a
  // variance =G23-E23 is right over a typed line reported below it, though it never reads it.
  const own = precedents(sheet, at.row, at.column);
  const parts = (f.partCells ?? []).map(parseAddress);
  const read = new Set(own);
  for (const part of parts) {
    read.add(`${part.row},${part.column}`);
    for (const key of precedents(sheet, part.row, part.column)) read.add(key);
  }
  const corrected = new Map<string, number>();
  const found: Finding[] = [];
  for (const key of read) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    const root = roots.at.get(`${f.sheet}!${r},${c}`);
    if (!root || root === f) continue;
    const value = correctedValue(root, sheet);
    if (value === null) continue;
    corrected.set(key, value);
    found.push(root);
  }
  if (found.length === 0) return null;
  const before = formulaEvaluator(sheet);
  const after = formulaEvaluator(sheet, (r, c) => corrected.get(`${r},${c}`) ?? null);
  const figure = (evaluate: typeof before, r: number, c: number): number => {
    const fixed = evaluate === after ? corrected.get(`${r},${c}`) : undefined;
    if (fixed !== undefined) return fixed;
    const now = evaluate(r, c);
    if (typeof now === "number") return now;
    const parsed = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
    return parsed.kind === "number" ? parsed.value : 0;
  };
  // What the total should be once the reported cells are put right: its parts move with them.
  const expected =
    f.expected +
    parts.reduce(
      (moved, p) => moved + figure(after, p.row, p.column) - figure(before, p.row, p.column),
      0,
    );
  if (!samePence(figure(after, at.row, at.column), expected)) return null;
  // Roots the formula does not read leave it right as it is, not put out.
  if (!found.some((root) => own.has(rowColumnOf(root)))) right.formulas.add(f);
  return found;
}

const rowColumnOf = (f: Finding): string => {
  const at = parseAddress(f.cell);
  return `${at.row},${at.column}`;
};

/** The findings with knock-on findings folded into the root findings they follow from. */
export function foldConsequences(
  findings: readonly Finding[],
  sheetList: readonly SheetSnapshot[],
): Finding[] {
  const sheets = new Map(sheetList.map((s) => [s.name, s]));
  const all = rootsAmong(findings, new Set());
  if (all.at.size === 0) return findings.map(withoutParts);
  const causesOf = new Map<Finding, Finding[]>();
  const right: RightAsTheyAre = { typed: new Set(), formulas: new Set() };
  for (const f of findings) {
    if (!CONSEQUENCE_CODES.has(f.code)) continue;
    const causes = rootsOf(f, all, sheets, right);
    if (causes) causesOf.set(f, causes);
  }
  // A reported figure found to follow from others is no cause to put right: a grand total
  // =G25-E25 is judged again with those left as they are (the variance total it adds is right).
  const followers = new Set(causesOf.keys());
  if (followers.size > 0) {
    const causes = rootsAmong(findings, followers);
    for (const f of findings) {
      if (!CONSEQUENCE_CODES.has(f.code) || causesOf.has(f)) continue;
      const found = rootsOf(f, causes, sheets, right);
      if (found) causesOf.set(f, found);
    }
  }
  // A chain (a variance following a total following a line) is said at its first cell; a cycle
  // of findings each following another has no first cell, and every one of them stays.
  const firstCauses = (f: Finding, seen: Set<Finding>): Finding[] => {
    const causes = causesOf.get(f);
    if (!causes) return [f];
    if (seen.has(f)) return [];
    seen.add(f);
    return causes.flatMap((c) => firstCauses(c, seen));
  };
  const alsoOut = new Map<Finding, string[]>();
  const countedRight = new Map<Finding, string[]>();
  const addsUp = new Map<Finding, string[]>();
  const folded = new Set<Finding>();
  for (const f of causesOf.keys()) {
    const roots = [...new Set(firstCauses(f, new Set()))].filter((r) => r !== f);
    if (roots.length === 0) continue;
    folded.add(f);
    const notes = right.typed.has(f) ? countedRight : right.formulas.has(f) ? addsUp : alsoOut;
    for (const root of roots) {
      const cells = notes.get(root) ?? [];
      cells.push(root.sheet === f.sheet ? f.cell : keyOf(f.sheet, f.cell));
      notes.set(root, cells);
    }
  }
  const listOf = (cells: readonly string[]) =>
    cells.length === 1 ? cells[0] : `${cells.slice(0, -1).join(", ")} and ${cells.at(-1)}`;
  const one = (cells: readonly string[]) => cells.length === 1;
  const notesOf = (f: Finding): string => {
    const out = alsoOut.get(f);
    const typed = countedRight.get(f);
    const formulas = addsUp.get(f);
    return (
      (out ? `; it also puts out ${listOf(out)}, which follow${one(out) ? "s" : ""} from it` : "") +
      (typed
        ? `; ${listOf(typed)} ${one(typed) ? "is" : "are"} right as typed: ${one(typed) ? "it counts" : "they count"} the right figure here`
        : "") +
      (formulas
        ? `; ${listOf(formulas)} ${one(formulas) ? "is" : "are"} right: ${one(formulas) ? "it adds" : "they add"} up once this is put right`
        : "")
    );
  };
  return findings
    .filter((f) => !folded.has(f))
    .map((f) => {
      const notes = notesOf(f);
      const plain = withoutParts(f);
      return notes ? { ...plain, message: `${f.message}${notes}` } : plain;
    });
}

/** A finding as reported: the cells a total adds were for the fold only. */
function withoutParts(f: Finding): Finding {
  if (f.partCells === undefined) return f;
  const reported = { ...f };
  delete reported.partCells;
  return reported;
}

/** The findings that may be a cause, but for those found to follow from others. */
function rootsAmong(findings: readonly Finding[], followers: ReadonlySet<Finding>): Roots {
  const roots: Roots = {
    at: new Map(),
    all: [],
    byRow: new Map(),
    textByColumn: new Map(),
    unreadable: [],
  };
  const push = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key) ?? [];
    list.push(f);
    map.set(key, list);
  };
  for (const f of findings) {
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
