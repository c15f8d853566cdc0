import type { Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { checkDecisions, type DecisionCheckOptions } from "./checks";
import { citingRows, detectCitingTables } from "./citing";
export { decisionsReport, detectDecisionRegisters } from "./register";
import {
  decisionsReport,
  detectDecisionRegisters,
  type DecisionsTable,
  type DecisionsTableReport,
} from "./register";

export type { DecisionCheckOptions } from "./checks";
export type { DecisionsTable, DecisionsTableReport } from "./register";

export interface DecisionsResult {
  tables: DecisionsTableReport[];
  registers: DecisionsTable[];
  findings: Finding[];
  /** Rows the registers hold, by sheet: other kinds of table must not claim them. */
  claimed: Map<string, Set<number>>;
}

/**
 * The decisions kind, as analyseWorkbook calls it: finds the decisions registers (skipping rows
 * in `taken`), and, where there is a register, checks every table citing a decision against it.
 * Tables citing decisions in a workbook without a register are left alone: with no register
 * there is nothing to check them against, and a column called "Approval" may mean something else.
 */
export function analyseDecisions(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  options: DecisionCheckOptions = {},
): DecisionsResult {
  const registers = sheets.flatMap((sheet) =>
    detectDecisionRegisters(sheet, taken.get(sheet.name) ?? new Set()),
  );
  const claimed = new Map<string, Set<number>>();
  for (const t of registers) {
    const rows = claimed.get(t.sheet) ?? new Set<number>();
    for (let r = t.headerRow; r <= t.lastRow; r++) rows.add(r);
    claimed.set(t.sheet, rows);
  }
  if (registers.length === 0) return { tables: [], registers, findings: [], claimed };
  const skip = new Map<string, ReadonlySet<number>>();
  for (const sheet of sheets)
    skip.set(
      sheet.name,
      new Set([...(taken.get(sheet.name) ?? []), ...(claimed.get(sheet.name) ?? [])]),
    );
  return {
    tables: registers.map(decisionsReport),
    registers,
    findings: checkCitations(sheets, registers, skip, options),
    claimed,
  };
}

/**
 * Whether the sheet holds a table citing decision references (a "Decision ref" column beside
 * money or other headings): a recognised table even where no other kind claims it.
 */
export function citesDecisions(sheet: SheetSnapshot): boolean {
  return detectCitingTables(sheet, new Set()).length > 0;
}

/**
 * Every table citing a decision reference, outside the rows in `skip` (other tables and the
 * registers themselves), checked against the registers. Nothing without a register.
 */
export function checkCitations(
  sheets: readonly SheetSnapshot[],
  registers: readonly DecisionsTable[],
  skip: ReadonlyMap<string, ReadonlySet<number>>,
  options: DecisionCheckOptions = {},
): Finding[] {
  if (registers.length === 0) return [];
  const rows = sheets.flatMap((sheet) =>
    detectCitingTables(sheet, new Set(skip.get(sheet.name) ?? [])).flatMap((t) =>
      citingRows(sheet, t),
    ),
  );
  return checkDecisions([...registers], rows, options);
}
