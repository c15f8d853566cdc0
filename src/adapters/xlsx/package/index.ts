import type { ApplyOptions } from "../../../core/apply-plan";
import type { ColumnWrite, WritePlan } from "../../../core/plan";
import type { WorkbookSnapshot } from "../../../core/snapshot";
import { WorkbookError } from "../errors";
import { columnEdits } from "./column-writes";
import { partText, unzipParts, workbookParts, type Parts, type WorkbookParts } from "./parts";
import { readSharedStrings } from "./shared-strings";
import { elementPrefix, patchSheet } from "./sheet-patch";
import { readSheet, type SheetLayout } from "./sheet-read";
import { Styles } from "./styles";
import { dropCalcChain, requestFullCalculation } from "./workbook-edits";
import { PackageFormatError } from "./xml";
import { zipParts, type Deflate } from "./zip";

export { PackageFormatError };
export type { Deflate };

/**
 * An .xlsx read straight from its XML parts. Writing splices the calculated columns into the
 * worksheet XML and copies every other part unchanged, so charts, pivot tables, comments,
 * conditional formats and anything else the workbook holds survive exactly as they were.
 */
export class XlsxPackage {
  readonly snapshot: WorkbookSnapshot;
  private readonly layouts = new Map<string, { path: string; layout: SheetLayout }>();

  private constructor(
    private readonly parts: Parts,
    private readonly book: WorkbookParts,
    snapshot: WorkbookSnapshot,
  ) {
    this.snapshot = snapshot;
  }

  /** Throws PackageFormatError when the file is not a package this reader understands. */
  static open(bytes: Uint8Array): XlsxPackage {
    const parts = unzipParts(bytes);
    const book = workbookParts(parts);
    const strings = readSharedStrings(
      book.sharedStringsPath && partText(parts, book.sharedStringsPath),
    );
    const styles = new Styles(book.stylesPath && partText(parts, book.stylesPath));
    const sheets = [];
    const layouts: [string, { path: string; layout: SheetLayout }][] = [];
    for (const entry of book.sheets) {
      const xml = partText(parts, entry.path);
      if (xml === undefined) throw new PackageFormatError(`${entry.path} is missing`);
      const { sheet, layout } = readSheet(entry.name, xml, strings, styles);
      sheets.push(sheet);
      layouts.push([entry.name, { path: entry.path, layout }]);
    }
    const pkg = new XlsxPackage(parts, book, { sheets });
    for (const [name, value] of layouts) pkg.layouts.set(name, value);
    return pkg;
  }

  /** Whether `write` can carry out the plan: calculated columns, not inserted columns or sheets. */
  static canWrite(plan: WritePlan): boolean {
    return plan.operations.every((op) => op.kind === "column");
  }

  /** The workbook's bytes with the plan applied; the package itself stays as it was read. */
  async write(plan: WritePlan, options: ApplyOptions, deflate?: Deflate): Promise<Uint8Array> {
    const encoder = new TextEncoder();
    const parts = new Map(this.parts);
    const styles = new Styles(this.book.stylesPath && partText(parts, this.book.stylesPath));
    const bySheet = new Map<string, ColumnWrite[]>();
    for (const op of plan.operations) {
      if (op.kind !== "column") throw new PackageFormatError(`cannot ${op.kind} in place`);
      bySheet.set(op.sheet, [...(bySheet.get(op.sheet) ?? []), op]);
    }
    for (const [sheet, ops] of bySheet) {
      const found = this.layouts.get(sheet);
      if (!found)
        throw new WorkbookError("write-failed", `Sheet "${sheet}" is missing from the workbook`);
      const prefix = elementPrefix(found.layout);
      const edits = columnEdits(found.layout, ops, styles, options, prefix);
      parts.set(found.path, encoder.encode(patchSheet(found.layout, edits)));
    }
    if (styles.changed && this.book.stylesPath)
      parts.set(this.book.stylesPath, encoder.encode(styles.serialise()));
    if (bySheet.size > 0) {
      const workbook = partText(parts, this.book.workbookPath) ?? "";
      parts.set(this.book.workbookPath, encoder.encode(requestFullCalculation(workbook)));
      dropCalcChain(parts, this.book);
    }
    return zipParts(parts, deflate);
  }
}
