import { cellTextTooLong, checkCellText, MAX_ESCAPED_CELL_TEXT } from "./read-limits";
import { PackageRefusedError } from "./errors";
import { parseXml, unescapeExcel } from "./xml";

/**
 * The shared string table: the text of each <si>, rich-text runs joined. Phonetic guides (<rPh>)
 * are reading aids for East Asian text, not part of the value, so they are left out. A table of
 * more strings than the cell budget allows is refused: every string is there to fill a cell; so
 * is a string longer than a cell may hold.
 */
export function readSharedStrings(xml: string | undefined, limit = Infinity): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === "si") {
        current = [];
        length = 0;
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) {
        length += text.length;
        if (length > MAX_ESCAPED_CELL_TEXT) throw cellTextTooLong("a shared string");
        current.push(text);
      }
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        if (strings.length >= limit)
          throw new PackageRefusedError(
            "too-large",
            `holds more than ${limit.toLocaleString("en-GB")} shared strings`,
            "maxCells",
          );
        strings.push(checkCellText(unescapeExcel(current.join("")), "a shared string"));
        current = null;
      }
    },
  });
  return strings;
}
