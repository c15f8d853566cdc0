import { cellAddress, type Change, type OwnSheetRole } from "../../core";
import { parseAreas } from "./addresses";
import { asInput, Batcher, bytes, pieces } from "./batcher";
import { ExcelHostError } from "./errors";

export const LOG_SHEET = "Council Sheets log";
const LOG_HEADER = ["Sheet", "Cell", "Before", "After", "When"];

export interface Log {
  name: string;
  sheet: Excel.Worksheet;
  /** 0-based row the next entry goes to. */
  next: number;
  created: boolean;
}

/**
 * Finds the change log (the sheet marked as our log, else the one with its name) and the row after
 * its last used cell, or adds it with its header. The used range starts at the first used cell,
 * not at A1, so the next row is the used range's last row + 1, not its row count.
 */
export async function openLog(
  context: Excel.RequestContext,
  own: ReadonlyMap<string, OwnSheetRole>,
  sheetNames: readonly string[],
  needed: boolean,
): Promise<Log | null> {
  if (!needed) return null;
  const marked = [...own].find(([, role]) => role === "log")?.[0];
  const name =
    sheetNames.find((n) => marked !== undefined && n.toLowerCase() === marked.toLowerCase()) ??
    sheetNames.find((n) => n.toLowerCase() === LOG_SHEET.toLowerCase());
  if (name) {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    const protection = sheet.protection;
    protection.load("protected");
    await context.sync();
    if (protection.protected)
      throw new ExcelHostError(
        "AccessDenied",
        `The "${name}" sheet is protected, so changes cannot be listed on it. Unprotect it (Review > Unprotect Sheet), then Write again. Nothing was written.`,
      );
    const area = used.isNullObject ? null : parseAreas(used.address)[0];
    if (area) return { name, sheet, next: area.lastRow + 1, created: false };
    writeHeader(sheet);
    return { name, sheet, next: 1, created: false };
  }
  const sheet = context.workbook.worksheets.add(LOG_SHEET);
  writeHeader(sheet);
  return { name: LOG_SHEET, sheet, next: 1, created: true };
}

function writeHeader(sheet: Excel.Worksheet): void {
  const header = sheet.getRange("A1:E1");
  header.values = [LOG_HEADER.map((h) => asInput(h))];
  header.format.font.bold = true;
}

/** Appends one row per change; every text (sheet names included) lands as text. */
export async function logRows(
  log: Log,
  changes: readonly Change[],
  when: string,
  batcher: Batcher,
): Promise<void> {
  const rows = changes.map((c) => [
    asInput(c.sheet),
    asInput(c.cell),
    asInput(c.before),
    asInput(c.after),
    asInput(when),
  ]);
  for (const piece of pieces(rows, batcher.budget / 2)) {
    await batcher.add(bytes(piece));
    const rows = `${cellAddress(log.next, 0)}:${cellAddress(log.next + piece.length - 1, 4)}`;
    log.sheet.getRange(rows).values = piece;
    log.next += piece.length;
  }
}
