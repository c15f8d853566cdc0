/** Faults reading or writing a workbook file; `code` is stable, `message` is one line for a person. */
export type WorkbookErrorCode =
  "file-not-found" | "not-a-workbook" | "encrypted" | "legacy-xls" | "damaged" | "write-failed";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
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
  throw new WorkbookError("not-a-workbook", `${name} is not an Excel workbook (.xlsx)`);
}
