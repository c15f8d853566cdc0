import { CouncilSheetsError } from "../errors";

/** A record that cannot go into the register: not a record, or no room where the register is. */
export class DecisionImportError extends CouncilSheetsError<"no-room" | "not-a-record"> {}
