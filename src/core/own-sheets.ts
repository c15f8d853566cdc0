/**
 * Sheets Council Sheets creates (Reconciliation, PID, backups, the change log, heat maps) are ours:
 * they are never analysed as council tables, backed up again or rewritten by a later apply.
 *
 * Why a defined name: a workbook-scoped, hidden defined name per sheet (`_CouncilSheets_PID_3`
 * referring to `'PID - Library'!$A$1`) lives in the workbook part every host already reads and
 * writes (the file format's `<definedNames>`, Office.js `workbook.names`, ExcelApi 1.4), survives
 * a save by Excel or LibreOffice, and — because it is a reference — follows the sheet when a user
 * renames it. A sheet title or a cell note would not survive a rename or an edit.
 */
export const OWN_SHEET_ROLES = ["reconciliation", "pid", "backup", "log", "heat-map"] as const;
export type OwnSheetRole = (typeof OWN_SHEET_ROLES)[number];

const PREFIX = "_CouncilSheets_";
const ROLE_TOKENS: Record<OwnSheetRole, string> = {
  reconciliation: "Reconciliation",
  pid: "PID",
  backup: "Backup",
  log: "Log",
  "heat-map": "HeatMap",
};
const MARK = /^_CouncilSheets_([A-Za-z]+)_(\d+)$/;

/** The defined name marking the `index`th sheet of a role ("_CouncilSheets_PID_3"). */
export function ownSheetMarkName(role: OwnSheetRole, index: number): string {
  return `${PREFIX}${ROLE_TOKENS[role]}_${index}`;
}

/** The role a defined name marks, or null when the name is not one of our marks. */
export function ownSheetRole(definedName: string): OwnSheetRole | null {
  const m = MARK.exec(definedName);
  if (!m) return null;
  const found = OWN_SHEET_ROLES.find((role) => ROLE_TOKENS[role] === m[1]);
  return found ?? null;
}

/** A mark name not among `existing` (defined names compare without case in Excel). */
export function nextOwnSheetMarkName(role: OwnSheetRole, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = ownSheetMarkName(role, i);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A sheet name as a reference prefix: quoted, with apostrophes doubled, as Excel writes it. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** What a mark refers to: cell A1 of the sheet, absolute. */
export function ownSheetMarkReference(sheet: string): string {
  return `${quotedSheetName(sheet)}!$A$1`;
}

/**
 * The sheet a mark's reference points at, from the forms hosts give back: `'PID - A'!$A$1`,
 * `Sheet1!$A$1`, with or without a leading "=". Null for anything else (a #REF! after the sheet
 * was deleted, a constant).
 */
export function sheetOfMarkReference(reference: string): string | null {
  const text = reference.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!\$?[A-Z]{1,3}\$?\d+$/.exec(text);
  if (quoted?.[1]) return quoted[1].replace(/''/g, "'");
  const bare = /^([^'!#\s[\]:*?/\\]+)!\$?[A-Z]{1,3}\$?\d+$/.exec(text);
  return bare?.[1] ?? null;
}

/**
 * Sheet name → role, from a workbook's defined names (name and reference pairs). Names that are
 * not our marks, and marks whose sheet is gone, are ignored.
 */
export function ownSheetsFromNames(
  names: Iterable<{ name: string; reference: string }>,
): Map<string, OwnSheetRole> {
  const own = new Map<string, OwnSheetRole>();
  for (const { name, reference } of names) {
    const role = ownSheetRole(name);
    const sheet = role && sheetOfMarkReference(reference);
    if (role && sheet) own.set(sheet, role);
  }
  return own;
}
