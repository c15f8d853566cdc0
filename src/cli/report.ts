import {
  countBySeverity,
  describeBands,
  type Finding,
  formatMoney,
  isRiskReport,
  type Reconciliation,
  type ShownChange,
  type TableReport,
  type Written,
} from "../core";

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts the sequences that
 * clear the screen, move the cursor or retitle the window), DEL, C1 controls (U+009B is a
 * one-character CSI), and the bidirectional overrides and isolates, which reorder what is shown
 * so that one text reads as another. Sheet names and cell text come from the file.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of text from a file made safe to print: each unsafe character as a visible escape. */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/**
 * One JSON document. JSON.stringify escapes C0 controls already; C1 controls and bidirectional
 * marks are escaped here too (as \\uXXXX, the same string to any JSON reader), so that --json
 * printed to a terminal cannot act on it either.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** Report lines joined for the terminal: a line break inside one (from the file) is escaped too. */
export function screenText(lines: readonly string[]): string {
  return lines.map(neutralise).join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text + " " : text + " ".repeat(width - text.length);
}

export function tablesText(tables: readonly TableReport[]): string[] {
  if (tables.length === 0) return ["No tables recognised."];
  const nameWidth = Math.max(...tables.map((t) => t.sheet.length)) + 2;
  const lines = [`Tables (${tables.length})`];
  for (const t of tables) {
    const where = `  ${pad(t.sheet, nameWidth)}${pad(t.kind, 16)}${pad(t.range, 10)}${pad(plural(t.rows, "row"), 9)}`;
    if (isRiskReport(t)) {
      const from =
        t.bands.source === "sheet"
          ? `key at ${t.bands.at ?? "?"}`
          : t.bands.source === "ratings"
            ? `inferred from the register's own ratings, ${plural(t.bands.rows ?? 0, "rated row")}`
            : t.bands.source;
      lines.push(`${where}scale 1-${t.scale}  bands ${describeBands(t.bands.bands)} (${from})`);
    } else if (t.kind === "projects") {
      lines.push(`${where}${t.projects.join(", ")}`);
    } else if (t.kind === "budget") {
      // The table's own convention: "Under/(Over)" and "Fav/(Adv)" state budget − forecast.
      const budget = t.budgetWords ?? `${t.budget} budget`;
      const variance =
        t.varianceConvention === "budget-minus-forecast"
          ? `${budget} − ${t.compareWith}`
          : `${t.compareWith} − ${budget}`;
      const said = {
        header: " (as the header states)",
        figures: " (as the figures show)",
        usual: "",
      };
      lines.push(`${where}variance = ${variance}${said[t.conventionFrom]}`);
    } else if (t.kind === "decisions") {
      lines.push(`${where}decisions ${t.references.join(", ")}`);
    } else if (t.kind === "monthly-profile") {
      const span = `${t.months[0]?.month ?? "?"}–${t.months[t.months.length - 1]?.month ?? "?"}`;
      const variance = t.variance
        ? t.variance.convention === "forecast-minus-budget"
          ? "  variance = full year − budget"
          : "  variance = budget − full year"
        : "";
      lines.push(`${where}months ${span} in ${t.unit}${variance}`);
    } else {
      const sources = t.sources ? `  sources ${t.sources.join(", ")}` : "";
      lines.push(`${where}${fundingColumnsText(t.years, t.columns)}${sources}`);
    }
  }
  return lines;
}

/**
 * A funding table's money columns in the summary line: its years, or for a register kept
 * without years (a grants register) its award, paid and balance columns — never a bare "years".
 */
function fundingColumnsText(years: readonly string[], columns: Record<string, string>): string {
  if (years.length > 0) return `years ${years.join(", ")}`;
  const named = (["award", "paid", "balance"] as const)
    .filter((role) => columns[role] !== undefined)
    .map((role) => `${role} ${columns[role]}`);
  return named.length > 0 ? named.join("  ") : "no year columns";
}

export function findingsText(findings: readonly Finding[]): string[] {
  const counts = countBySeverity(findings);
  const lines = [
    `Findings: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "note")}`,
  ];
  const where = (f: Finding) => `${f.sheet}!${f.cell}`;
  const width = Math.max(0, ...findings.map((f) => where(f).length)) + 2;
  for (const f of findings) {
    lines.push(`  ${pad(f.severity, 8)}${pad(where(f), width)}${pad(f.code, 19)}${f.message}`);
  }
  return lines;
}

/** A value in the change list: as the cell shows it (ShownChange), or "blank". */
function shownText(text: string): string {
  return text === "" ? "blank" : text;
}

export function writesText(
  out: string,
  written: readonly Written[],
  changed: readonly ShownChange[],
): string[] {
  const lines = [`Wrote ${plural(written.length, "column range")} to ${out}`];
  for (const w of written) lines.push(`  ${w.sheet}!${w.range}  ${w.column}`);
  const different = changed.filter((c) => c.valueChanged);
  const rounded = changed.filter((c) => c.rounded).length;
  const same = changed.length - different.length - rounded;
  lines.push(
    `${plural(different.length, "cell")} now show${different.length === 1 ? "s" : ""} a different value`,
  );
  for (const c of different.slice(0, 20)) {
    lines.push(
      `  ${c.sheet}!${c.cell}  ${shownText(c.shown.before)} -> ${shownText(c.shown.after)}  ${String(c.after)}`,
    );
  }
  if (different.length > 20)
    lines.push(`  ... and ${different.length - 20} more (--json lists them all)`);
  if (same > 0)
    lines.push(`${plural(same, "typed value")} replaced by a formula giving the same value`);
  if (rounded > 0)
    lines.push(
      `${plural(rounded, "typed value")} replaced by a formula showing the same figure at the cell's number format (rounded)`,
    );
  return lines;
}

export function reconciliationText(r: Reconciliation): string[] {
  const lines = [
    `Match-funding reconciliation (${r.sources.sheet} against ${r.allocations.map((a) => a.sheet).join(", ")})`,
  ];
  for (const m of r.mapping) lines.push(`  "${m.allocation}" is ${m.source} (${m.how})`);
  for (const u of r.unmatched) lines.push(`  "${u}" matches no source`);
  for (const y of r.years) {
    const tbc =
      y.unconfirmed > 0 ? `, ${formatMoney(y.unconfirmed)} of it against unconfirmed funding` : "";
    lines.push(
      `  ${y.year}: available ${formatMoney(y.available)}, allocated ${formatMoney(y.allocated)}${tbc}`,
    );
    for (const l of r.lines.filter((x) => x.year === y.year)) {
      const available = l.available === null ? "tbc" : formatMoney(l.available);
      // An allocation still "tbc" is not in the figure: said beside it.
      const tbc = l.status === "unconfirmed" && !l.unconfirmed ? " + tbc" : "";
      const allocated = `${formatMoney(l.allocated)}${tbc}`;
      lines.push(
        `    ${pad(l.status, 12)}available ${pad(available, 12)}allocated ${pad(allocated, 12)}${l.source}`,
      );
    }
  }
  return lines;
}
