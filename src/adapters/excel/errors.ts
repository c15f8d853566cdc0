/**
 * A fault talking to Excel, with a message that says what to do next. Codes are Excel's
 * (OfficeExtension.Error.code, see "Error handling with the application-specific JavaScript APIs"
 * on learn.microsoft.com), plus our own for faults we find before asking Excel.
 */
export class ExcelHostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

const ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel is editing a cell. Press Enter or Esc to finish, then try again.",
  AccessDenied: "A sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again.",
  WorkbookStructureProtected:
    "The workbook's structure is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook), then try again.",
  RequestPayloadSizeLimitExceeded:
    "The workbook is too large to send to Excel in one go, even in smaller blocks.",
  ResponsePayloadSizeLimitExceeded:
    "The workbook is too large for Excel to send in one go, even in smaller blocks.",
  ItemNotFound: "A sheet or range changed while Council Sheets was working. Run Check again.",
  ItemAlreadyExists:
    "A sheet named like one Council Sheets adds was added since the Check. Run Check again, then Write.",
  InactiveWorkbook: "The workbook was closed or is no longer active. Go back to it and try again.",
  InsertDeleteConflict:
    "Columns could not be inserted: a table, merged cells or an array formula is in the way. Move it, then try again.",
  MergedRangeConflict:
    "Merged cells are in the way of a column Council Sheets writes. Unmerge them, then try again.",
  FilteredRangeConflict:
    "A filter is on and hides rows Council Sheets must write. Clear the filter (Data > Clear), then try again.",
  GeneralException: "Excel reported an error. Save your work and try again.",
};

/** Branches on error.code (Office's messages are localised); anything unknown keeps its message. */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "Unknown";
  const message = ADVICE[code] ?? (error instanceof Error ? error.message : String(error));
  return new ExcelHostError(code, message);
}

/** Too large in either direction: Excel on the web names the request and the response apart. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
