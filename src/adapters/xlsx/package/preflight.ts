import {
  ReadLimitMeter,
  cellTextTooLong,
  EXCEL_MAX_CELL_CHARACTERS,
  type ReadLimits,
} from "./read-limits";
import { PackageRefusedError } from "./errors";
import type { PackageParts } from "./parts";
import { inflateEntry, portableCrc32, type Crc32, type Inflate } from "./zip-read";

/**
 * ExcelJS holds a workbook as objects per cell, about 1.8 times the direct reader's peak memory
 * for the same cells (docs/benchmarks.md: 946 MB against 543 MB for a million), so a file it
 * must read gets half the cell budget and stays within the same memory bound.
 */
export const EXCELJS_CELL_SHARE = 0.5;

const LT = 0x3c;
const BANG = 0x21;

/** `<!DOCTYPE` or `<!ENTITY` anywhere in the bytes: a DTD, which OOXML parts never hold. */
function holdsDtd(data: Uint8Array): boolean {
  for (let i = data.indexOf(LT); i >= 0 && i + 2 < data.length; i = data.indexOf(LT, i + 1)) {
    if (data[i + 1] !== BANG) continue;
    const c = data[i + 2];
    if (c === 0x44 || c === 0x45) return true; // D(OCTYPE), E(NTITY)
  }
  return false;
}

/**
 * The longest one character of a cell's text can be written in XML: `&#x10FFFF;`. A run of bytes
 * between two `<` longer than the limit's worth of those is a text (or a tag) that no cell holds.
 */
const MAX_TEXT_RUN_BYTES = 10 * EXCEL_MAX_CELL_CHARACTERS;

function holdsOverlongText(data: Uint8Array): boolean {
  let at = data.indexOf(LT);
  if (at > MAX_TEXT_RUN_BYTES) return true;
  while (at >= 0) {
    const next = data.indexOf(LT, at + 1);
    if ((next < 0 ? data.length : next) - at > MAX_TEXT_RUN_BYTES) return true;
    at = next;
  }
  return false;
}

/** Start tags named `c` (with or without a namespace prefix): the cells of a worksheet part. */
function cellTags(data: Uint8Array): number {
  let cells = 0;
  for (let i = data.indexOf(LT); i >= 0; i = data.indexOf(LT, i + 1)) {
    let j = i + 1;
    let nameStart = j;
    while (j < data.length) {
      const b = data[j] ?? 0;
      if (b === 0x3a)
        nameStart = j + 1; // ":" ends a prefix
      else if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d)
        break;
      j++;
    }
    if (j - nameStart === 1 && data[nameStart] === 0x63) cells++;
  }
  return cells;
}

/**
 * Checks a package before ExcelJS reads it. ExcelJS (through JSZip) inflates every part with no
 * limit and reads a DTD's entities, so here every part is inflated first, one at a time, within
 * the stated sizes, against its CRC-32 and the read budget, and its cells counted; only a package
 * that passes reaches ExcelJS, which then inflates the same, now known, bytes.
 */
export async function checkBeforeExcelJs(
  parts: PackageParts,
  budget: ReadLimits,
  inflate: Inflate,
  crc32: Crc32 = portableCrc32,
): Promise<void> {
  const meter = new ReadLimitMeter({
    ...budget,
    maxCells: Math.floor(budget.maxCells * EXCELJS_CELL_SHARE),
  });
  const entries = [...parts.entries.values()];
  for (const entry of entries) meter.inflate(entry.name, entry.size);
  for (const entry of entries) {
    const data = await inflateEntry(entry, inflate, crc32);
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    if (holdsDtd(data))
      throw new PackageRefusedError(
        "damaged",
        `${entry.name} holds a DTD, which Office files never do`,
      );
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    // ExcelJS would read a 64 MB cell text and spend gigabytes on it: Excel's own limit is kept.
    if ((sheet || /^xl\/sharedStrings[^/]*\.xml$/i.test(entry.name)) && holdsOverlongText(data))
      throw cellTextTooLong(`a text in ${entry.name}`);
    if (sheet) {
      try {
        meter.cells(cellTags(data));
      } catch (error) {
        if (!(error instanceof PackageRefusedError)) throw error;
        throw new PackageRefusedError(
          "too-large",
          `${error.message} for ExcelJS, which this file needs (it is given half the cell limit)`,
          error.limit,
        );
      }
    }
  }
}
