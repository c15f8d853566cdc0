import { keyFillsOf } from "./key-fills";
import { dxfFills, ruleFillsOf } from "./rule-fills";
import { widenPrintAreas } from "./print-area";
import {
  type AddSheet,
  type ApplyOptions,
  type ColumnWrite,
  newColumnsOf,
  ownSheetsFromNames,
  type WorkbookSnapshot,
  type WritePlan,
} from "../../../core";
import { WorkbookError } from "../errors";
import { addSheets } from "./add-sheet";
import { withCachedValues } from "./cached-values";
import { columnEdits } from "./column-writes";
import { conditionalFormatSplices } from "./conditional-formats";
import { DifferentialFormats } from "./dxfs";
import { growTables } from "./grow-tables";
import { joinTables } from "./join-tables";
import { insertColumnsInPackage, type EditedParts } from "./insert-columns";
import { ReadLimitMeter, EXCEL_MAX_CELL_FORMATS } from "./read-limits";
import { PackageRefusedError } from "./errors";
import { workbookKind, type WorkbookKind } from "./kind";
import { PackageParts, workbookParts, type PartReading, type WorkbookParts } from "./parts";
import { progressMeter, type ProgressListener, type SheetSnapshot } from "../../../core";
import { sheetReadProgress } from "./read-progress";
import { readSharedStrings } from "./shared-strings";
import { elementPrefix, patchSheet } from "./sheet-patch";
import { readSheet, type SheetXmlOffsets } from "./sheet-read";
import { Styles } from "./styles";
import { tablesOfSheet } from "./tables";
import { currentText, dropCalcChain, requestFullCalculation } from "./workbook-edits";
import { PackageFormatError } from "./xml";
import { zipParts, type Deflate, type NativeZlib, type OutputPart } from "./zip";
import { portableInflate, type CheckEntry, type EntryFault, type Inflate } from "./zip-read";

export { PackageFormatError, PackageRefusedError };
export type { CheckEntry, Deflate, EntryFault, Inflate, NativeZlib, WorkbookKind };

/**
 * An .xlsx read straight from its XML parts. Writing splices the calculated columns into the
 * worksheet XML and copies every other part unchanged, so charts, pivot tables, comments,
 * conditional formats and anything else the workbook holds survive exactly as they were.
 */
export class XlsxPackage {
  readonly snapshot: WorkbookSnapshot;
  private readonly sheetOffsets = new Map<string, { path: string; offsets: SheetXmlOffsets }>();

  private constructor(
    private readonly parts: PackageParts,
    private readonly book: WorkbookParts,
    snapshot: WorkbookSnapshot,
    readonly kind: WorkbookKind,
  ) {
    this.snapshot = snapshot;
  }

  /**
   * Throws PackageFormatError when the file is not a package this reader understands, and its
   * subclass PackageRefusedError when the file is damaged, not a workbook or over budget.
   */
  static async open(
    bytes: Uint8Array,
    reading: Inflate | PartReading = portableInflate,
  ): Promise<XlsxPackage> {
    const parts = PackageParts.open(bytes, reading);
    return XlsxPackage.read(parts, await workbookKind(parts));
  }

  /** Reads the snapshot from parts already opened (and their kind already checked). */
  static async read(
    parts: PackageParts,
    kind: WorkbookKind,
    onProgress?: ProgressListener,
  ): Promise<XlsxPackage> {
    const meter: ReadLimitMeter = parts.meter;
    const book = await workbookParts(parts);
    // Every part the snapshot needs is decompressed at once (on native zlib's threads in Node).
    const [sharedStrings, stylesXml, ...sheetXml] = await Promise.all([
      book.sharedStringsPath && parts.text(book.sharedStringsPath),
      book.stylesPath && parts.text(book.stylesPath),
      ...book.sheets.map((entry) => parts.text(entry.path)),
    ]);
    const tables = await Promise.all(book.sheets.map((entry) => tablesOfSheet(parts, entry.path)));
    const strings = readSharedStrings(sharedStrings, meter.budget.maxCells);
    const styles = new Styles(stylesXml);
    const own = ownSheetsFromNames(book.definedNames);
    const ruleDxfFills = dxfFills(stylesXml);
    if (styles.cellFormats > EXCEL_MAX_CELL_FORMATS)
      throw new PackageRefusedError(
        "damaged",
        `styles list ${styles.cellFormats.toLocaleString("en-GB")} cell formats, more than Excel's ${EXCEL_MAX_CELL_FORMATS.toLocaleString("en-GB")}`,
      );
    const sheets = [];
    const sheetOffsets: [string, { path: string; offsets: SheetXmlOffsets }][] = [];
    const rowTicks = sheetReadProgress(
      book.sheets.map((entry, i) => ({ name: entry.name, xml: sheetXml[i] ?? "" })),
      onProgress,
    );
    for (const [i, entry] of book.sheets.entries()) {
      const xml = sheetXml[i];
      if (xml === undefined) throw new PackageFormatError(`${entry.path} is missing`);
      const { sheet, offsets } = readSheet(
        entry.name,
        xml,
        strings,
        styles,
        meter,
        rowTicks?.(i),
        book.date1904,
      );
      const role = own.get(entry.name);
      const listed = tables[i] ?? [];
      const read: SheetSnapshot = {
        ...sheet,
        ...(role ? { ours: role } : {}),
        ...(entry.visibility ? { visibility: entry.visibility } : {}),
        ...(listed.length > 0 ? { tables: listed } : {}),
      };
      // Searched on the sheet the analysis reads: the key search keeps what it scans per sheet
      // (readMatrixKey), so the analysis does not scan a large register for a matrix again.
      const keyFills = role ? undefined : keyFillsOf(read, offsets, styles);
      const ruleFills = role ? undefined : ruleFillsOf(xml, ruleDxfFills);
      if (keyFills) read.keyFills = keyFills;
      if (ruleFills) read.ruleFills = ruleFills;
      sheets.push(read);
      sheetOffsets.push([entry.name, { path: entry.path, offsets }]);
    }
    const snapshot = book.date1904 ? { sheets, date1904: true } : { sheets };
    const pkg = new XlsxPackage(parts, book, snapshot, kind);
    for (const [name, value] of sheetOffsets) pkg.sheetOffsets.set(name, value);
    return pkg;
  }

