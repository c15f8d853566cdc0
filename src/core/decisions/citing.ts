import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import { holdsNumber, scanTables, type TableBounds } from "../tables/bounds";
import { memoByText } from "../memo";
import { cellText, type SheetSnapshot } from "../snapshot";
import { classifyFundingHeader } from "../tables/funding-columns";
import { parseDate, parseMoney } from "../values";
import { columnScale, toPounds } from "../tables/scale";

/**
 * Tables that spend money on a decision's authority: a funding, allocation, budget or projects
 * table with a column citing the decision ("Decision ref", "Approval", "Authority"). Read as laid
 * out, independently of the kind the table is otherwise reported as, so a grant allocations table
 * stays an allocations table for reconciliation and is also checked against the register.
 */
type CitingField = "decision" | "amount" | "start" | "label";

const SPECS: readonly FieldSpec<CitingField>[] = [
  {
    field: "decision",
    synonyms: [
      "decision ref",
      "decision reference",
      "decision",
      "decision no",
      "approval",
      "approval ref",
      "approval reference",
      "authority",
      "authority ref",
      "approved under",
      "cabinet decision",
      "decision record",
    ],
  },
  {
    field: "amount",
    synonyms: [
      "amount",
      "allocation",
      "allocated",
      "grant",
      "grant awarded",
      "award",
      "budget",
      "approved budget",
      "revised budget",
      "current budget",
      "value",
      "funding",
      "cost",
      "total",
    ],
  },
  {
    field: "start",
    synonyms: [
      "start date",
      "start",
      "funding from",
      "funding start",
      "from",
      "commencement date",
      "period start",
      "spend from",
    ],
  },
  {
    field: "label",
    synonyms: [
      "project",
      "scheme",
      "item",
      "description",
      "name",
      "title",
      "organisation",
      "recipient",
      "provider",
      "service",
    ],
  },
];

type HeaderHit =
  { kind: "year"; year: string } | { kind: "field"; field: CitingField; quality: number };

const classify = memoByText((text: string): HeaderHit | null => {
  const funding = classifyFundingHeader(text);
  if (funding?.role === "money" && !funding.total) return { kind: "year", year: funding.year };
  const m = matchField(normaliseHeader(text), SPECS);
  return m && m.quality >= 0.9 ? { kind: "field", field: m.field, quality: m.quality } : null;
});

export type CitingColumns = Partial<Record<CitingField, number>> & { decision: number };

export interface CitingTable extends TableBounds {
  columns: CitingColumns;
  /** Money columns by financial year, in column order. */
  years: { column: number; year: string }[];
}

export interface CitingRow {
  sheet: string;
  /** The table the row is in ("Grants!3", its sheet and header row): money is added up per table. */
  table: string;
  row: number;
  /** The cell citing the decision. */
  at: readonly [number, number];
  references: string[];
  label: string;
  /** Money by cell: one amount column, or one cell per year. */
  money: { column: number; year: string | null; amount: number }[];
  start: { column: number; serial: number } | null;
  /** The table keeps no money beside its references (a "Decision ref | Note" list). */
  moneyless: boolean;
}

function matchHeader(sheet: SheetSnapshot, row: number): CitingColumns | null {
  const cells = sheet.rows[row];
  if (!cells || holdsNumber(sheet, row, 0, cells.length - 1)) return null;
  const found: Partial<Record<CitingField, number>> = {};
  // "Approver | Approval date | Decision ref": the heading naming the field best is its column.
  const quality: Partial<Record<CitingField, number>> = {};
  let years = 0;
  let headings = 0;
  cells.forEach((cell, c) => {
    if (typeof cell?.value !== "string" || cell.value.trim() === "") return;
    headings++;
    const hit = classify(cell.value.trim());
    if (hit?.kind === "year") years++;
    else if (hit?.kind === "field" && hit.quality > (quality[hit.field] ?? 0)) {
      found[hit.field] = c;
      quality[hit.field] = hit.quality;
    }
  });
  if (found.decision === undefined) return null;
  // A table citing decisions without money ("Decision ref | Note | Owner") still has its
  // references checked: a decision column and at least two other headings make it a table.
  if (years === 0 && found.amount === undefined && headings < 3) return null;
  return { ...found, decision: found.decision };
}

