import { parseXml, unescapeExcel } from "./xml";

/**
 * The shared string table: the text of each <si>, rich-text runs joined. Phonetic guides (<rPh>)
 * are reading aids for East Asian text, not part of the value, so they are left out.
 */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(unescapeExcel(current.join("")));
        current = null;
      }
    },
  });
  return strings;
}
