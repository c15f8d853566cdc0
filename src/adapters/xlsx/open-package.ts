import { type ProgressListener } from "../../core";
import { WorkbookError } from "./errors";
import { XlsxPackage, type NativeZlib } from "./package";
import { ReadLimitMeter, type ReadLimits } from "./package/read-limits";
import { PackageFormatError, PackageRefusedError } from "./package/errors";
import { workbookKind, type WorkbookKind } from "./package/kind";
import { PackageParts } from "./package/parts";
import { checkBeforeExcelJs } from "./package/preflight";
import { portableCrc32, portableInflate } from "./package/zip-read";

/** A refusal from the package layer as the one-line fault the CLI and the pane show. */
export function refusal(error: PackageRefusedError, name: string): WorkbookError {
  if (error.reason === "damaged")
    return new WorkbookError(
      "damaged",
      `${name} could not be read: the workbook is damaged or incomplete (${error.message})`,
    );
  return new WorkbookError(error.reason, `${name} ${error.message}`, error.limit);
}

export interface OpenedPackage {
  parts: PackageParts;
  kind: WorkbookKind;
  /** The direct reader's package, or why it could not read the file (ExcelJS must). */
  direct: XlsxPackage | { unreadable: string };
}

/**
 * Opens the zip, checks it is a spreadsheet package, and reads it directly within `budget`.
 * When the direct reader does not follow the file, every part is still verified and counted
 * against the budget (checkBeforeExcelJs) before the caller may hand the bytes to ExcelJS.
 * @throws {WorkbookError} when the file is damaged, refused or over budget. Anything else thrown
 * is a bug in a reader, passed on as it is.
 */
export async function openPackage(
  bytes: Uint8Array,
  name: string,
  zlib: NativeZlib | undefined,
  budget: ReadLimits,
  onProgress?: ProgressListener,
): Promise<OpenedPackage> {
  const inflate = zlib?.inflate ?? portableInflate;
  const crc32 = zlib?.crc32 ?? portableCrc32;
  onProgress?.({ phase: "opening", unit: "steps", done: 0, total: null });
  try {
    const parts = PackageParts.open(bytes, {
      inflate,
      crc32,
      meter: new ReadLimitMeter(budget),
      ...(zlib?.checkEntry ? { checkEntry: zlib.checkEntry } : {}),
    });
    const kind = await workbookKind(parts);
    try {
      return { parts, kind, direct: await XlsxPackage.read(parts, kind, onProgress) };
    } catch (error) {
      // Only the direct reader's own "I do not follow this file" falls back: damage is refused,
      // and anything else (a TypeError, a RangeError) is a bug in the reader that must surface,
      // not be hidden behind a silent second reader.
      if (error instanceof PackageRefusedError || !(error instanceof PackageFormatError))
        throw error;
      // Rows out of order, odd part names…: ExcelJS reads what it can, after the same checks.
      const unreadable = error instanceof Error ? error.message : String(error);
      const fresh = PackageParts.open(bytes, { inflate, crc32 });
      await checkBeforeExcelJs(fresh, budget, inflate, crc32);
      return { parts: fresh, kind, direct: { unreadable } };
    }
  } catch (error) {
    if (error instanceof PackageRefusedError) throw refusal(error, name);
    if (error instanceof WorkbookError || !(error instanceof PackageFormatError)) throw error;
    throw new WorkbookError(
      "damaged",
      `${name} could not be read: the workbook is damaged or incomplete`,
    );
  }
}
