/**
 * The words a RAG rule is read by, shared by the clause parser (rag-rule.ts) and the reading of a
 * rule laid out in cells (rag-rule-layouts.ts): the colours a text names, and whether it states
 * a threshold figure.
 */
const COLOUR = /\b(red|amber|green)\b/gi;
/** "R: >5% adverse; A: 2-5% adverse; G: <2%": a colour's initial before ":" or "=". */
const INITIAL = /(?:^|[\s(|])([RAG])\s*[:=\-\u2013]/g;
const INITIALS: Record<string, string> = { R: "red", A: "amber", G: "green" };
/** "5%", "5 per cent", "5 percent", "5pc". */
export const PER_CENT = String.raw`(?:%|\s*per\s?cent\b|\s*pc\b)`;
/** A threshold figure of either kind: a share ("5%", "5 per cent") or an amount ("£250k"). */
export const HAS_FIGURE = new RegExp(String.raw`£|\d\s*${PER_CENT}`, "i");

/** The colours a clause names, in words or by initial ("R:", "A =" ). */
export function coloursOf(clause: string): string[] {
  const words = (clause.match(COLOUR) ?? []).map((c) => c.toLowerCase());
  const initials = [...clause.matchAll(INITIAL)].map((m) => INITIALS[m[1] ?? ""] ?? "");
  return [...words, ...initials];
}
