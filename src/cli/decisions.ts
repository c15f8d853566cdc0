import { constants, promises as fs } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import {
  analyseWorkbook,
  applyPlanToSnapshot,
  DecisionImportError,
  DEFAULT_CALL_IN_WORKING_DAYS,
  type DecisionRecord,
  changeRecord,
  describePlan,
  type Finding,
  formatMoney,
  htmlToText,
  looksLikeHtml,
  planDecisionImport,
  readDecisionRecords,
  REGISTER_FIELDS,
} from "../core";

/** A register field as the register's own heading names it ("Effective from", not effectiveFrom). */
const registerHeading = (field: string): string =>
  REGISTER_FIELDS.find(([name]) => name === field)?.[1] ?? field;
import { recordText } from "./record-text";
import { checkOutTarget, readWorkbookFile, sameFile, writeFileSafely } from "./files";
import { UsageError } from "./errors";
import { analyseOptions, type SharedOptions } from "./options";
import { findingsText, jsonText, screenText } from "./report";

/**
 * `council-sheets decisions import <record…> --into <workbook> --out <new>`: reads council decision
 * records (text or HTML) and adds or updates their rows in the workbook's decisions register.
 */
interface ImportOptions extends SharedOptions {
  into: string;
  out: string;
  json?: boolean;
}

/** The decisions thresholds, taken by every command that checks a workbook. */
export const decisionOptions = {
  keyThreshold: () =>
    new Option("--key-threshold <pounds>", "key-decision threshold in £ (default 500000)"),
  lateDays: () =>
    new Option(
      "--late-days <days>",
      "a decision record published more than this many days after the decision is late (default 28)",
    ),
  callInDays: () =>
    new Option(
      "--call-in-days <days>",
      "the call-in period in working days from publication, for decisions without an Effective from (default 5)",
    ),
};

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  today: () => Date;
}

/** A decision record is a page of text; anything larger is not one. */
const MAX_RECORD_BYTES = 16 * 1048576;

/**
 * Reads one record file. Only a regular file is read, checked on the open handle (opened without
 * blocking): a FIFO would wait for a writer for ever and /dev/zero would be read without end.
 */
