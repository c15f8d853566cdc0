import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import {
  analyseWorkbook,
  type Analysis,
  changeRecord,
  describePlan,
  type Finding,
  CouncilSheetsError,
  planPids,
} from "../core";
import { WorkbookError } from "../adapters/xlsx/errors";
import { checkOutTarget, readWorkbookFile, sameFile, writeFileSafely } from "./files";
import { checkOutExtension, limitHint, readBudget, type BudgetOptions } from "./limits";
import { UsageError } from "./errors";
import { analyseOptions, type SharedOptions } from "./options";
import {
  findingsText,
  jsonText,
  neutralise,
  reconciliationText,
  screenText,
  tablesText,
  writesText,
} from "./report";
import { decisionOptions, decisionsCommand } from "./decisions";
import { heatMap, type HeatMapCliOptions } from "./heatmap";

export { UsageError };

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  today: () => Date;
}

function exitCode(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The analysis as other tools read it (DESIGN.md); internal cell lists stay inside. */
function publicView(analysis: Analysis) {
  const r = analysis.reconciliation;
  return {
    tables: analysis.tables,
    findings: analysis.findings,
    ...(r
      ? {
          reconciliation: {
            sources: r.sources,
            allocations: r.allocations,
            mapping: r.mapping,
            unmatched: r.unmatched,
            lines: r.lines,
            years: r.years,
          },
        }
      : {}),
  };
}

interface CheckOptions extends SharedOptions, BudgetOptions {
  json?: boolean;
}

async function check(file: string, options: CheckOptions, io: Io): Promise<number> {
  const settings = analyseOptions(options, io.today());
  const { snapshot } = await readWorkbookFile(file, readBudget(options));
  const analysis = analyseWorkbook(snapshot, settings);
  if (options.json) {
    io.out(jsonText({ file, ...publicView(analysis) }));
  } else {
    const lines = [
      `Council Sheets check: ${path.basename(file)}`,
      "",
      ...tablesText(analysis.tables),
    ];
    if (analysis.reconciliation) lines.push("", ...reconciliationText(analysis.reconciliation));
    io.out(screenText([...lines, "", ...findingsText(analysis.findings)]));
  }
  return exitCode(analysis.findings);
}

interface ApplyCliOptions extends CheckOptions {
  out: string;
  valuesOnly?: boolean;
  allowRebuild?: boolean;
}

/** The output's checks that need no reading: not the input, not a device, FIFO or folder. */
async function checkOut(file: string, out: string): Promise<void> {
  if (sameFile(file, out))
    throw new UsageError(
      `--out ${out} is the input file; Council Sheets never writes over its input, choose another name`,
    );
  await checkOutTarget(out);
}

/**
 * The start of every command that writes a new file (apply, pid): the output checked before any
 * reading, the input read and analysed, and the output's extension checked against its kind.
 */
async function openToWrite(
  file: string,
  options: SharedOptions & BudgetOptions & { out: string },
  io: Io,
) {
  await checkOut(file, options.out);
  const settings = analyseOptions(options, io.today());
  const document = await readWorkbookFile(file, readBudget(options));
  checkOutExtension(path.basename(file), document.kind, options.out);
  const { snapshot } = document;
  return { settings, document, snapshot, analysis: analyseWorkbook(snapshot, settings) };
}

/** The findings a `check` of the written file gives: the same reading, the same analysis. */
async function findingsOfOutput(
  options: ApplyCliOptions,
  settings: ReturnType<typeof analyseOptions>,
): Promise<Finding[]> {
  const written = await readWorkbookFile(options.out, readBudget(options));
  return analyseWorkbook(written.snapshot, settings).findings;
}

async function apply(file: string, options: ApplyCliOptions, io: Io): Promise<number> {
  const { settings, document, snapshot, analysis } = await openToWrite(file, options, io);
  const applyOptions = { valuesOnly: options.valuesOnly === true };
  const { changed, written } = describePlan(snapshot, analysis.plan, applyOptions);
  const saved = await document.save(analysis.plan, applyOptions, {
    allowRebuild: options.allowRebuild === true,
  });
  await writeFileSafely(options.out, saved.bytes);
  // What is still wrong once the calculated columns are in: the typed data the officer must fix.
  // Read from the file just written, as a later `check` of it reads it, so the two never disagree.
  const after = { findings: await findingsOfOutput(options, settings) };
  if (options.json) {
    const view = { ...publicView(analysis), findings: after.findings };
    io.out(
      jsonText({
        file,
        out: options.out,
        engine: saved.engine,
        ...view,
        fixed: analysis.findings.length - after.findings.length,
        written,
        changed: changed.map(changeRecord),
      }),
    );
  } else {
    const lines = [
      `Council Sheets apply: ${path.basename(file)} -> ${options.out}`,
      "",
      ...tablesText(analysis.tables),
      "",
      ...writesText(options.out, written, changed),
    ];
    if (saved.engine === "exceljs") lines.push("(rebuilt with ExcelJS: --allow-rebuild)");
    io.out(screenText([...lines, "", "After writing:", ...findingsText(after.findings)]));
  }
  return exitCode(after.findings);
}

interface PidCliOptions extends SharedOptions, BudgetOptions {
  project?: string[];
  all?: boolean;
  out: string;
  json?: boolean;
  allowRebuild?: boolean;
}

async function pid(file: string, options: PidCliOptions, io: Io): Promise<number> {
  if (!options.all && !options.project?.length)
    throw new UsageError("pid needs --project <name> (repeatable) or --all");
  if (options.all && options.project?.length)
    throw new UsageError("pid takes --project or --all, not both");
  const { settings, document, snapshot, analysis } = await openToWrite(file, options, io);
  const { operations, summaries } = planPids(
    analysis,
    snapshot,
    options.all ? "all" : (options.project ?? []),
    settings.asOf,
  );
  const saved = await document.save(
    { operations },
    { valuesOnly: false },
    { allowRebuild: options.allowRebuild === true },
  );
  await writeFileSafely(options.out, saved.bytes);
  if (options.json) {
    io.out(
      jsonText({
        file,
        out: options.out,
        engine: saved.engine,
        sheets: summaries,
        findings: analysis.findings,
      }),
    );
  } else {
    const lines = [`Council Sheets pid: ${path.basename(file)} -> ${options.out}`, ""];
    for (const s of summaries)
      lines.push(
        `  ${s.sheet}: SRO ${s.sro ?? "(blank)"}; ${s.risks} risks; ${s.fundingLines} funding lines`,
      );
    io.out(screenText([...lines, "", ...findingsText(analysis.findings)]));
  }
  return exitCode(analysis.findings);
}

function shared(command: Command): Command {
  return command
    .option("--json", "print one JSON document")
    .addOption(new Option("--as-of <date>", "treat this date as today for review dates"))
    .addOption(
      new Option(
        "--map <allocation=source...>",
        'match an allocation\'s source name to a funding source, e.g. "JIP=Match funding"',
      ),
    )
    .addOption(
      new Option(
        "--rag-percent <percent>",
        "red at or above this overspend as % of budget (default 5)",
      ),
    )
    .addOption(
      new Option(
        "--rag-amount <pounds>",
        "red at or above this overspend in £, if lower (default 100000)",
      ),
    )
    .addOption(
      new Option(
        "--rag-amber-percent <percent>",
        "amber at or above this overspend as % of budget, green below (default: any overspend short of red is amber)",
      ),
    )
    .addOption(
      new Option(
        "--rag-amber-amount <pounds>",
        "amber at or above this overspend in £ (the lower of it and the amber %, when both given)",
      ),
    )
    .addOption(decisionOptions.keyThreshold())
    .addOption(decisionOptions.lateDays())
    .addOption(decisionOptions.callInDays())
    .addOption(
      new Option("--max-cells <n>", "refuse workbooks of more cells than this (default 5000000)"),
    )
    .addOption(
      new Option(
        "--max-inflated-mb <n>",
        "refuse workbooks whose parts inflate to more megabytes than this (default 512)",
      ),
    );
}

const REBUILD_HELP =
  "write even when only an ExcelJS rebuild can, which drops what ExcelJS does not keep (charts, pivot tables, macros...)";

function program(io: Io, setCode: (code: number) => void): Command {
  const cli = new Command("council-sheets")
    .description(
      "Check council workbooks as they are laid out and write their calculated columns as live formulas.",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(screenText(s.trimEnd().split("\n"))),
      writeErr: (s) => io.err(screenText(s.trimEnd().split("\n"))),
    });
  shared(
    cli
      .command("check")
      .description("find the tables in a workbook and report what is wrong")
      .argument("<file>", ".xlsx workbook to check"),
  ).action(async (file: string, options: CheckOptions) => setCode(await check(file, options, io)));
  shared(
    cli
      .command("apply")
      .description("write the calculated columns into a copy of the workbook")
      .argument("<file>", ".xlsx workbook to read (never modified)")
      .requiredOption("--out <file>", "where to write the updated workbook")
      .option("--values-only", "write computed values instead of formulas")
      .option("--replace-totals", "replace typed totals in funding tables with SUM formulas")
      .option("--no-reconciliation-sheet", "do not add a Reconciliation sheet")
      .option("--allow-rebuild", REBUILD_HELP),
  ).action(async (file: string, options: ApplyCliOptions) =>
    setCode(await apply(file, options, io)),
  );
  shared(
    cli
      .command("pid")
      .description("generate Project Initiation Document sheets into a copy of the workbook")
      .argument("<file>", ".xlsx workbook with a projects table (never modified)")
      .option("--project <name...>", "the project(s) to write a PID for")
      .option("--all", "a PID for every project")
      .option("--allow-rebuild", REBUILD_HELP)
      .requiredOption("--out <file>", "where to write the workbook with the PID sheets"),
  ).action(async (file: string, options: PidCliOptions) => setCode(await pid(file, options, io)));
  shared(
    cli
      .command("heatmap")
      .description("add a printable heat-map sheet per risk register to a copy of the workbook")
      .argument("<file>", ".xlsx workbook with a risk register (never modified)")
      .option("--sheet <name...>", "the register sheet(s) to map (default: every register)")
      .option("--allow-rebuild", REBUILD_HELP)
      .requiredOption("--out <file>", "where to write the workbook with the heat-map sheets"),
  ).action(async (file: string, options: HeatMapCliOptions) =>
    setCode(await heatMap(file, options, io, io.today())),
  );
  decisionsCommand(cli, io, setCode);
  return cli;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // One line, whatever the message holds: file names and sheet names come from outside.
    if (error instanceof WorkbookError) {
      io.err(`council-sheets: ${neutralise(error.message + limitHint(error))}`);
      return 2;
    }
    // Usage faults, a PID for a project that is not there, a record that is not a decision.
    if (error instanceof CouncilSheetsError) {
      io.err(`council-sheets: ${neutralise(error.message)}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`council-sheets: unexpected fault: ${neutralise(message)}`);
    return 2;
  }
}
