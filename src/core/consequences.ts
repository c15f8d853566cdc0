import { parseAddress } from "./a1";
import {
  correctedValue,
  correctionOf,
  errorOf,
  rootsAmong,
  typedFollower,
  type Roots,
} from "./consequence-roots";
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

/** Findings about a figure that may only follow from others. */
const CONSEQUENCE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "total-mismatch",
  "variance-mismatch",
  "reconciliation-difference",
]);

const keyOf = (sheet: string, cell: string) => `${sheet}!${cell}`;

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
    const follows = typedFollower(f, at.row, at.column, roots, sheet);
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