async function readRecordText(file: string): Promise<string> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new UsageError(`${file} is a folder, not a decision record`);
    if (!stats.isFile())
      throw new UsageError(`${file} is not a regular file, not a decision record`);
    if (stats.size > MAX_RECORD_BYTES)
      throw new UsageError(`${file} is larger than 16 MB, too large for a decision record`);
    return recordText(await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function readRecordFile(file: string, callInWorkingDays: number): Promise<DecisionRecord[]> {
  let text: string;
  try {
    text = await readRecordText(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${file} does not exist`);
    if (code === "EISDIR") throw new UsageError(`${file} is a folder, not a decision record`);
    throw new UsageError(`${file} cannot be read (${code ?? "unknown error"})`);
  }
  if (text.includes("\u0000"))
    throw new UsageError(`${file} is not a text or HTML decision record (it holds binary data)`);
  const html = /\.html?$/i.test(file) || looksLikeHtml(text);
  // Minutes of several items give one record per item that resolves something.
  const records = readDecisionRecords(html ? htmlToText(text) : text, path.basename(file), {
    callInWorkingDays,
  });
  for (const record of records) {
    const stated =
      record.decisionMaker.value ?? record.status.value ?? record.dateOfDecision.value ?? null;
    if (stated === null && record.reference.value === null)
      throw new UsageError(
        `${file} does not read as a decision record: no reference, decision maker, status or date of decision found`,
      );
  }
  return records;
}

/** --out must be a regular file or not exist yet: never a device, FIFO, folder or link. */
async function checkOutput(out: string, inputs: readonly string[]): Promise<void> {
  for (const input of inputs)
    if (sameFile(input, out))
      throw new UsageError(
        `--out ${out} is an input file; Council Sheets never writes over its input, choose another name`,
      );
  await checkOutTarget(out);
}

function amount(value: number | null): number | undefined {
  return value ?? undefined;
}

/** Every field with the sentence it came from, as `--json` gives it. */
export function recordView(record: DecisionRecord) {
  const fields: Record<string, unknown> = {};
  for (const [field] of REGISTER_FIELDS) {
    if (field === "sourceFile") fields[field] = { value: record.sourceFile, sentence: null };
    else if (field === "relatedReferences") fields[field] = record.relatedReferences;
    else fields[field] = record[field];
  }
  return {
    fields,
    statusKind: record.statusKind,
    amountStatement: record.amountStatement,
    amountYear: record.amountYear,
    otherAmounts: record.otherAmounts,
    warnings: record.warnings ?? [],
  };
}

async function importDecisions(files: string[], options: ImportOptions, io: Io): Promise<number> {
  await checkOutput(options.out, [options.into, ...files]);
  const settings = analyseOptions(options, io.today());
  const records: DecisionRecord[] = [];
  const recordFiles: string[] = [];
  const callInDays = settings.decisions?.callInWorkingDays ?? DEFAULT_CALL_IN_WORKING_DAYS;
  for (const file of files)
    for (const record of await readRecordFile(file, callInDays)) {
      records.push(record);
      recordFiles.push(file);
    }
  const document = await readWorkbookFile(options.into);
  const { snapshot } = document;
  let plan;
  try {
    plan = planDecisionImport(snapshot, records);
  } catch (error) {
    if (error instanceof DecisionImportError) throw new UsageError(error.message);
    throw error;
  }
  const writePlan = { operations: plan.operations };
  const { changed, written } = describePlan(snapshot, writePlan, { valuesOnly: false });
  const saved = await document.save(writePlan, { valuesOnly: false });
  await writeFileSafely(options.out, saved.bytes);
  const after = applyPlanToSnapshot(snapshot, writePlan, { valuesOnly: false });
  const findings: Finding[] = analyseWorkbook(after, settings).findings;
  if (options.json) {
    io.out(
      jsonText({
        file: options.into,
        out: options.out,
        engine: saved.engine,
        sheet: plan.sheet,
        created: plan.created,
        records: records.map((r, i) => ({ file: recordFiles[i], ...recordView(r) })),
        rows: plan.rows,
        written,
        changed: changed.map(changeRecord),
        findings,
      }),
    );
  } else {
    const lines = [
      `Council Sheets decisions import: ${path.basename(options.into)} -> ${options.out}`,
      plan.created
        ? `No decisions register found: started one on a new "${plan.sheet}" sheet`
        : `Decisions register on "${plan.sheet}"`,
      "",
    ];
    const count = (action: string) => plan.rows.filter((r) => r.action === action).length;
    lines.push(
      `${count("added")} added, ${count("updated")} updated, ${count("unchanged")} unchanged (already held as the record states)`,
      "",
    );
    // Paired by the record each row came from: a batch or a register may hold a decision twice.
    plan.rows.forEach((row) => {
      const record = records[row.record];
      const money = amount(record?.amountApproved.value ?? null);
      lines.push(
        `  ${row.action.padEnd(11)}row ${row.row}  ${row.reference ?? "(no reference in the record)"}  ${row.title ?? ""}`.trimEnd(),
        `          ${money === undefined ? (record?.amountStatement ?? "") : `${formatMoney(money)} approved${record?.amountYear ? ` for ${record.amountYear}` : ""}`}`,
      );
      if (row.duplicateRows.length > 0)
        lines.push(
          `          warning: the register holds ${row.reference ?? "this decision"} more than once (rows ${[row.row, ...row.duplicateRows].join(", ")}); only row ${row.row} was updated`,
        );
      for (const warning of record?.warnings ?? []) lines.push(`          warning: ${warning}`);
      if (row.notWritten.length > 0)
        lines.push(
          `          the register has no column for: ${row.notWritten.map(registerHeading).join(", ")}`,
        );
      if (row.yearsNotWritten.length > 0)
        lines.push(
          `          the register has no year column for the amounts approved in: ${row.yearsNotWritten.join(", ")} (the total is written; over-approval is checked in total only)`,
        );
    });
    io.out(screenText([...lines, "", ...findingsText(findings)]));
  }
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Adds `decisions import` to the CLI. */
export function decisionsCommand(cli: Command, io: Io, setCode: (code: number) => void): void {
  cli
    .command("decisions")
    .description("decision records and the decisions register")
    .command("import")
    .description("add decision records (text or HTML) to the workbook's decisions register")
    .argument("<records...>", "decision record files (.txt or .html)")
    .requiredOption(
      "--into <file>",
      ".xlsx workbook holding (or to hold) the register; never modified",
    )
    .requiredOption("--out <file>", "where to write the updated workbook")
    .option("--json", "print one JSON document")
    .addOption(new Option("--as-of <date>", "treat this date as today"))
    .addOption(decisionOptions.keyThreshold())
    .addOption(decisionOptions.lateDays())
    .addOption(decisionOptions.callInDays())
    .action(async (files: string[], options: ImportOptions) =>
      setCode(await importDecisions(files, options, io)),
    );
}
