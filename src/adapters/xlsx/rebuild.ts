import { WorkbookError } from "./errors";
import { isMacroEnabled, type WorkbookKind } from "./package/kind";

/**
 * Parts ExcelJS does not read, so a workbook rebuilt from its model comes out without them
 * (ExcelJS 4.4 reads sheets, styles, shared strings, defined names, tables, images, notes, data
 * validations and conditional formats; everything below is dropped on save).
 */
const DROPPED_BY_EXCELJS: [RegExp, string][] = [
  [/^xl\/vbaProject\.bin$/i, "the VBA project (macros)"],
  [/^xl\/(charts|chartsheets)\//i, "charts"],
  [/^xl\/(pivotTables|pivotCache)\//i, "pivot tables"],
  [/^xl\/externalLinks\//i, "external links"],
  [/^customXml\//i, "custom XML"],
  [/^xl\/(slicers|slicerCaches)\//i, "slicers"],
  [/^xl\/(timelines|timelineCaches)\//i, "timelines"],
  [/^xl\/(connections\.xml|queryTables\/)/i, "data connections and queries"],
  [/^xl\/model\//i, "the data model"],
  [/^xl\/embeddings\//i, "embedded objects"],
  [/^xl\/(activeX|ctrlProps)\//i, "form and ActiveX controls"],
  [/^xl\/(macrosheets|dialogsheets)\//i, "macro and dialog sheets"],
  [/^xl\/threadedComments\//i, "threaded comments"],
  [/^xl\/richData\//i, "linked data types"],
];

/** What rebuilding the package through ExcelJS would lose, in words, from its part names. */
export function lostInRebuild(partNames: Iterable<string>): string[] {
  const lost = new Set<string>();
  for (const name of partNames)
    for (const [pattern, what] of DROPPED_BY_EXCELJS) if (pattern.test(name)) lost.add(what);
  return [...lost];
}

/** Whether a save may rebuild the file through ExcelJS; the CLI asks with `--allow-rebuild`. */
export interface RebuildPolicy {
  allowRebuild: boolean;
}

/** Why the file would be rebuilt: the direct reader refused it, or its writer cannot do the plan. */
export interface RebuildCause {
  /** The direct reader's reason for refusing the file, when it did. */
  unreadable?: string;
  kind: WorkbookKind;
  partNames: Iterable<string>;
}

/**
 * Refuses a rebuild that would lose something, unless the policy allows it. A file the direct
 * reader refused is never rebuilt silently: what ExcelJS made of it cannot be checked against
 * the original. A macro-enabled workbook is never rebuilt: ExcelJS writes an .xlsx without its
 * VBA project, and that under an .xlsm name is a file Excel will not open.
 */
export function checkRebuild(name: string, cause: RebuildCause, policy: RebuildPolicy): void {
  const lost = lostInRebuild(cause.partNames);
  if (isMacroEnabled(cause.kind))
    throw new WorkbookError(
      "rebuild-refused",
      `${name} is macro-enabled (.${cause.kind}) and can only be written here by rebuilding it, which would drop its VBA project; it was not written`,
    );
  if (policy.allowRebuild || (cause.unreadable === undefined && lost.length === 0)) return;
  const why =
    cause.unreadable === undefined
      ? "these changes need a rebuild"
      : `its own XML could not be read or edited in place: ${cause.unreadable}`;
  const keeps =
    lost.length > 0 ? `drops its ${lost.join(", ")}` : "may not keep everything it holds";
  throw new WorkbookError(
    "rebuild-refused",
    `${name} can only be written by rebuilding it with ExcelJS (${why}), which ${keeps}; it was not written`,
  );
}
