import { CouncilSheetsError } from "../core";

/** A usage fault (a bad flag, a missing file, --out over the input): exit code 2, one line. */
export class UsageError extends CouncilSheetsError<"usage"> {
  constructor(message: string) {
    super("usage", message);
  }
}
