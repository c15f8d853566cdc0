import { CouncilSheetsError } from "../../core";

/**
 * A fault talking to Excel, with a message that says what to do next. Codes are Excel's: "the
 * code property ... contains a string that is part of OfficeExtension.ErrorCodes or
 * {application}.ErrorCodes" ("Error handling with the application-specific JavaScript APIs",
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * and our own WorkbookStructureProtected (preflight.ts) and UnreadableAddress (addresses.ts).
 */
export class ExcelHostError extends CouncilSheetsError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message);
    // The Office error this came from, for the developer console; the message is for the user.
    if (options) this.cause = options.cause;
  }
}

/**
 * Excel.ErrorCodes is a string enum of the office.js runtime
 * (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes); outside Excel (tests, the
 * standalone page) there is no `Excel` global, so the table is keyed by the enum's values as a
 * type: a key that is not one of Excel's codes does not compile.
 */
type ExcelErrorCode = `${Excel.ErrorCodes}`;

const EXCEL_ADVICE: Partial<Record<ExcelErrorCode, string>> = {
  InvalidOperationInCellEditMode:
    "Excel is editing a cell. Press Enter or Esc to finish, then try again.",
  AccessDenied: "A sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again.",
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

/**
 * Codes outside Excel.ErrorCodes: RequestPayloadSizeLimitExceeded is the request-size limit of
 * Excel on the web (a RichApi error, see DESIGN.md's Office.js facts), and WorkbookStructureProtected
 * is our own code, thrown by preflight.ts before asking Excel to add a sheet to a workbook whose
 * structure is protected.
 */
const OTHER_OFFICE_ADVICE: Record<string, string> = {
  RequestPayloadSizeLimitExceeded:
    "The workbook is too large to send to Excel in one go, even in smaller blocks.",
  WorkbookStructureProtected:
    "The workbook's structure is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook), then try again.",
};

function adviceFor(code: string): string | undefined {
  return (EXCEL_ADVICE as Record<string, string | undefined>)[code] ?? OTHER_OFFICE_ADVICE[code];
}

/**
 * Every Excel.ErrorCodes value, as a record so that the compiler checks the list is complete and
 * holds nothing else (there is no `Excel` global outside Excel to read the enum from at run time).
 */
const EXCEL_CODES: Record<ExcelErrorCode, true> = {
  AccessDenied: true,
  ApiNotFound: true,
  Conflict: true,
  DirtySupportingFormula: true,
  EmptyChartSeries: true,
  FilteredRangeConflict: true,
  FormulaLengthExceedsLimit: true,
  GeneralException: true,
  InactiveWorkbook: true,
  InsertDeleteConflict: true,
  InvalidArgument: true,
  InvalidBinding: true,
  InvalidOperation: true,
  InvalidOperationInCellEditMode: true,
  InvalidReference: true,
  InvalidSelection: true,
  ItemAlreadyExists: true,
  ItemNotFound: true,
  MergedRangeConflict: true,
  NonBlankCellOffSheet: true,
  NotImplemented: true,
  OpenWorkbookLinksBlocked: true,
  OperationCellsExceedLimit: true,
  PivotTableRangeConflict: true,
  PowerQueryRefreshResourceChallenge: true,
  RangeExceedsLimit: true,
  RangeImageExceedsLimit: true,
  RefreshWorkbookLinksBlocked: true,
  RequestAborted: true,
  ResponsePayloadSizeLimitExceeded: true,
  UnsupportedFeature: true,
  UnsupportedFillType: true,
  UnsupportedOperation: true,
  UnsupportedSheet: true,
};

/**
 * Whether Office.js raised this: office.js rejects with OfficeExtension.Error, an Error whose
 * `code` is one of OfficeExtension.ErrorCodes or Excel.ErrorCodes and which carries `debugInfo`
 * (https://learn.microsoft.com/javascript/api/office/officeextension.error). A TypeError from our
 * own code has neither, and must reach the developer as it is, not as "Excel reported an error".
 */
function isOfficeError(error: unknown): error is { code: string; message?: unknown } {
  if (typeof error !== "object" || error === null) return false;
  if (typeof OfficeExtension !== "undefined" && error instanceof OfficeExtension.Error) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return code in EXCEL_CODES || adviceFor(code) !== undefined || "debugInfo" in error;
}

/**
 * Branches on error.code (Office's messages are localised); anything unknown keeps its message.
 *
 * @throws the error itself, unchanged, when Office.js did not raise it (a bug of ours, say).
 */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  if (!isOfficeError(error)) throw error;
  const message =
    adviceFor(error.code) ?? (error instanceof Error ? error.message : String(error.message));
  return new ExcelHostError(error.code, message, { cause: error });
}

/** Too large in either direction: Excel on the web names the request and the response apart. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
