import { CouncilSheetsError } from "../../core";

/** Faults reading or writing a workbook file; `code` is stable, `message` is one line for a person. */
export type WorkbookErrorCode =
  | "file-not-found"
  | "permission-denied"
  | "not-a-workbook"
  | "encrypted"
  | "legacy-xls"
  | "damaged"
  | "write-failed"
  | "too-large"
  | "rebuild-refused";

export class WorkbookError extends CouncilSheetsError<WorkbookErrorCode> {
  constructor(
    code: WorkbookErrorCode,
    message: string,
    /** For "too-large": the read-budget entry that was exceeded (see package/read-limits.ts). */
    readonly limit?: string,
  ) {
    super(code, message);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as UTF-16LE: the stream every password-protected .xlsx carries. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = "EncryptionInfo";
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Text (CSV, TSV, a report saved as .txt) rather than binary: the first 4 KB decode as UTF-8 and
 * hold no control characters other than tabs and line ends.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // Streaming leaves a character cut at 4 KB pending instead of calling it invalid.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 4096), {
      stream: true,
    });
  } catch (error) {
    // A fatal TextDecoder throws a TypeError on bytes that are not UTF-8: binary, not text. (By
    // name: the decoder may be the host realm's, whose TypeError is not this realm's.)
    if ((error as { name?: unknown } | null)?.name !== "TypeError") throw error;
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** Tells apart the files people pick by mistake before ExcelJS sees them. */
export function classifyBytes(bytes: Uint8Array, name: string): void {
  if (startsWith(bytes, ZIP)) return;
  if (startsWith(bytes, OLE)) {
    if (hasEncryptionInfo(bytes)) {
      throw new WorkbookError(
        "encrypted",
        `${name} is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy`,
      );
    }
    throw new WorkbookError(
      "legacy-xls",
      `${name} is an old-format .xls workbook; open it in Excel and save it as .xlsx`,
    );
  }
  if (bytes.length === 0)
    throw new WorkbookError("not-a-workbook", `${name} is empty, not an Excel workbook`);
  if (looksLikeText(bytes))
    throw new WorkbookError(
      "not-a-workbook",
      `${name} is not an Excel workbook (.xlsx) but CSV or plain text; open it in Excel and save it as .xlsx`,
    );
  throw new WorkbookError("not-a-workbook", `${name} is not an Excel workbook (.xlsx)`);
}
