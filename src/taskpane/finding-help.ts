import type { Finding } from "../core";

export interface FindingHelp {
  /** What the code means, in a few words for a filter or a heading ("Variance does not match"). */
  label: string;
  /** Why an officer should care, in one line. */
  why: string;
  /** What to do about it, in one line. */
  fix: string;
}

/**
 * A label, one line of "why it matters" and one of "how to fix" per finding code (DESIGN.md's table). Keyed by
 * string, not by the FindingCode union, so a code added by another rule shows without help
 * instead of failing to compile; `helpFor` returns undefined for such a code.
 */
const HELP: Readonly<Record<string, FindingHelp>> = {
  "missing-value": {
    label: "Missing value",
    why: "A blank rating or amount leaves the row out of every total and score.",
    fix: "Fill in the cell, or mark the row as not applicable.",
  },
  "not-a-number": {
    label: "Not a number",
    why: "Text in a number column is skipped by sums and scores.",
    fix: "Type the number itself (no words); use tbc only where money is unconfirmed.",
  },
  "out-of-range": {
    label: "Off the scale",
    why: "A rating outside the scale gives a score the key cannot band.",
    fix: "Use a value on the register's scale (see its Risk Key).",
  },
  "score-mismatch": {
    label: "Score does not match",
    why: "A wrong score puts the risk in the wrong priority band.",
    fix: "Write the calculated columns: the score becomes likelihood × impact, as a formula.",
  },
  "priority-mismatch": {
    label: "Priority does not match",
    why: "The priority shown does not match the band of the score in the key.",
    fix: "Write the calculated columns, or correct the key if the bands have changed.",
  },
  "total-mismatch": {
    label: "Total does not add up",
    why: "A typed total that differs from its parts misstates the money.",
    fix: "Replace the typed total with a SUM of its lines, or correct the lines.",
  },
  "variance-mismatch": {
    label: "Variance does not match",
    why: "A wrong variance hides an overspend (or shows one that is not there).",
    fix: "Write the calculated columns: variance becomes actual − budget, as a formula.",
  },
  "reconciliation-difference": {
    label: "Funding does not reconcile",
    why: "Allocations do not add up to the funding available for that source and year.",
    fix: "Adjust the allocations or the source's amount until the difference is nil.",
  },
  "unconfirmed-funding": {
    label: "Unconfirmed funding",
    why: "Money is allocated from a source that is not confirmed for that year.",
    fix: "Confirm the funding, or record the risk and keep the allocation provisional.",
  },
  "review-overdue": {
    label: "Review overdue",
    why: "A risk past its review date may no longer be rated correctly.",
    fix: "Review the risk with its owner and set the next review date.",
  },
  "duplicate-id": {
    label: "Duplicate reference",
    why: "Two rows with one reference make reports and cross-references ambiguous.",
    fix: "Give each row its own reference.",
  },
  "number-as-text": {
    label: "Number stored as text",
    why: "Excel's own SUM ignores numbers stored as text.",
    fix: "Convert the cell to a number (Data > Text to Columns, or retype it).",
  },
  "formula-not-evaluated": {
    label: "Formula not checked",
    why: "The workbook holds no saved result for these formulas, so their figures could not be checked.",
    fix: "Open the workbook in Excel, let it calculate and save it, then check it again.",
  },
  "layout-not-found": {
    label: "No table recognised",
    why: "Nothing on this sheet was checked.",
    fix: "If it holds a register or funding table, check its header row has the usual column names.",
  },
  "ambiguous-year": {
    label: "Ambiguous year",
    why: "A year like 2009 could mean 2008/09 or 2009/10.",
    fix: "Label the column with the financial year, e.g. 2009/10.",
  },
  "decision-not-found": {
    label: "Decision not found",
    why: "Money cites a decision the decisions register does not hold.",
    fix: "Correct the reference, or add the decision to the register.",
  },
  "decision-not-approved": {
    label: "Decision not approved",
    why: "Money rests on a decision that was rejected, deferred or withdrawn.",
    fix: "Find the decision that does authorise the spend, or stop the allocation.",
  },
  "over-approval": {
    label: "More than approved",
    why: "More is allocated than the decision approved.",
    fix: "Reduce the allocation or seek a further decision.",
  },
  "before-effective": {
    label: "Before the decision took effect",
    why: "Funding starts before the decision could take effect.",
    fix: "Move the start after call-in ends, or record the urgency exemption.",
  },
  "key-decision-not-marked": {
    label: "Key decision not marked",
    why: "A key decision needs notice in the Forward Plan.",
    fix: "Mark the decision as key and check it was published with notice.",
  },
  "late-publication": {
    label: "Published late",
    why: "A decision published late weakens scrutiny and call-in.",
    fix: "Note the reason for the delay in the record.",
  },
};

export function helpFor(code: string): FindingHelp | undefined {
  return HELP[code];
}

/** A code's label ("Variance does not match"), or the code itself for a code without help. */
export function codeLabel(code: string): string {
  return HELP[code]?.label ?? code;
}

// CSV is written by hand: RFC 4180 quoting is a few lines, and the CSV libraries in reach
// (@fast-csv/format, under ExcelJS) are built on Node streams the task pane bundle does not
// carry. test/unit/taskpane-helpers.test.ts parses the output with @fast-csv/parse.

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
function csvField(value: unknown): string {
  let text = value === undefined || value === null ? "" : String(value);
  // A spreadsheet opening the CSV would run "=..." as a formula (CSV injection): prefix a quote.
  // Numbers (a negative expected value) are left as they are.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  "severity",
  "code",
  "sheet",
  "cell",
  "table",
  "message",
  "expected",
  "actual",
] as const;

/** Each finding's one line of help, after its own fields in an export. */
export const HELP_COLUMNS = ["why it matters", "how to fix"] as const;

/** A finding's help as the export's last two columns ("" for a code without help). */
export function helpCells(f: Finding): [string, string] {
  const help = helpFor(f.code);
  return [help?.why ?? "", help?.fix ?? ""];
}

/** What an export was taken from: the file, the "as at" date of its check, the filters. */
export interface ExportContext {
  file: string;
  /** The day review dates were judged against, dd/mm/yyyy. */
  asAt: string;
  filter: string;
}

/** The lines above an export's table: label and value. */
export function contextLines(context: ExportContext): [string, string][] {
  return [
    ["File", context.file],
    ["As at", context.asAt],
    ["Filter", context.filter],
  ];
}

/**
 * The findings as CSV, with CRLF line ends as RFC 4180 says: the context first (file, as-at
 * date, filter), a blank line, then a header and one row per finding with its help.
 */
export function findingsCsv(findings: readonly Finding[], context?: ExportContext): string {
  const rows = findings.map((f) =>
    [...CSV_COLUMNS.map((c) => csvField(f[c])), ...helpCells(f).map(csvField)].join(","),
  );
  const head = context ? [...contextLines(context).map((l) => l.map(csvField).join(",")), ""] : [];
  return [...head, [...CSV_COLUMNS, ...HELP_COLUMNS].join(","), ...rows].join("\r\n") + "\r\n";
}

/**
 * The CSV as saved to a file: a UTF-8 byte-order mark first, without which Excel reads the file in
 * the system code page and "£" comes out as "Â£".
 */
export function findingsCsvFile(findings: readonly Finding[], context?: ExportContext): string {
  return `\uFEFF${findingsCsv(findings, context)}`;
}
