import path from "node:path";
import type { WorkbookError } from "../adapters/xlsx/errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../adapters/xlsx/package/read-limits";
import { isMacroEnabled, type WorkbookKind } from "../adapters/xlsx/package/kind";
import { UsageError } from "./errors";

export interface BudgetOptions {
  maxCells?: string;
  maxInflatedMb?: string;
}

function positiveWhole(option: string | undefined, name: string, fallback: number): number {
  if (option === undefined) return fallback;
  const value = Number(option.replace(/[,_\s]/g, ""));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new UsageError(`${name} wants a whole number above 0, not "${option}"`);
  return value;
}

/** The read budget from --max-cells and --max-inflated-mb (DEFAULT_READ_LIMITS otherwise). */
export function readBudget(options: BudgetOptions): ReadLimits {
  return {
    maxCells: positiveWhole(options.maxCells, "--max-cells", DEFAULT_READ_LIMITS.maxCells),
    maxInflatedBytes:
      positiveWhole(
        options.maxInflatedMb,
        "--max-inflated-mb",
        DEFAULT_READ_LIMITS.maxInflatedBytes / 1048576,
      ) * 1048576,
  };
}

const OPTION_OF_LIMIT: Record<string, string> = {
  maxCells: "--max-cells",
  maxInflatedBytes: "--max-inflated-mb",
};

/** What to add to a refusal's message so that it says how to go on. */
export function limitHint(error: WorkbookError): string {
  if (error.code === "too-large") {
    const option = error.limit && OPTION_OF_LIMIT[error.limit];
    return option ? `; if you trust the file, raise the limit with ${option}` : "";
  }
  if (error.code === "rebuild-refused" && !error.message.includes("macro-enabled"))
    return " (add --allow-rebuild to write it anyway)";
  return "";
}

const KINDS: Record<WorkbookKind, string> = {
  xlsx: "an Excel workbook",
  xlsm: "a macro-enabled workbook",
  xltx: "an Excel template",
  xltm: "a macro-enabled template",
};

const EXCEL_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm"];

/**
 * Excel opens a package only under the extension of its kind ("The file format or extension is
 * not valid" otherwise), so the output keeps the input's: an .xlsm is written as an .xlsm with
 * its VBA project, never turned into an .xlsx by a name. Other extensions are the user's choice.
 */
export function checkOutExtension(name: string, kind: WorkbookKind, out: string): void {
  const extension = path.extname(out).toLowerCase();
  const expected = `.${kind}`;
  if (extension === expected) return;
  if (isMacroEnabled(kind) || EXCEL_EXTENSIONS.includes(extension))
    throw new UsageError(
      `${name} is ${KINDS[kind]}; --out must end ${expected} so that Excel opens it${isMacroEnabled(kind) ? " with its macros" : ""}`,
    );
}
