import {
  type ApplyOptions,
  type ProgressListener,
  type WorkbookSnapshot,
  type WritePlan,
  withRecalculatedCaches,
} from "../../core";
import { classifyBytes } from "./errors";
import { PackageFormatError, XlsxPackage, type NativeZlib } from "./package";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./package/read-limits";
import { PackageRefusedError } from "./package/errors";
import type { WorkbookKind } from "./package/kind";
import { openPackage, refusal } from "./open-package";
import type { LoadedWorkbook } from "./read";
import { checkRebuild, type RebuildPolicy } from "./rebuild";

// ExcelJS is loaded only for the files and plans that need it: it takes a noticeable part of a
// second to load, and most runs never touch it.
const loadWorkbook = async (bytes: Uint8Array, name: string) =>
  (await import("./read")).loadWorkbook(bytes, name);

/** How a workbook file was read and will be written. */
export type XlsxEngine = "direct" | "exceljs";

export interface WorkbookDocument {
  snapshot: WorkbookSnapshot;
  /** "direct" when the XML parts were read as they are; "exceljs" for files only ExcelJS reads. */
  readonly engine: XlsxEngine;
  /** What the package is (an .xlsm stays an .xlsm: its writer must keep the extension). */
  readonly kind: WorkbookKind;
  /**
   * The file with the plan applied. Calculated and inserted columns are spliced into the original
   * XML (an insert moving every reference as Excel does) and new sheets are added as new parts,
   * so every part the plan does not concern is kept byte for byte. Only a file the direct reader
   * refuses is rebuilt through ExcelJS.
   *
   * @throws {WorkbookError} "rebuild-refused" when `policy` refuses a rebuild, "damaged" for a
   * part that is damaged, "write-failed" when the plan names a sheet the file does not hold.
   */
  save(
    plan: WritePlan,
    options: ApplyOptions,
    /** Without a policy a rebuild goes ahead; with one, checkRebuild decides (src/adapters/xlsx/rebuild.ts). */
    policy?: RebuildPolicy,
    /** Hears how far the writing has got (the direct writer only; a rebuild is not measured). */
    onProgress?: ProgressListener,
  ): Promise<{ bytes: Uint8Array; engine: XlsxEngine }>;
}

/**
 * Opens an .xlsx held in memory. `zlib` lets a host with native zlib (Node) decompress and
 * compress faster than the portable default. Reading stays within `budget`, in the direct reader
 * and before ExcelJS alike.
 *
 * @throws {WorkbookError} with a one-line message naming `name` for a file that cannot be read
 * (not a workbook, encrypted, damaged, over budget). Anything else thrown is a bug.
 */
export async function openWorkbook(
  bytes: Uint8Array,
  name: string,
  zlib?: NativeZlib,
  budget: ReadLimits = DEFAULT_READ_LIMITS,
  /** Hears how far the reading has got (the pane's progress bar); see core/progress.ts. */
  onProgress?: ProgressListener,
): Promise<WorkbookDocument> {
  classifyBytes(bytes, name);
  const { parts, kind, direct: opened } = await openPackage(bytes, name, zlib, budget, onProgress);
  const direct = opened instanceof XlsxPackage ? opened : undefined;
  const unreadable = opened instanceof XlsxPackage ? undefined : opened.unreadable;
  let loaded: LoadedWorkbook | undefined = direct ? undefined : await loadWorkbook(bytes, name);
  const viaExcelJs = async (plan: WritePlan, options: ApplyOptions) => {
    // Each save starts from the file as it was opened, never from an earlier save's edits.
    const { workbook } = loaded ?? (await loadWorkbook(bytes, name));
    loaded = undefined;
    const { applyPlan, saveWorkbook } = await import("./write");
    applyPlan(workbook, plan, options);
    return { bytes: await saveWorkbook(workbook), engine: "exceljs" as const };
  };
  const snapshot = direct?.snapshot ?? loaded?.snapshot ?? { sheets: [] };
  return {
    snapshot,
    engine: direct ? "direct" : "exceljs",
    kind,
    async save(planned, options, policy, onSaveProgress) {
      let cause = unreadable;
      // A file's saved values are what every reader but Excel sees: formulas reading a written
      // cell carry what they compute after the write, not before (core/recalculate-plan.ts).
      const plan = withRecalculatedCaches(snapshot, planned);
      if (direct && XlsxPackage.canWrite(plan)) {
        try {
          const saved = await direct.write(plan, options, zlib?.deflate, onSaveProgress);
          return { bytes: saved, engine: "direct" };
        } catch (error) {
          // Malformed XML in a part being rewritten is damage: never passed on, never rebuilt.
          if (error instanceof PackageRefusedError) throw refusal(error, name);
          if (!(error instanceof PackageFormatError)) throw error;
          // Parts the splicer cannot edit safely (no cell formats to extend…): ExcelJS writes it.
          cause = error.message;
        }
      }
      if (policy)
        checkRebuild(name, { unreadable: cause, kind, partNames: parts.entries.keys() }, policy);
      onSaveProgress?.({ phase: "writing", unit: "steps", done: 0, total: null });
      return viaExcelJs(plan, options);
    },
  };
}
