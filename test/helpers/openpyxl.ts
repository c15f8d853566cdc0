import { PYTHON, requireTool, TOOLS } from "./tools";

export { PYTHON };

/**
 * openpyxl for the system Python: required in CI (fails loudly), skipped with a warning elsewhere.
 * `skipped` names what is skipped without it, for the warning.
 */
export function hasOpenpyxl(skipped: string): boolean {
  return requireTool(TOOLS.openpyxl, skipped);
}
