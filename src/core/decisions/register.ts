import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import {
  columnLetters,
  holdsNumber,
  placement,
  scanTables,
  type TableBounds,
} from "../tables/bounds";
import { memoByText } from "../memo";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseYearLabel } from "../tables/years";
import { parseDate, parseMoney } from "../values";
import { columnScale, toPounds, type MoneyScale } from "../tables/scale";
import type { DecisionStatusKind, RegisterField } from "./record";
import { statusKind } from "./read";

/**
 * A council's decisions log or approvals register, read as laid out: whatever its columns are
 * called ("Decision ref", "Ref.", "Approved £", "Date of decision"), wherever its header sits.
 * Year columns ("2024/25") hold the amount approved for that year.
 */
const SPECS: readonly FieldSpec<RegisterField>[] = [
  {
    field: "reference",
    synonyms: [
      "decision reference",
      "decision ref",
      "decision no",
      "decision number",
      "decision id",
      "reference",
      "ref",
      "ref no",
      "record no",
      "record of decision ref",
      "record of decision reference",
      "record of decision no",
    ],
  },
  { field: "title", synonyms: ["title", "decision title", "subject", "decision", "description"] },
  {
    field: "decisionMaker",
    synonyms: [
      "decision maker",
      "decision taker",
      "decided by",
      "approved by",
      "body",
      "meeting",
      "authority",
      "approving authority",
    ],
  },
  { field: "status", synonyms: ["status", "decision status", "outcome", "result"] },
  { field: "keyDecision", synonyms: ["key decision", "is key decision", "key"] },
  {
    field: "subjectToCallIn",
    synonyms: ["subject to call in", "call in", "callin", "is subject to call in"],
  },
  {
    field: "dateOfDecision",
    // A bare "Date" (exact only: the word is too short to match loosely) in a decisions log is
    // when the decision was taken; the log must still name a second decision field to be one.
    synonyms: [
      "date of decision",
      "decision date",
      "date decided",
      "date approved",
      "date taken",
      "date",
    ],
  },
  {
    field: "publicationDate",
    synonyms: ["publication date", "date published", "published", "publication"],
  },
  {
    field: "effectiveFrom",
    synonyms: [
      "effective from",
      "effective date",
      "date effective",
      "effective",
      "takes effect",
      "date takes effect",
      "implementation date",
      "comes into force",
      "in force from",
      "date in force",
    ],
  },
  {
    field: "amountApproved",
    synonyms: [
      "amount approved",
      "approved amount",
      "approved",
      "amount",
      "value approved",
      "approved value",
      "sum approved",
      "total approved",
      "approval",
      "value",
      "budget approved",
    ],
  },
  { field: "fundingSource", synonyms: ["funding source", "source of funding", "funded from"] },
  { field: "periodStart", synonyms: ["period start", "start date", "start", "period from"] },
  { field: "periodEnd", synonyms: ["period end", "end date", "end", "period to"] },
  {
    field: "relatedReferences",
    synonyms: ["related references", "related decisions", "related", "earlier decisions"],
  },
  { field: "sourceFile", synonyms: ["source file", "record", "source document", "document"] },
];

const DECISION_FIELDS: readonly RegisterField[] = [
  "decisionMaker",
  "dateOfDecision",
  "keyDecision",
  "subjectToCallIn",
  "publicationDate",
  "effectiveFrom",
  "status",
];

type HeaderHit = { kind: "year"; year: string } | { kind: "field"; field: RegisterField };

const classify = memoByText((text: string): HeaderHit | null => {
  const year = parseYearLabel(text);
  if (year?.label.kind === "year") return { kind: "year", year: year.label.year };
  const m = matchField(normaliseHeader(text), SPECS);
  return m && m.quality >= 0.8 ? { kind: "field", field: m.field } : null;
});

export type RegisterColumns = Partial<Record<RegisterField, number>>;

export interface DecisionRow {
  row: number;
  reference: string;
  title: string;
  decisionMaker: string;
  status: string;
  statusKind: DecisionStatusKind;
  keyDecision: boolean | null;
  subjectToCallIn: boolean | null;
  /** Excel serials. */
  dateOfDecision: number | null;
  publicationDate: number | null;
  effectiveFrom: number | null;
  amountApproved: number | null;
  /** Amounts approved per financial year, from the register's year columns. */
  byYear: Record<string, number>;
  periodStart: number | null;
  periodEnd: number | null;
  /** The register's Source file cell ("" when it has none or no such column). */
  sourceFile?: string;
}

export interface DecisionsTable extends TableBounds {
  kind: "decisions";
  columns: RegisterColumns;
  years: Map<number, string>;
  decisions: DecisionRow[];
}

export interface DecisionsTableReport {
  sheet: string;
  kind: "decisions";
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  references: string[];
}

function yearColumns(sheet: SheetSnapshot, row: number): Map<number, string> {
  const years = new Map<number, string>();
  (sheet.rows[row] ?? []).forEach((cell, c) => {
    const hit = typeof cell?.value === "string" ? classify(cell.value.trim()) : null;
    if (hit?.kind === "year") years.set(c, hit.year);
  });
  return years;
}

