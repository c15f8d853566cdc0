import { parseMoney } from "./values";

/**
 * What the knock-on rule (consequences.ts) puts right: the amount a reported text cell evidently
 * means (the cells a formula reads are in consequence-parts.ts).
 */

/** The amount a text cell evidently means: "57,9OO" with a letter O for a zero is 57,900. */
export function intendedAmount(text: string): number | null {
  const direct = parseMoney(text);
  if (direct.kind === "number") return direct.value;
  const fixed = text
    .replace(/(?<=[\d,.])[oO]+|[oO]+(?=[\d,.])/g, (run) => "0".repeat(run.length))
    .replace(/(?<=\d)[lI]/g, "1");
  const parsed = parseMoney(fixed);
  return parsed.kind === "number" ? parsed.value : null;
}
