import { normaliseHeader } from "../headers";
import type { WorkbookSnapshot } from "../snapshot";
import { detectDecisionRegisters, referenceKey, type DecisionRow } from "./register";

/**
 * The decision a project rests on, for its PID's Approval section: the register row its projects
 * row cites by reference (a "Decision ref" column), or else the one decision whose title names
 * the project. Null when the workbook has no register or the register holds no such decision.
 */
export function projectDecision(
  snapshot: WorkbookSnapshot,
  project: { name: string; cited: string | null },
): DecisionRow | null {
  const decisions = snapshot.sheets
    .filter((s) => s.ours === undefined)
    .flatMap((s) => detectDecisionRegisters(s, new Set()))
    .flatMap((t) => t.decisions);
  if (project.cited) {
    const key = referenceKey(project.cited);
    const hit = decisions.find((d) => d.reference !== "" && referenceKey(d.reference) === key);
    if (hit) return hit;
  }
  const name = normaliseHeader(project.name);
  if (name.length < 4) return null;
  const named = decisions.filter((d) => ` ${normaliseHeader(d.title)} `.includes(` ${name} `));
  // Two decisions naming the project: which approved it is a judgement, not ours to make.
  return named.length === 1 ? (named[0] ?? null) : null;
}