/** Every table on the sheet that cites decisions beside its money. */
export function detectCitingTables(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): CitingTable[] {
  return scanTables(sheet, taken, (row) => matchHeader(sheet, row)).map((t) => {
    const years: CitingTable["years"] = [];
    (sheet.rows[t.headerRow] ?? []).forEach((cell, column) => {
      const hit = typeof cell?.value === "string" ? classify(cell.value.trim()) : null;
      if (hit?.kind === "year") years.push({ column, year: hit.year });
    });
    return { ...t, years };
  });
}

/** A reference-like code inside longer text: letters and figures, not a date ("Cabinet E3469"). */
function codeIn(text: string): string | null {
  if (!/\s/.test(text)) return text;
  // A code written with a space after its letters ("EX 24/01", "CAB 12/24"), as registers key them.
  if (/^[A-Z]{1,6}\s\d+(?:[./-]\d+)+$/i.test(text) && parseDate(text) === null) return text;
  for (const token of text.split(/\s+/)) {
    const bare = token.replace(/^[(["']+|[)\]"'.,:]+$/g, "");
    if (/\d/.test(bare) && /[A-Za-z]/.test(bare) && parseDate(bare) === null) return bare;
  }
  // Words only ("Officer decision", "Approved by Cabinet") stay as written: the register may key
  // a decision so; checks.ts reports a missing one only when it carries figures, as references do.
  // A date with words ("Cabinet 12/03/2024") is when, not which, and is no reference.
  return /\d/.test(text) ? null : text;
}

/** A cell citing one or more decisions: "E3469", "E3393; E3469", "Cabinet decision E3469". */
export function citedReferences(text: string): string[] {
  return (
    text
      .split(/[;,&\n]|\s+and\s+/i)
      .map((s) => s.trim())
      .filter((s) => s !== "" && !/^(n\/?a|none|tbc|yes|no|y|n|-+)$/i.test(s))
      // A date typed as text ("12/03/2024", "2024-03-12") is when, not which.
      .filter((s) => parseDate(s) === null)
      .map(codeIn)
      .filter((s): s is string => s !== null)
  );
}

/** The rows of a citing table that cite a decision, with their money; total rows are left out. */
export function citingRows(sheet: SheetSnapshot, table: CitingTable): CitingRow[] {
  const { columns } = table;
  const out: CitingRow[] = [];
  const scale = (column: number) => columnScale(sheet, table.headerRow, column);
  for (const row of table.dataRows) {
    const cells = sheet.rows[row] ?? [];
    const cited = cells[columns.decision] ?? undefined;
    // A number or a date in the column (an "Approval" column holding approval dates) names no
    // decision: only text cites one.
    const references = typeof cited?.value === "string" ? citedReferences(cited.value) : [];
    if (references.length === 0) continue;
    const label = columns.label === undefined ? "" : cellText(cells[columns.label] ?? undefined);
    if (/\btotals?\b/i.test(label)) continue;
    const money: CitingRow["money"] = [];
    const add = (column: number, year: string | null) => {
      const p = parseMoney(cells[column]?.value ?? null);
      const amount = p.kind === "number" ? toPounds(p.value, scale(column)) : 0;
      if (amount !== 0) money.push({ column, year, amount });
    };
    if (table.years.length > 0) for (const y of table.years) add(y.column, y.year);
    else if (columns.amount !== undefined) add(columns.amount, null);
    const startSerial =
      columns.start === undefined ? null : parseDate(cells[columns.start]?.value ?? null);
    out.push({
      moneyless: table.years.length === 0 && columns.amount === undefined,
      sheet: sheet.name,
      table: `${sheet.name}!${table.headerRow}`,
      row,
      at: [row, columns.decision],
      references,
      label,
      money,
      start:
        startSerial === null || columns.start === undefined
          ? null
          : { column: columns.start, serial: startSerial },
    });
  }
  return out;
}
