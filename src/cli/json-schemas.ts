import { z } from "zod";
import {
  AmountMentionSchema,
  BandSetSchema,
  CellValueSchema,
  DecisionStatusKindSchema,
  FindingSchema,
} from "../core";

/**
 * The CLI's `--json` documents as zod schemas: the contract DESIGN.md states ("Contracts other
 * tools rely on"), written once so tests can parse what the CLI really prints
 * (test/integration/cli-json-schemas.test.ts) and so tools can import them. The CLI itself does not
 * parse its own output at run time: the documents are built from typed values and a parse would
 * only cost time. Objects are not strict: "Extra fields are welcome" (DESIGN.md), so a kind may
 * report more than its schema names without breaking a reader.
 */

/** "B9" or "A5:D9": an A1 address or range on one sheet, no sheet prefix, no "$". */
const A1Schema = z.string().regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);
/** A column as letters: "F". */
const ColumnLettersSchema = z.string().regex(/^[A-Z]{1,3}$/);
/** A 1-based row, as Excel shows it. */
const ReportRowSchema = z.number().int().min(1);
/** The canonical UK financial year label: "2025/26". */
const FinancialYearSchema = z.string().regex(/^\d{4}\/\d{2}$/);

export const TableKindSchema = z.enum([
  "risk-register",
  "funding",
  "funding-sources",
  "allocations",
  "budget",
  "projects",
  "monthly-profile",
  "capital-programme",
  "decisions",
]);

/** What every table report states, whatever its kind (DESIGN.md's `check --json`). */
export const TableReportBaseSchema = z.object({
  sheet: z.string().min(1),
  kind: TableKindSchema,
  range: A1Schema,
  headerRow: ReportRowSchema,
  /** Every row of a header block, when the header spans rows. */
  headerRows: z.array(ReportRowSchema).optional(),
  columns: z.record(z.string(), ColumnLettersSchema),
  rows: z.number().int().nonnegative(),
});

export const RiskTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("risk-register"),
  scale: z.number().int().min(3).max(5),
  scaleSource: z.enum(["key", "words", "data"]),
  bands: BandSetSchema,
  pairs: z.array(z.string()),
  project: z.string().optional(),
  projects: z.array(z.string()).optional(),
});

export const FundingTableReportSchema = TableReportBaseSchema.extend({
  kind: z.enum(["funding", "funding-sources", "allocations"]),
  years: z.array(FinancialYearSchema),
  sources: z.array(z.string()).optional(),
  sections: z.array(z.string()),
  totalRows: z.number().int().nonnegative(),
  notes: z.array(z.string()).optional(),
});

const MoneyOrNull = z.number().nullable();

const RagLimitSchema = z.object({
  percent: z.number().nullable(),
  amount: z.number().nullable(),
  combine: z.enum(["lower", "higher"]),
  strict: z.boolean(),
});

export const BudgetTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("budget"),
  budget: z.enum(["revised", "original"]),
  budgetWords: z.enum(["revised budget", "original budget", "budget"]).optional(),
  compareWith: z.enum(["forecast", "actual", "cost"]),
  rag: z.union([
    z.object({ percent: z.number(), amount: z.number() }),
    z.object({ rule: z.string(), red: RagLimitSchema, amber: RagLimitSchema.nullable() }),
  ]),
  lines: z
    .array(
      z.object({
        project: z.string().nullable(),
        item: z.string(),
        costCode: z.string().nullable(),
        budget: MoneyOrNull,
        spend: MoneyOrNull,
        variance: MoneyOrNull,
        /** Subtotal and total rows are listed with their level: summing "line" rows counts once. */
        level: z.enum(["line", "group", "subtotal", "total"]),
        cell: A1Schema,
        rows: z.array(ReportRowSchema),
      }),
    )
    .optional(),
});

export const ProjectsTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("projects"),
  projects: z.array(z.string()),
});

export const DecisionsTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("decisions"),
  references: z.array(z.string()),
});

/**
 * One table report: the kinds with their own fields, or the common fields alone for a kind whose
 * report adds nothing yet (monthly-profile, capital-programme).
 */
export const TableReportSchema = z.union([
  RiskTableReportSchema,
  FundingTableReportSchema,
  BudgetTableReportSchema,
  ProjectsTableReportSchema,
  DecisionsTableReportSchema,
  TableReportBaseSchema.extend({ kind: z.enum(["monthly-profile", "capital-programme"]) }),
]);

const SheetRangeSchema = z.object({ sheet: z.string(), range: A1Schema });

