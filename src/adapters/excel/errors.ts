/** A fault talking to Excel, with a message that says what to do next. */
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
  RequestPayloadSizeLimitExceeded:
    "The workbook is too large to send to Excel in one go, even in smaller blocks.",
  ItemNotFound: "A sheet or range changed while Council Sheets was working. Run Check again.",
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

export function isPayloadTooLarge(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "RequestPayloadSizeLimitExceeded"
  );
}
