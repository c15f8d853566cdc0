import { z } from "zod";

/**
 * A council decision as read from its published record. Every field carries the sentence it was
 * read from, so an officer can see why Council Sheets thinks the Cabinet approved £18,116,521 and
 * not some other figure in the text; `null` means the record does not say.
 */
const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), sentence: z.string().nullable() });

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a decision's status means for money resting on it. */
export const DecisionStatusKindSchema = z.enum([
  "approved",
  "rejected",
  "deferred",
  "withdrawn",
  "pending",
  "unknown",
]);
export type DecisionStatusKind = z.infer<typeof DecisionStatusKindSchema>;

/**
 * The part an amount plays in the text. Only an `approval` is ever taken as the amount approved;
 * `savings` (targets, savings delivered) and `context` (other budgets, earlier decisions'
 * breakdowns such as "Place Plan £3m") are kept for the reader to see.
 */
export const AmountRoleSchema = z.enum(["approval", "savings", "context"]);
export type AmountRole = z.infer<typeof AmountRoleSchema>;

export const AmountMentionSchema = z.object({
  amount: z.number(),
  text: z.string(),
  role: AmountRoleSchema,
  sentence: z.string(),
});
export type AmountMention = z.infer<typeof AmountMentionSchema>;

export const DecisionRecordSchema = z.object({
  reference: sourced(z.string()),
  title: sourced(z.string()),
  decisionMaker: sourced(z.string()),
  /** The status as the record words it ("Recommendations Approved"). */
  status: sourced(z.string()),
  statusKind: DecisionStatusKindSchema,
  keyDecision: sourced(z.boolean()),
  subjectToCallIn: sourced(z.boolean()),
  dateOfDecision: sourced(IsoDateSchema),
  publicationDate: sourced(IsoDateSchema),
  effectiveFrom: sourced(IsoDateSchema),
  amountApproved: sourced(z.number()),
  /** One plain sentence about the amount: what was approved, or that no amount was. */
  amountStatement: z.string(),
  /** The financial year the approved amount is for, when the record names one ("2024/25"). */
  amountYear: z.string().nullable(),
  /** The approval year by year, when the record states it so; the amount approved is their sum. */
  amountsByYear: z.array(z.object({ year: z.string(), amount: z.number() })),
  /** Every other £ figure in the record with the part it plays. */
  otherAmounts: z.array(AmountMentionSchema),
  fundingSource: sourced(z.string()),
  periodStart: sourced(IsoDateSchema),
  periodEnd: sourced(IsoDateSchema),
  /** Earlier decisions the record cites ("Ref: E3393"). */
  relatedReferences: z.array(z.object({ value: z.string(), sentence: z.string() })),
  sourceFile: z.string(),
  /** What the reader could not take as written ("31/02/2024" is no date), for the officer to see. */
  warnings: z.array(z.string()).optional(),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export type Sourced<T> = { value: T | null; sentence: string | null };

export const NOT_STATED: Sourced<never> = { value: null, sentence: null };

/** The record's fields in register order, with a heading each: the CLI, the pane and the sheet. */
export const REGISTER_FIELDS = [
  ["reference", "Decision reference"],
  ["title", "Title"],
  ["decisionMaker", "Decision maker"],
  ["status", "Status"],
  ["keyDecision", "Key decision"],
  ["subjectToCallIn", "Subject to call-in"],
  ["dateOfDecision", "Date of decision"],
  ["publicationDate", "Publication date"],
  ["effectiveFrom", "Effective from"],
  ["amountApproved", "Amount approved"],
  ["fundingSource", "Funding source"],
  ["periodStart", "Period start"],
  ["periodEnd", "Period end"],
  ["relatedReferences", "Related references"],
  ["sourceFile", "Source file"],
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number][0];
