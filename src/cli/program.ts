import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { analyseWorkbook, type Analysis } from "../core/analyse";
import { applyPlanToSnapshot, describePlan } from "../core/apply-plan";
import type { Finding } from "../core/findings";
import { dateToSerial, parseDate } from "../core/values";
import { WorkbookError } from "../adapters/xlsx/errors";
import { applyPlan, saveWorkbook } from "../adapters/xlsx/write";
import { readWorkbookFile, sameFile, writeFileSafely } from "./files";
import { findingsText, tablesText, writesText } from "./report";

/** A usage fault: exit code 2 with one line on stderr. */
export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  today: () => Date;
}

function asOf(option: string | undefined, io: Io): number {
  if (option === undefined) {
    const d = io.today();
    return dateToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? 0;
  }
  const serial = parseDate(option);
  if (serial === null)
    throw new UsageError(`--as-of wants a date such as 2025-03-31 or 31/03/2025, not "${option}"`);
  return serial;
}

function exitCode(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

interface CheckOptions {
  json?: boolean;
  asOf?: string;
}

async function check(file: string, options: CheckOptions, io: Io): Promise<number> {
  const { snapshot } = await readWorkbookFile(file);
  const analysis = analyseWorkbook(snapshot, { asOf: asOf(options.asOf, io) });
  if (options.json) {
    io.out(JSON.stringify({ file, tables: analysis.tables, findings: analysis.findings }, null, 2));
  } else {
    io.out(
      [
        `Council Sheets check: ${path.basename(file)}`,
        "",
        ...tablesText(analysis.tables),
        "",
        ...findingsText(analysis.findings),
      ].join("\n"),
    );
  }
  return exitCode(analysis.findings);
}

interface ApplyCliOptions extends CheckOptions {
  out: string;
  valuesOnly?: boolean;
}

async function apply(file: string, options: ApplyCliOptions, io: Io): Promise<number> {
  if (sameFile(file, options.out))
    throw new UsageError(
      `--out ${options.out} is the input file; Council Sheets never writes over its input, choose another name`,
    );
  const { snapshot, workbook } = await readWorkbookFile(file);
  const today = asOf(options.asOf, io);
  const analysis: Analysis = analyseWorkbook(snapshot, { asOf: today });
  const applyOptions = { valuesOnly: options.valuesOnly === true };
  const { changed, written } = describePlan(snapshot, analysis.plan, applyOptions);
  applyPlan(workbook, analysis.plan, applyOptions);
  await writeFileSafely(options.out, await saveWorkbook(workbook));
  // What is still wrong once the calculated columns are in: the typed data the officer must fix.
  const after = analyseWorkbook(applyPlanToSnapshot(snapshot, analysis.plan, applyOptions), {
    asOf: today,
  });
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          file,
          out: options.out,
          tables: analysis.tables,
          findings: after.findings,
          fixed: analysis.findings.length - after.findings.length,
          written,
          changed,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      [
        `Council Sheets apply: ${path.basename(file)} -> ${options.out}`,
        "",
        ...tablesText(analysis.tables),
        "",
        ...writesText(options.out, written, changed),
        "",
        "After writing:",
        ...findingsText(after.findings),
      ].join("\n"),
    );
  }
  return exitCode(after.findings);
}

function program(io: Io, setCode: (code: number) => void): Command {
  const cli = new Command("council-sheets")
    .description(
      "Check council workbooks as they are laid out and write their calculated columns as live formulas.",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  const asOfOption = new Option("--as-of <date>", "treat this date as today for review dates");
  cli
    .command("check")
    .description("find the tables in a workbook and report what is wrong")
    .argument("<file>", ".xlsx workbook to check")
    .option("--json", "print one JSON document")
    .addOption(asOfOption)
    .action(async (file: string, options: CheckOptions) => setCode(await check(file, options, io)));
  cli
    .command("apply")
    .description("write the calculated columns into a copy of the workbook")
    .argument("<file>", ".xlsx workbook to read (never modified)")
    .requiredOption("--out <file>", "where to write the updated workbook")
    .option("--values-only", "write computed values instead of formulas")
    .option("--json", "print one JSON document")
    .addOption(asOfOption)
    .action(async (file: string, options: ApplyCliOptions) =>
      setCode(await apply(file, options, io)),
    );
  return cli;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof WorkbookError || error instanceof UsageError) {
      io.err(`council-sheets: ${error.message}`);
      return 2;
    }
    io.err(
      `council-sheets: unexpected fault: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
}
