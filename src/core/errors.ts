/**
 * The one base of every fault Council Sheets throws on purpose. Domain problems in a workbook are
 * findings (values), never errors; an error is a fault in what was asked (a project that is not
 * there), in the input file, or in the host. Callers branch on `code` (stable, never localised)
 * and show `message` (one line for a person). Each layer keeps its own subclass and codes:
 * core (PidError, DecisionImportError), adapters/xlsx/errors.ts (WorkbookError, and the package
 * reader's own PackageFormatError), adapters/excel/errors.ts (ExcelHostError), cli/errors.ts
 * (UsageError). Anything thrown that is not a CouncilSheetsError is a bug.
 */
export class CouncilSheetsError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** True for faults we throw on purpose (as opposed to bugs), whatever their layer. */
export function isCouncilSheetsError(error: unknown): error is CouncilSheetsError {
  return error instanceof CouncilSheetsError;
}
