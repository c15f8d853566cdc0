import path from "node:path";
import { analyseWorkbook, type Finding, planHeatMapSheet } from "../core";
import { checkOutTarget, readWorkbookFile, sameFile, writeFileSafely } from "./files";
import { checkOutExtension, readBudget, type BudgetOptions } from "./limits";
import { UsageError } from "./errors";
import { analyseOptions, type SharedOptions } from "./options";
import { findingsText, jsonText, screenText } from "./report";

export interface HeatMapCliOptions extends SharedOptions, BudgetOptions {
  /** The registers' sheets to map; every register when absent. */
  sheet?: string[];
  out: string;
  json?: boolean;
  allowRebuild?: boolean;
}

interface Io {
  out: (text: string) => void;
}

/**
 * `council-sheets heatmap <file> --out <new.xlsx> [--sheet <name>...]`: a printable heat-map
 * sheet per risk register (A4 landscape, one page), added to a copy of the workbook, or the
 * register's earlier heat-map sheet refreshed in place. Exit codes as `pid`: 1 when the workbook
 * has error findings, 2 for usage errors and unreadable files.
 */
export async function heatMap(
  file: string,
  options: HeatMapCliOptions,
  io: Io,
  today: Date,
): Promise<number> {
  if (sameFile(file, options.out))
    throw new UsageError(
      `--out ${options.out} is the input file; Council Sheets never writes over its input, choose another name`,
    );
  await checkOutTarget(options.out);
  const settings = analyseOptions(options, today);
  const document = await readWorkbookFile(file, readBudget(options));
  checkOutExtension(path.basename(file), document.kind, options.out);
  const { snapshot } = document;
  const analysis = analyseWorkbook(snapshot, settings);
  const wanted = options.sheet?.map((s) => s.toLowerCase());
  const registers = analysis.riskContexts.filter(
    (c) => !wanted || wanted.includes(c.table.sheet.toLowerCase()),
  );
  if (registers.length === 0)
    throw new UsageError(
      wanted
        ? `no risk register on ${options.sheet?.map((s) => `"${s}"`).join(", ")}`
        : `${path.basename(file)} holds no risk register to map`,
    );
  // One sheet per register; each plan sees the names the earlier ones took.
  const operations = [];
  let names = snapshot;
  for (const ctx of registers) {
    const op = planHeatMapSheet(names, ctx);
    operations.push(op);
    if (!op.replaces)
      names = {
        sheets: [
          ...names.sheets,
          { name: op.sheet, rows: [], hiddenRows: [], hiddenColumns: [], merges: [] },
        ],
      };
  }
  const saved = await document.save(
    { operations },
    { valuesOnly: false },
    { allowRebuild: options.allowRebuild === true },
  );
  await writeFileSafely(options.out, saved.bytes);
  const sheets = operations.map((op) => ({
    sheet: op.sheet,
    register: op.table,
    refreshed: op.replaces !== undefined,
  }));
  const findings: Finding[] = analysis.findings;
  if (options.json) {
    io.out(jsonText({ file, out: options.out, engine: saved.engine, sheets, findings }));
  } else {
    const lines = [`Council Sheets heatmap: ${path.basename(file)} -> ${options.out}`, ""];
    for (const s of sheets)
      lines.push(`  ${s.sheet}: ${s.register}${s.refreshed ? " (refreshed)" : ""}`);
    io.out(screenText([...lines, "", ...findingsText(findings)]));
  }
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