  /** Whether `write` can carry out the plan: calculated and inserted columns, and new sheets. */
  static canWrite(plan: WritePlan): boolean {
    return plan.operations.every(
      (op) => op.kind === "column" || op.kind === "insert-columns" || op.kind === "add-sheet",
    );
  }

  private async stringsXml(): Promise<string | undefined> {
    return this.book.sharedStringsPath && this.parts.text(this.book.sharedStringsPath);
  }

  /** The workbook's bytes with the plan applied; the package itself stays as it was read. */
  async write(
    plan: WritePlan,
    options: ApplyOptions,
    deflate?: Deflate,
    onProgress?: ProgressListener,
  ): Promise<Uint8Array> {
    onProgress?.({ phase: "writing", unit: "steps", done: 0, total: null });
    const encoder = new TextEncoder();
    const output = new Map<string, OutputPart>(this.parts.entries);
    const stylesXml = this.book.stylesPath && (await this.parts.text(this.book.stylesPath));
    const styles = new Styles(stylesXml);
    const dxfs = new DifferentialFormats(stylesXml);
    const bySheet = new Map<string, ColumnWrite[]>();
    const added: AddSheet[] = [];
    for (const op of plan.operations)
      if (op.kind === "column") bySheet.set(op.sheet, [...(bySheet.get(op.sheet) ?? []), op]);
      else if (op.kind === "add-sheet") added.push(op);
    // Inserts come first (the plan puts them first, rightmost first): the column writes are in
    // the coordinates the inserts leave.
    const edited: EditedParts = new Map();
    for (const op of plan.operations) {
      if (op.kind !== "insert-columns") continue;
      const headers = new Map<string, string>();
      for (const write of bySheet.get(op.sheet) ?? [])
        if (write.header) headers.set(`${write.header.row},${write.column}`, write.header.text);
      await insertColumnsInPackage(this.parts, this.book, edited, op, headers);
    }
    const strings = edited.size > 0 ? readSharedStrings(await this.stringsXml()) : [];
    // Sheets whose only edit is a council formula's fresh saved value are rewritten too.
    const recalculated = plan.recalculated ?? [];
    for (const { sheet } of recalculated) if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    for (const [sheet, ops] of bySheet) {
      const found = this.sheetOffsets.get(sheet);
      if (!found)
        throw new WorkbookError("write-failed", `Sheet "${sheet}" is missing from the workbook`);
      const moved = edited.get(found.path);
      // A sheet the inserts changed is read again, so the cells are spliced into its new text.
      const offsets =
        moved === undefined ? found.offsets : readSheet(sheet, moved, strings, styles).offsets;
      edited.delete(found.path);
      const prefix = elementPrefix(offsets);
      const edits = withCachedValues(
        offsets,
        columnEdits(offsets, ops, styles, options, prefix, this.book.date1904),
        recalculated.filter((c) => c.sheet === sheet),
      );
      // Rows written of the sheet's rows to write: the one part of a save that is measured
      // in the officer's terms (the pane's bar fills as the rows go in).
      const meter = progressMeter(onProgress, {
        phase: "writing",
        subject: sheet,
        unit: "rows",
        total: edits.rows.length,
      });
      let rowsDone = 0;
      const metered = {
        ...edits,
        cellsAt: (row: number) => {
          meter(++rowsDone);
          return edits.cellsAt(row);
        },
      };
      const splices = conditionalFormatSplices(offsets, ops, dxfs, prefix);
      output.set(found.path, patchSheet(offsets, { ...metered, splices }));
    }
    // Tables kept as ListObjects grow over rows added just below them (decisions import).
    const columnOps = [...bySheet.values()].flat();
    for (const [path, text] of await growTables(this.parts, this.book, columnOps, edited))
      edited.set(path, text);
    // New columns right of an Excel table become its columns, as Excel makes a typed one.
    const joins = plan.tableJoins ?? [];
    for (const [path, text] of await joinTables(this.parts, this.book, joins, edited))
      edited.set(path, text);
    for (const [path, text] of edited) output.set(path, encoder.encode(text));
    // New sheets go in after the inserts, so they see the workbook part the inserts left.
    await addSheets(added, this.parts, this.book, output, styles, options);
    if (dxfs.changed && !this.book.stylesPath)
      throw new PackageFormatError("the workbook has no styles part to hold conditional formats");
    if ((styles.changed || dxfs.changed) && this.book.stylesPath)
      output.set(this.book.stylesPath, encoder.encode(dxfs.serialise(styles.serialise())));
    if (plan.operations.length > 0) {
      const workbook = (await currentText(this.parts, output, this.book.workbookPath)) ?? "";
      const printed = [...bySheet].map(([name, ops]) => ({
        sheetIndex: this.book.sheets.findIndex((s) => s.name === name),
        columns: newColumnsOf(ops),
      }));
      output.set(
        this.book.workbookPath,
        encoder.encode(requestFullCalculation(widenPrintAreas(workbook, printed))),
      );
      await dropCalcChain(this.parts, output, this.book);
    }
    const copied = [...output].filter(([, part]) => !(part instanceof Uint8Array));
    await this.parts.checkUnread(copied.map(([path]) => path));
    return zipParts(output, deflate, onProgress);
  }
}