function matchHeader(sheet: SheetSnapshot, row: number): RegisterColumns | null {
  const cells = sheet.rows[row];
  if (!cells || holdsNumber(sheet, row, 0, cells.length - 1)) return null;
  const columns: RegisterColumns = {};
  let mentionsDecision = false;
  cells.forEach((cell, c) => {
    if (!cell || typeof cell.value !== "string") return;
    if (/decision|approv|call.?in/i.test(cell.value)) mentionsDecision = true;
    const hit = classify(cell.value.trim());
    if (hit?.kind === "field" && columns[hit.field] === undefined) columns[hit.field] = c;
  });
  const decisionFields = DECISION_FIELDS.filter((f) => columns[f] !== undefined).length;
  if (columns.reference === undefined || !mentionsDecision) return null;
  if (decisionFields >= 2 || plainApprovalsLog(cells, columns)) return columns;
  return null;
}

const headerText = (cells: SheetSnapshot["rows"][number], column: number | undefined) => {
  const v = column === undefined ? null : cells?.[column]?.value;
  return typeof v === "string" ? v : "";
};

/** Words of a table that spends money line by line (and may cite a decision beside it). */
const SPENDING_LINE =
  /\b(project|scheme|recipient|organi[sz]ation|provider|grant|allocat\w*|budget|spend|cost|award\w*)\b/i;

/**
 * A plain approvals log ("Decision ref | Description | Decision date | Approved £"): its key
 * says it names decisions, and each line gives when one was taken or what it approved. A
 * funding or allocations table citing a decision ("Ref | Project | Decision ref | Amount") is
 * not one: its lines are keyed by their own reference or name what they spend on.
 */
function plainApprovalsLog(
  cells: SheetSnapshot["rows"][number],
  columns: RegisterColumns,
): boolean {
  if (!/decision|approv/i.test(headerText(cells, columns.reference))) return false;
  const approvedAmount =
    columns.amountApproved !== undefined &&
    /approv/i.test(headerText(cells, columns.amountApproved));
  if (columns.dateOfDecision === undefined && !approvedAmount) return false;
  return !(cells ?? []).some((cell, c) => {
    if (c === columns.reference || typeof cell?.value !== "string") return false;
    const text = cell.value;
    return SPENDING_LINE.test(text) || /\bref(erence)?\b|\bno\.?$|\bid$/i.test(text);
  });
}

function yesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (/^(yes|y|true|key|✓)$/.test(t)) return true;
  if (/^(no|n|false|non-key|not key)$/.test(t)) return false;
  return null;
}

/** A reference as compared: case, spaces and surrounding punctuation do not count. */
export function referenceKey(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, "");
}

/** Amounts in pounds whatever scale a column is kept in ("Approved £'000"). */
type ScaleOf = (column: number) => MoneyScale;

function readRow(
  sheet: SheetSnapshot,
  row: number,
  columns: RegisterColumns,
  years: Map<number, string>,
  scale: ScaleOf,
): DecisionRow {
  const cell = (f: RegisterField) =>
    columns[f] === undefined ? undefined : (sheet.rows[row]?.[columns[f]] ?? undefined);
  const text = (f: RegisterField) => cellText(cell(f));
  const date = (f: RegisterField) => parseDate(cell(f)?.value ?? null);
  const money = parseMoney(cell("amountApproved")?.value ?? null);
  const byYear: Record<string, number> = {};
  for (const [column, year] of years) {
    const p = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
    if (p.kind === "number") byYear[year] = (byYear[year] ?? 0) + toPounds(p.value, scale(column));
  }
  const status = text("status");
  return {
    row,
    reference: text("reference"),
    title: text("title"),
    decisionMaker: text("decisionMaker"),
    status,
    statusKind: status ? statusKind(status) : "unknown",
    keyDecision: yesNo(text("keyDecision")),
    subjectToCallIn: yesNo(text("subjectToCallIn")),
    dateOfDecision: date("dateOfDecision"),
    publicationDate: date("publicationDate"),
    effectiveFrom: date("effectiveFrom"),
    amountApproved:
      money.kind === "number" && columns.amountApproved !== undefined
        ? toPounds(money.value, scale(columns.amountApproved))
        : null,
    byYear,
    periodStart: date("periodStart"),
    periodEnd: date("periodEnd"),
    sourceFile: text("sourceFile"),
  };
}

/** A "Total" line under a register adds its amounts up; it is not a decision. */
export function isTotalRow(d: Pick<DecisionRow, "reference" | "title">): boolean {
  return /^(grand\s+)?totals?\b/i.test(d.reference.trim() || d.title.trim());
}

/** Every decisions register on the sheet, skipping rows other kinds of table hold. */
export function detectDecisionRegisters(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): DecisionsTable[] {
  return scanTables(sheet, taken, (row) => matchHeader(sheet, row)).map((t) => {
    const { columns } = t;
    const years = yearColumns(sheet, t.headerRow);
    const scale = (column: number) => columnScale(sheet, t.headerRow, column);
    const decisions = t.dataRows
      .map((row) => readRow(sheet, row, columns, years, scale))
      .filter((d) => (d.reference !== "" || d.title !== "") && !isTotalRow(d));
    return { ...t, kind: "decisions" as const, columns, years, decisions };
  });
}

export function decisionsReport(t: DecisionsTable): DecisionsTableReport {
  return {
    ...placement(t),
    // The rows holding decisions: a Total row is the register's sum, not a decision.
    rows: t.decisions.length,
    kind: "decisions",
    columns: columnLetters(t.columns),
    references: t.decisions.map((d) => d.reference).filter((r) => r !== ""),
  };
}
