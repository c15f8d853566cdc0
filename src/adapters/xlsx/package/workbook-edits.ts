import { relsPathOf, type PackageParts, type WorkbookParts } from "./parts";
import type { OutputPart } from "./zip";
import { parseXml, withAttribute } from "./xml";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A part's text as the output holds it so far: an earlier edit's, or the file's own. */
export async function currentText(
  source: PackageParts,
  output: ReadonlyMap<string, OutputPart>,
  path: string,
): Promise<string | undefined> {
  const part = output.get(path);
  if (part instanceof Uint8Array) return decoder.decode(part);
  return source.text(path);
}

/**
 * Asks Excel to recalculate everything when it opens the file (calcPr fullCalcOnLoad), so no
 * reader sees a stale value; calcPr goes after the elements the schema puts before it.
 * ISO/IEC 29500-1 §18.2.2 calcPr, and Microsoft's Open XML SDK reference for
 * CalculationProperties.FullCalculationOnLoad (learn.microsoft.com/dotnet/api/
 * documentformat.openxml.spreadsheet.calculationproperties.fullcalculationonload): the
 * application does a full calculation when it loads the workbook. Readers that do not calculate
 * still show the saved <v> values, which is why apply also refreshes those it makes stale
 * (core/recalculate-plan.ts).
 */
export function requestFullCalculation(xml: string): string {
  let calcPr: { start: number; end: number } | undefined;
  let insertAt = -1;
  let prefix = "";
  parseXml(xml, {
    open(name, _a, start, end) {
      if (name === "calcPr") calcPr = { start, end };
      if (name === "workbook") prefix = /^<([\w.-]+:)?workbook/.exec(xml.slice(start))?.[1] ?? "";
    },
    close(name, _start, end) {
      if (["sheets", "functionGroups", "externalReferences", "definedNames"].includes(name))
        insertAt = end;
    },
  });
  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.end);
    return (
      xml.slice(0, calcPr.start) + withAttribute(tag, "fullCalcOnLoad", "1") + xml.slice(calcPr.end)
    );
  }
  if (insertAt < 0) return xml;
  return `${xml.slice(0, insertAt)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(insertAt)}`;
}

function withoutElements(
  xml: string,
  element: string,
  drop: (a: Record<string, string>) => boolean,
): string {
  const cuts: { start: number; end: number }[] = [];
  let open: { start: number } | undefined;
  parseXml(xml, {
    open(name, a, start) {
      if (name === element && drop(a)) open = { start };
    },
    close(name, _start, end) {
      if (name === element && open) {
        cuts.push({ start: open.start, end });
        open = undefined;
      }
    },
  });
  let out = xml;
  for (const cut of cuts.reverse()) out = out.slice(0, cut.start) + out.slice(cut.end);
  return out;
}

/**
 * Removes the calculation chain. It lists every formula cell in evaluation order; once formulas
 * are added or replaced it is out of date, and Excel reports a stale chain as a damaged file.
 * Excel rebuilds it on the next save.
 */
export async function dropCalcChain(
  source: PackageParts,
  output: Map<string, OutputPart>,
  book: WorkbookParts,
): Promise<void> {
  const chain = book.calcChainPath;
  if (!chain || !output.has(chain)) return;
  output.delete(chain);
  const relsPath = relsPathOf(book.workbookPath);
  const rels = await currentText(source, output, relsPath);
  if (rels !== undefined)
    output.set(
      relsPath,
      encoder.encode(
        withoutElements(rels, "Relationship", (a) => (a.Type ?? "").endsWith("/calcChain")),
      ),
    );
  const types = await currentText(source, output, "[Content_Types].xml");
  if (types !== undefined)
    output.set(
      "[Content_Types].xml",
      encoder.encode(withoutElements(types, "Override", (a) => a.PartName === `/${chain}`)),
    );
}
