import type { Finding } from "../findings";

const LEFT_OUT = /: (left out of .+)$/;

/**
 * A "tbc" cell of a sources table is noted by its table's check (which totals leave it out) and,
 * when money is allocated against it, warned of by reconciliation: the same cell and code twice.
 * It is said once, as the warning, carrying what the note says is left out.
 */
export function oneNotePerUnconfirmedCell(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => `${f.sheet}!${f.cell}`;
  const warned = new Set(
    findings.filter((f) => f.code === "unconfirmed-funding" && f.severity === "warning").map(key),
  );
  if (warned.size === 0) return [...findings];
  const leftOut = new Map<string, string>();
  const kept = findings.filter((f) => {
    if (f.code !== "unconfirmed-funding" || f.severity !== "info" || !warned.has(key(f)))
      return true;
    const said = LEFT_OUT.exec(f.message)?.[1];
    if (said) leftOut.set(key(f), said);
    return false;
  });
  return kept.map((f) => {
    const said = f.severity === "warning" ? leftOut.get(key(f)) : undefined;
    return said ? { ...f, message: `${f.message}; it is ${said}` } : f;
  });
}
