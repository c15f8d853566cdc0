/** A count as the pane shows it: grouped in thousands the en-GB way ("100,000 warnings"). */
export function countText(n: number): string {
  return n.toLocaleString("en-GB");
}

/** "1 table", "100,000 warnings": a count and its noun, plural unless one. */
export function plural(n: number, word: string): string {
  return `${countText(n)} ${word}${n === 1 ? "" : "s"}`;
}
