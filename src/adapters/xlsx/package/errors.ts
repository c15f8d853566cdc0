import { CouncilSheetsError } from "../../../core";

/** Thrown when a part is not what this reader follows; the caller may let ExcelJS try the file. */
export class PackageFormatError extends CouncilSheetsError<"package-format" | "package-refused"> {
  constructor(message: string, code: "package-format" | "package-refused" = "package-format") {
    super(code, message);
  }
}

/** Why a file is refused outright, with no second reader tried. */
export type RefusalReason = "damaged" | "not-a-workbook" | "too-large";

/**
 * The file is damaged (bad CRC, overlapping entries, truncated XML, a DTD), is some other kind of
 * file, or is over the reading budget. Unlike PackageFormatError, no other reader is tried: ExcelJS
 * would inflate the same parts without any limit, or read damage as data. It extends
 * PackageFormatError so that code which only asks "can the direct reader do this?" still sees no;
 * code deciding whether to fall back must test for this class first.
 */
export class PackageRefusedError extends PackageFormatError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** For "too-large": the budget entry that was exceeded, if it can be raised. */
    readonly limit?: string,
  ) {
    super(message, "package-refused");
  }
}