export const ReconciliationSchema = z.object({
  sources: SheetRangeSchema,
  allocations: z.array(SheetRangeSchema),
  mapping: z.array(
    z.object({
      allocation: z.string(),
      source: z.string(),
      how: z.enum(["same name", "contained", "acronym", "contains", "override"]),
    }),
  ),
  unmatched: z.array(z.string()),
  lines: z.array(
    z.object({
      source: z.string(),
      year: FinancialYearSchema,
      available: MoneyOrNull,
      unconfirmed: z.boolean(),
      allocated: z.number(),
      difference: MoneyOrNull,
      status: z.enum(["reconciled", "difference", "unconfirmed"]),
    }),
  ),
  years: z.array(
    z.object({
      year: FinancialYearSchema,
      available: z.number(),
      allocated: z.number(),
      difference: z.number(),
      unconfirmed: z.number(),
    }),
  ),
});

/** `check --json`. */
export const CheckJsonSchema = z.object({
  file: z.string(),
  tables: z.array(TableReportSchema),
  findings: z.array(FindingSchema),
  reconciliation: ReconciliationSchema.optional(),
});

export const WrittenSchema = z.object({
  sheet: z.string(),
  range: A1Schema,
  /** The written column's title ("Score", "Residual priority"). */
  column: z.string(),
});

export const ChangeSchema = z.object({
  sheet: z.string(),
  cell: A1Schema,
  before: CellValueSchema,
  after: CellValueSchema,
  afterValue: CellValueSchema,
  valueChanged: z.boolean(),
  rounded: z.boolean().optional(),
});

const WrittenFileSchema = z.object({
  out: z.string(),
  /** Which writer made the file: the direct XML splicer, or an ExcelJS rebuild. */
  engine: z.enum(["direct", "exceljs"]),
});

/** `apply --json`: check's document for the output, plus what was written and changed. */
export const ApplyJsonSchema = CheckJsonSchema.extend(WrittenFileSchema.shape).extend({
  fixed: z.number().int().nonnegative(),
  written: z.array(WrittenSchema),
  changed: z.array(ChangeSchema),
});

/** `pid --json`. */
export const PidJsonSchema = z
  .object({
    file: z.string(),
    sheets: z.array(
      z.object({
        project: z.string(),
        sheet: z.string().min(1).max(31),
        sro: z.string().nullable(),
        leadOfficer: z.string().nullable(),
        risks: z.number().int().nonnegative(),
        fundingLines: z.number().int().nonnegative(),
      }),
    ),
    findings: z.array(FindingSchema),
  })
  .extend(WrittenFileSchema.shape);

/** `heatmap --json`: the heat-map sheet written for each register, and the check's findings. */
export const HeatMapJsonSchema = z
  .object({
    file: z.string(),
    sheets: z.array(
      z.object({
        sheet: z.string().min(1).max(31),
        register: z.string(),
        refreshed: z.boolean(),
      }),
    ),
    findings: z.array(FindingSchema),
  })
  .extend(WrittenFileSchema.shape);

const SourcedSchema = z.object({ value: z.unknown(), sentence: z.string().nullable() });

/** `decisions import --json`. */
export const DecisionsImportJsonSchema = z
  .object({
    file: z.string(),
    sheet: z.string(),
    created: z.boolean(),
    records: z.array(
      z.object({
        file: z.string(),
        fields: z.record(z.string(), z.union([SourcedSchema, z.array(SourcedSchema)])),
        statusKind: DecisionStatusKindSchema,
        amountStatement: z.string(),
        amountYear: FinancialYearSchema.nullable(),
        otherAmounts: z.array(AmountMentionSchema),
      }),
    ),
    rows: z.array(
      z.object({
        reference: z.string().nullable(),
        title: z.string().nullable(),
        /** "unchanged": the row already held every value the record states; nothing written. */
        action: z.enum(["added", "updated", "unchanged"]),
        sheet: z.string(),
        row: ReportRowSchema,
        notWritten: z.array(z.string()),
        /** Which record (0-based, as given) the row is; several may name one decision. */
        record: z.number().int().nonnegative(),
        /** Other register rows holding the same decision: shown as a warning. */
        duplicateRows: z.array(ReportRowSchema),
      }),
    ),
    written: z.array(WrittenSchema),
    changed: z.array(ChangeSchema),
    findings: z.array(FindingSchema),
  })
  .extend(WrittenFileSchema.shape);

export type CheckJson = z.infer<typeof CheckJsonSchema>;
export type ApplyJson = z.infer<typeof ApplyJsonSchema>;
export type PidJson = z.infer<typeof PidJsonSchema>;
export type DecisionsImportJson = z.infer<typeof DecisionsImportJsonSchema>;
