import { rangeColumns, type SheetSnapshot } from "../../../core";
import { INDEXED_COLOURS } from "./key-fills";
import { parseXml } from "./xml";

type RuleFill = NonNullable<SheetSnapshot["ruleFills"]>[number];

/**
 * The solid fill of each differential format of styles.xml (`<dxfs>`, ECMA-376 Part 1 §18.8.17),
 * by dxfId: "#rrggbb", or undefined for a dxf without a solid fill. In a dxf Excel reads a solid
 * pattern's colour from bgColor; files written by other tools often set only fgColor.
 */
export function dxfFills(stylesXml: string | undefined): (string | undefined)[] {
  if (stylesXml === undefined) return [];
  const out: (string | undefined)[] = [];
  let inDxfs = false;
  let depth = 0;
  let colours: Record<string, string | undefined> = {};
  const colourOf = (a: Record<string, string>) => {
    const rgb = /^(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})$/.exec(a.rgb ?? "")?.[1];
    if (rgb) return `#${rgb.toLowerCase()}`;
    return a.indexed === undefined ? undefined : INDEXED_COLOURS[Number(a.indexed)];
  };
  parseXml(stylesXml, {
    open(name, a) {
      if (name === "dxfs") inDxfs = true;
      else if (inDxfs) {
        if (depth++ === 0) colours = {};
        if (name === "patternFill") colours.pattern = a.patternType ?? "solid";
        if (name === "bgColor" || name === "fgColor") colours[name] = colourOf(a);
      }
    },
    close(name, _s, _e, selfClosing) {
      if (name === "dxfs") inDxfs = false;
      else if (inDxfs && !selfClosing && --depth === 0)
        out.push(colours.pattern === "solid" ? (colours.bgColor ?? colours.fgColor) : undefined);
      else if (inDxfs && selfClosing && depth > 0) depth--;
    },
  });
  return out;
}

/** "15" → 15, "\"Red\"" → "Red"; undefined for a formula that is neither (a cell reference). */
export function operand(formula: string): number | string | undefined {
  const text = formula.trim();
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return (quoted[1] ?? "").replace(/""/g, '"');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * The sheet's "cell value" conditional-format rules (cellIs) that point at a solid-filled dxf, in
 * priority order; rules with operands other than numbers or quoted text are passed over.
 */
export function ruleFillsOf(
  sheetXml: string,
  fills: readonly (string | undefined)[],
): RuleFill[] | undefined {
  if (fills.length === 0) return undefined;
  // Only the blocks themselves are parsed (they follow the cell data), never the whole sheet.
  const blocks = sheetXml.match(
    /<([\w.-]+:)?conditionalFormatting\b[^>]*>[\s\S]*?<\/([\w.-]+:)?conditionalFormatting>/g,
  );
  if (!blocks) return undefined;
  const found: (RuleFill & { priority: number })[] = [];
  let columns: number[] = [];
  let rule: { operator: string; fill: string | undefined; priority: number } | undefined;
  let formulas: string[] = [];
  let inFormula = false;
  for (const block of blocks)
    parseXml(block, {
      open(name, a) {
        if (name === "conditionalFormatting") {
          columns = [];
          for (const ref of (a.sqref ?? "").split(/\s+/)) {
            const span = rangeColumns(ref);
            if (span) for (let c = span[0]; c <= span[1]; c++) columns.push(c);
          }
        } else if (name === "cfRule") {
          rule =
            a.type === "cellIs" && a.operator
              ? {
                  operator: a.operator,
                  fill: fills[Number(a.dxfId ?? -1)],
                  priority: Number(a.priority ?? 0),
                }
              : undefined;
          formulas = [];
        } else if (name === "formula" && rule) {
          inFormula = true;
          formulas.push("");
        }
      },
      text(text) {
        if (inFormula) formulas[formulas.length - 1] += text;
      },
      close(name) {
        if (name === "formula") inFormula = false;
        if (name !== "cfRule" || !rule) return;
        const values = formulas.map(operand);
        if (rule.fill && values.length > 0 && values.every((v) => v !== undefined))
          found.push({
            columns: [...columns],
            operator: rule.operator,
            values: values as (number | string)[],
            fill: rule.fill,
            priority: rule.priority,
          });
        rule = undefined;
      },
    });
  if (found.length === 0) return undefined;
  return found.sort((x, y) => x.priority - y.priority).map(({ priority: _p, ...r }) => r);
}
