import { z } from "zod";
import { cellAddress } from "./a1";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Stable codes; DESIGN.md lists them and other tools depend on them. */
export const FindingCodeSchema = z.enum([
  "missing-value",
  "not-a-number",
  "out-of-range",
  "score-mismatch",
  "priority-mismatch",
  "total-mismatch",
  "variance-mismatch",
  "reconciliation-difference",
  "unconfirmed-funding",
  "review-overdue",
  "duplicate-id",
  "number-as-text",
  "formula-not-evaluated",
  "layout-not-found",
  "ambiguous-year",
  "decision-not-found",
  "decision-not-approved",
  "over-approval",
  "before-effective",
  "key-decision-not-marked",
  "late-publication",
]);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

const Scalar = z.union([z.string(), z.number(), z.null()]);

export const FindingSchema = z.object({
  severity: SeveritySchema,
  code: FindingCodeSchema,
  sheet: z.string(),
  /** A1 address on `sheet`, no sheet prefix, no "$". */
  cell: z.string(),
  message: z.string(),
  expected: Scalar.optional(),
  actual: Scalar.optional(),
  /** The table range the finding belongs to, when it belongs to one. */
  table: z.string().optional(),
  source: z.string().optional(),
  year: z.string().optional(),
  difference: z.number().optional(),
  amount: z.number().optional(),
  /** Reconciliation findings: the line cells holding the money allocated ("G12"). */
  allocationCells: z.array(z.string()).optional(),
  /**
   * Total findings: the cells the total adds ("E13"), for folding knock-on findings into their
   * root (consequences.ts), which removes the field: it is not part of the report.
   */
  partCells: z.array(z.string()).optional(),
  /** Decision findings: the decision reference cited, and what it approved against what was allocated. */
  decision: z.string().optional(),
  approved: z.number().optional(),
  allocated: z.number().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_OF: Record<FindingCode, Severity> = {
  "missing-value": "error",
  "not-a-number": "error",
  "out-of-range": "error",
  "score-mismatch": "error",
  "priority-mismatch": "error",
  "total-mismatch": "error",
  "variance-mismatch": "error",
  "reconciliation-difference": "error",
  "unconfirmed-funding": "warning",
  "review-overdue": "warning",
  "duplicate-id": "error",
  "number-as-text": "info",
  "formula-not-evaluated": "info",
  "layout-not-found": "info",
  "ambiguous-year": "warning",
  "decision-not-found": "error",
  "decision-not-approved": "error",
  "over-approval": "error",
  "before-effective": "warning",
  "key-decision-not-marked": "warning",
  "late-publication": "info",
};

export function finding(
  code: FindingCode,
  sheet: string,
  row: number,
  column: number,
  message: string,
  extra: Partial<Omit<Finding, "code" | "sheet" | "cell" | "message" | "severity">> = {},
): Finding {
  return {
    severity: SEVERITY_OF[code],
    code,
    sheet,
    cell: cellAddress(row, column),
    message,
    ...extra,
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
