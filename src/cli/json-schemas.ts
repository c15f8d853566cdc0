import { z } from "zod";
import {
  AmountMentionSchema,
  BandSchema,
  BandSetSchema,
  CellValueSchema,
  DecisionStatusKindSchema,
  FindingSchema,
} from "../core";

/**
 * The CLI's `--json` documents as zod schemas: the contract DESIGN.md states ("Contracts other
 * tools rely on"), written once so tests can parse what the CLI really prints
 * (test/integration/cli-json-schemas.test.ts, cli-json-built.test.ts) and so tools can import them. The CLI itself does not
 * parse its own output at run time: the documents are built from typed values and a parse would
 * only cost time. Objects are strict, so every field the CLI prints is described here and a new
 * field fails the tests until it is; a reader that takes DESIGN.md's "Extra fields are welcome"
 * at its word can loosen a schema with `z.looseObject(schema.shape)`.
 */

/**
 * The core's finding and band set, strict as every object here. A finding's `partCells` is
 * removed before the report (core/consequences.ts), so a printed one is a misfit.
 */
const StrictFindingSchema = z.strictObject(FindingSchema.omit({ partCells: true }).shape);
const StrictBandSetSchema = z.strictObject({
  ...BandSetSchema.shape,
  bands: z.array(z.strictObject(BandSchema.shape)).min(1),
});

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
export const TableReportBaseSchema = z.strictObject({
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
  bands: StrictBandSetSchema,
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

const VarianceConventionSchema = z.enum(["forecast-minus-budget", "budget-minus-forecast"]);

const RagLimitSchema = z.strictObject({
  percent: z.number().nullable(),
  amount: z.number().nullable(),
  combine: z.enum(["lower", "higher"]),
  strict: z.boolean(),
});

export const BudgetTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("budget"),
  budget: z.enum(["revised", "original"]),
  budgetWords: z.enum(["revised budget", "original budget", "budget"]).optional(),
  /** The scale the budget column is kept in: "£", "£'000", "£m". */
  unit: z.string(),
  varianceConvention: VarianceConventionSchema,
  conventionFrom: z.enum(["header", "figures", "usual"]),
  /** The sheet's own RAG rule, as written there, when it states one. */
  ragRule: z.string().optional(),
  /** The other sheet that states the rule ("Notes"), when the table's own sheet states none. */
  ragRuleSheet: z.string().optional(),
  /** Lines whose budget is "tbc": left out of variance and totals. */
  notes: z.array(z.string()),
  compareWith: z.enum(["forecast", "actual", "cost"]),
  rag: z.union([
    z.strictObject({
      percent: z.number(),
      amount: z.number(),
      amberPercent: z.number().optional(),
      amberAmount: z.number().optional(),
    }),
    z.strictObject({ rule: z.string(), red: RagLimitSchema, amber: RagLimitSchema.nullable() }),
  ]),
  lines: z.array(
    z.strictObject({
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
  ),
});

export const ProjectsTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("projects"),
  projects: z.array(z.string()),
  /** The money columns and how they are read, when the table keeps a budget and a forecast. */
  money: z
    .strictObject({
      columns: z.record(z.string(), ColumnLettersSchema),
      unit: z.string(),
      /** What one unit is in pounds (1000 for "£'000"). */
      multiplier: z.number().positive(),
      varianceConvention: VarianceConventionSchema,
      conventionFrom: z.enum(["header", "figures"]),
      ragRule: z.string().optional(),
      ragRuleSheet: z.string().optional(),
      notes: z.array(z.string()).optional(),
    })
    .optional(),
});

export const MonthlyTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("monthly-profile"),
  months: z.array(
    z.strictObject({
      column: ColumnLettersSchema,
      /** The month as the report names it. */
      month: z.string(),
      headerIsDate: z.boolean(),
      status: z.enum(["Actual", "Forecast"]).nullable(),
    }),
  ),
  /** The unit the amounts are kept in ("£", "£'000") and its multiplier to pounds. */
  unit: z.string(),
  multiplier: z.number().positive(),
  /** How a stated or written variance is worked, and what said so. */
  variance: z
    .strictObject({ convention: VarianceConventionSchema, from: z.enum(["header", "figures"]) })
    .nullable(),
  /** Section and grand total rows. */
  totalRows: z.array(ReportRowSchema),
});

export const CapitalProgrammeReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("capital-programme"),
  years: z.array(FinancialYearSchema),
  /** The sources of finance in the financing block, top to bottom. */
  sources: z.array(z.string()).optional(),
  unit: z.string(),
  multiplier: z.number().positive(),
  sections: z.array(z.string()),
  totalRows: z.number().int().nonnegative(),
  /** Section totals with no label, recognised by arithmetic. */
  unlabelledTotalRows: z.array(ReportRowSchema),
  /** Money columns that are no year of the programme, by column letters, with why. */
  ignoredColumns: z.record(ColumnLettersSchema, z.string()).optional(),
  /** The financing block, or the financing table kept apart (then on `sheet`). */
  financing: z
    .strictObject({
      sheet: z.string().optional(),
      range: A1Schema,
      totalRow: ReportRowSchema.nullable(),
    })
    .optional(),
});

