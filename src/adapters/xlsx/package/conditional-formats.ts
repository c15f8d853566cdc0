import { cellAddress, type ColumnWrite, highlightCondition, rangeCorners } from "../../../core";
import type { DifferentialFormats } from "./dxfs";
import type { SheetXmlOffsets } from "./sheet-read";
import { escapeXml, PackageFormatError, parseXml, withAttribute } from "./xml";

/** A replacement of `start`..`end` of the sheet's text (an insertion when they are equal). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The worksheet elements CT_Worksheet puts after conditionalFormatting (ECMA-376 Part 1,
 * §18.3.1.99): new blocks go before the first of these when the sheet has no conditional
 * formats yet.
 */
const AFTER = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

interface Block {
  /** The start tag's span, for an sqref update. */
  open: { start: number; end: number };
  sqref: string;
  formulas: string[];
}

/** What the part after the cell data holds: conditional formats and where new ones go. */
function readTail(xml: string, from: number) {
  // The tail is read under a bare copy of the root's start tag, so its end tag matches: offsets
  // in the joined text are moved back by that tag's length.
  const root = `<${/<([\w.-]+:)?worksheet[\s>]/.exec(xml)?.[1] ?? ""}worksheet>`;
  const tail = root + xml.slice(from);
  const base = from - root.length;
  const blocks: Block[] = [];
  let depth = 0;
  let maxPriority = 0;
  let lastBlockEnd = -1;
  let firstAfter = -1;
  let rootClose = -1;
  let block: Block | undefined;
  let inFormula = false;
  parseXml(tail, {
    open(name, a, start, end) {
      const top = depth === 1;
      depth++;
      if (name === "cfRule" && a.priority) maxPriority = Math.max(maxPriority, Number(a.priority));
      if (top && name === "conditionalFormatting")
        block = {
          open: { start: base + start, end: base + end },
          sqref: a.sqref ?? "",
          formulas: [],
        };
      else if (top && firstAfter < 0 && AFTER.has(name)) firstAfter = base + start;
      if (block && name === "formula") {
        inFormula = true;
        block.formulas.push("");
      }
    },
    text(text) {
      if (inFormula && block) block.formulas[block.formulas.length - 1] += text;
    },
    close(name, start, end) {
      depth--;
      if (depth === 0 && name === "worksheet") rootClose = base + start;
      if (name === "formula") inFormula = false;
      if (depth === 1 && name === "conditionalFormatting" && block) {
        blocks.push(block);
        block = undefined;
        lastBlockEnd = base + end;
      }
    },
  });
  return { blocks, maxPriority, lastBlockEnd, firstAfter, rootClose };
}

/** "Red" → "red"; a quoted text operand of a cellIs rule, without case. */
function quotedText(formula: string): string | null {
  const m = /^\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m ? (m[1] ?? "").replace(/""/g, '"').toLowerCase() : null;
}

/**
 * Whether the council's own rules already colour the column by band: a block whose range covers
 * the column's rows and that has a "cell value equals" rule for every band's label (02-castlemere
 * colours H7:H18 "Red", "Amber", "Green"). A second, identical set would only double the rules.
 */
function bandedByCouncil(
  blocks: readonly Block[],
  column: number,
  fromRow: number,
  toRow: number,
  rules: readonly { texts: readonly string[] }[],
): boolean {
  return blocks.some((b) => {
    const covers = b.sqref.split(/\s+/).some((ref) => {
      const corners = rangeCorners(ref);
      return (
        corners !== null &&
        corners[0].column <= column &&
        corners[1].column >= column &&
        corners[0].row <= fromRow &&
        corners[1].row >= toRow
      );
    });
    if (!covers) return false;
    const texts = new Set(b.formulas.map(quotedText).filter((t): t is string => t !== null));
    return rules.every((r) => r.texts.some((t) => texts.has(t.toLowerCase())));
  });
}

/**
 * The edits that give each highlighted column its conditional formats: one
 * `<conditionalFormatting>` per column, an expression rule per band pointing at a dxf. A block
 * already there with the same first cell and the same rules (ours, from an earlier run) is kept
 * (its range widened when the column grew) instead of adding a second set.
 */
export function conditionalFormatSplices(
  offsets: SheetXmlOffsets,
  ops: readonly ColumnWrite[],
  dxfs: DifferentialFormats,
  prefix: string,
): Splice[] {
  const highlighted = ops.filter((op) => op.highlight);
  if (highlighted.length === 0) return [];
  const { xml, sheetData } = offsets;
  // The tail is read from just after the cell data, so its first tag is a child of <worksheet>.
  const from = sheetData.selfClosing
    ? sheetData.closeStart
    : xml.indexOf(">", sheetData.closeStart) + 1;
  const tail = readTail(xml, from);
  let priority = tail.maxPriority;
  const splices: Splice[] = [];
  const added: string[] = [];
  for (const op of highlighted) {
    const h = op.highlight;
    if (!h) continue;
    const first = cellAddress(h.fromRow, op.column);
    const sqref = `${first}:${cellAddress(h.toRow, op.column)}`;
    const formulas = h.rules.map((rule) => highlightCondition(rule, first));
    const same = tail.blocks.find(
      (b) =>
        b.sqref.split(/\s+/)[0]?.split(":")[0] === first &&
        b.formulas.length === formulas.length &&
        b.formulas.every((f, i) => f === formulas[i]),
    );
    if (!same && bandedByCouncil(tail.blocks, op.column, h.fromRow, h.toRow, h.rules)) continue;
    if (same) {
      if (same.sqref !== sqref) {
        const tag = xml.slice(same.open.start, same.open.end);
        splices.push({ ...same.open, text: withAttribute(tag, "sqref", sqref) });
      }
      continue;
    }
    const rules = h.rules.map((rule, i) => {
      const dxfId = dxfs.index(rule.fill, rule.text);
      return `<${prefix}cfRule type="expression" dxfId="${dxfId}" priority="${++priority}"><${prefix}formula>${escapeXml(formulas[i] ?? "")}</${prefix}formula></${prefix}cfRule>`;
    });
    added.push(
      `<${prefix}conditionalFormatting sqref="${sqref}">${rules.join("")}</${prefix}conditionalFormatting>`,
    );
  }
  if (added.length > 0) {
    const at =
      tail.lastBlockEnd >= 0
        ? tail.lastBlockEnd
        : tail.firstAfter >= 0
          ? tail.firstAfter
          : tail.rootClose;
    if (at < 0) throw new PackageFormatError("the worksheet has no end tag");
    splices.push({ start: at, end: at, text: added.join("") });
  }
  return splices.sort((a, b) => a.start - b.start);
}