export const DecisionsTableReportSchema = TableReportBaseSchema.extend({
  kind: z.literal("decisions"),
  references: z.array(z.string()),
});

/** One table report, chosen by its kind, so a misfit names the kind's own fields. */
export const TableReportSchema = z.discriminatedUnion("kind", [
  RiskTableReportSchema,
  FundingTableReportSchema,
  BudgetTableReportSchema,
  ProjectsTableReportSchema,
  DecisionsTableReportSchema,
  MonthlyTableReportSchema,
  CapitalProgrammeReportSchema,
]);

const SheetRangeSchema = z.strictObject({ sheet: z.string(), range: A1Schema });

export const ReconciliationSchema = z.strictObject({
  sources: SheetRangeSchema,
  allocations: z.array(SheetRangeSchema),
  mapping: z.array(
    z.strictObject({
      allocation: z.string(),
      source: z.string(),
      how: z.enum(["same name", "contained", "acronym", "contains", "override"]),
    }),
  ),
  unmatched: z.array(z.string()),
  lines: z.array(
    z.strictObject({
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
    z.strictObject({
      year: FinancialYearSchema,
      available: z.number(),
      allocated: z.number(),
      difference: z.number(),
      unconfirmed: z.number(),
    }),
  ),
});

/** `check --json`. */
export const CheckJsonSchema = z.strictObject({
  file: z.string(),
  tables: z.array(TableReportSchema),
  findings: z.array(StrictFindingSchema),
  reconciliation: ReconciliationSchema.optional(),
});

export const WrittenSchema = z.strictObject({
  sheet: z.string(),
  range: A1Schema,
  /** The written column's title ("Score", "Residual priority"). */
  column: z.string(),
});

export const ChangeSchema = z.strictObject({
  sheet: z.string(),
  cell: A1Schema,
  before: CellValueSchema,
  after: CellValueSchema,
  afterValue: CellValueSchema,
  valueChanged: z.boolean(),
  rounded: z.boolean().optional(),
});

const WrittenFileSchema = z.strictObject({
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
  .strictObject({
    file: z.string(),
    sheets: z.array(
      z.strictObject({
        project: z.string(),
        sheet: z.string().min(1).max(31),
        sro: z.string().nullable(),
        leadOfficer: z.string().nullable(),
        risks: z.number().int().nonnegative(),
        fundingLines: z.number().int().nonnegative(),
      }),
    ),
    findings: z.array(StrictFindingSchema),
  })
  .extend(WrittenFileSchema.shape);

/** `heatmap --json`: the heat-map sheet written for each register, and the check's findings. */
export const HeatMapJsonSchema = z
  .strictObject({
    file: z.string(),
    sheets: z.array(
      z.strictObject({
        sheet: z.string().min(1).max(31),
        register: z.string(),
        refreshed: z.boolean(),
      }),
    ),
    findings: z.array(StrictFindingSchema),
  })
  .extend(WrittenFileSchema.shape);

const SourcedSchema = z.strictObject({ value: z.unknown(), sentence: z.string().nullable() });

/** `decisions import --json`. */
export const DecisionsImportJsonSchema = z
  .strictObject({
    file: z.string(),
    sheet: z.string(),
    created: z.boolean(),
    records: z.array(
      z.strictObject({
        file: z.string(),
        fields: z.record(z.string(), z.union([SourcedSchema, z.array(SourcedSchema)])),
        statusKind: DecisionStatusKindSchema,
        amountStatement: z.string(),
        amountYear: FinancialYearSchema.nullable(),
        otherAmounts: z.array(z.strictObject(AmountMentionSchema.shape)),
        /** What the reader could not take as written ("31/02/2024" is no date). */
        warnings: z.array(z.string()),
      }),
    ),
    rows: z.array(
      z.strictObject({
        reference: z.string().nullable(),
        title: z.string().nullable(),
        /** "unchanged": the row already held every value the record states; nothing written. */
        action: z.enum(["added", "updated", "unchanged"]),
        sheet: z.string(),
        row: ReportRowSchema,
        notWritten: z.array(z.string()),
        /** Years the record approves amounts for that the register has no year column for. */
        yearsNotWritten: z.array(FinancialYearSchema),
        /** Which record (0-based, as given) the row is; several may name one decision. */
        record: z.number().int().nonnegative(),
        /** Other register rows holding the same decision: shown as a warning. */
        duplicateRows: z.array(ReportRowSchema),
      }),
    ),
    written: z.array(WrittenSchema),
    changed: z.array(ChangeSchema),
    findings: z.array(StrictFindingSchema),
  })
  .extend(WrittenFileSchema.shape);

export type CheckJson = z.infer<typeof CheckJsonSchema>;
export type ApplyJson = z.infer<typeof ApplyJsonSchema>;
export type PidJson = z.infer<typeof PidJsonSchema>;
export type DecisionsImportJson = z.infer<typeof DecisionsImportJsonSchema>;
