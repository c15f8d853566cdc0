import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { bandStyles } from "../../src/core/band-colours";
import { DEFAULT_BANDS } from "../../src/core/bands";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import {
  backgroundOf,
  havePoppler,
  near,
  pageImage,
  pdfWords,
  toPdf,
  type Word,
} from "../helpers/render";
import { tempDir } from "../helpers/xlsx";

const REGISTERS = `${FIXTURES}/bcp-risk-registers.xlsx`;
// The fixture's own key: "1-2 Low risk | 3-6 Medium risk | 8-16 High" (the 4-point defaults).
const FILL = Object.fromEntries(
  DEFAULT_BANDS[4].map((b, i) => [b.label, bandStyles(DEFAULT_BANDS[4])[i]?.background]),
) as Record<string, string>;

function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

interface Rule {
  sqref: string;
  formula: string;
  fill: string;
  text: string;
}

/** Every conditional-format rule of every worksheet, with the dxf colours it points at. */
function rulesOf(file: string): Map<string, Rule[]> {
  const p = parts(file);
  const dxfs = [...(p["xl/styles.xml"] ?? "").matchAll(/<dxf>(.*?)<\/dxf>/g)].map((m) => ({
    text: /<font><color rgb="FF(\w{6})"/.exec(m[1] ?? "")?.[1] ?? "",
    fill: /<bgColor rgb="FF(\w{6})"/.exec(m[1] ?? "")?.[1] ?? "",
  }));
  const out = new Map<string, Rule[]>();
  for (const [name, xml] of Object.entries(p)) {
    if (!name.startsWith("xl/worksheets/sheet")) continue;
    const rules: Rule[] = [];
    for (const block of xml.matchAll(
      /<conditionalFormatting sqref="([^"]+)">(.*?)<\/conditionalFormatting>/g,
    ))
      for (const rule of (block[2] ?? "").matchAll(
        /dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula>/g,
      )) {
        const dxf = dxfs[Number(rule[1])];
        rules.push({
          sqref: block[1] ?? "",
          formula: (rule[2] ?? "").replace(/&quot;/g, '"'),
          fill: `#${dxf?.fill.toLowerCase()}`,
          text: `#${dxf?.text.toLowerCase()}`,
        });
      }
    out.set(name, rules);
  }
  return out;
}

const dir = tempDir("cs-highlight-");
const out = path.join(dir, "registers.xlsx");

beforeAll(async () => {
  const r = await cli("apply", REGISTERS, "--out", out, "--no-reconciliation-sheet");
  expect(r.err).toBe("");
});

describe("priority colours written into the file", () => {
  it("each register's Priority column carries a live rule per band of its key", () => {
    const bySheet = [...rulesOf(out).values()].filter((rules) => rules.length > 0);
    expect(bySheet).toHaveLength(4);
    for (const rules of bySheet) {
      expect(rules.map((r) => r.formula)).toEqual(['E6="Low"', 'E6="Medium"', 'E6="High"']);
      expect(rules.map((r) => r.fill)).toEqual([FILL.Low, FILL.Medium, FILL.High]);
      expect(rules.map((r) => r.text)).toEqual(["#1a1a1a", "#1a1a1a", "#ffffff"]);
      expect(rules.every((r) => /^E6:E(9|10)$/.test(r.sqref))).toBe(true);
    }
  });
});

const soffice = findSoffice();
const renders = soffice !== null && havePoppler();
if (!renders)
  console.warn(
    "LibreOffice or poppler not found: priority colour rendering not checked (CI fails)",
  );

/** Words under each "Priority" header, in the header's column, that name a band. */
function priorityWords(words: Word[]): Word[][] {
  return words
    .filter((w) => w.text === "Priority")
    .map((header) =>
      words.filter(
        (w) =>
          w.page === header.page &&
          Math.abs(w.xMin - header.xMin) < 1 &&
          w.yMin > header.yMin &&
          w.text in FILL,
      ),
    )
    .filter((column) => column.length > 0);
}

(renders ? describe : describe.skip)("priority colours as LibreOffice renders them", () => {
  it("paints each written priority cell in its band's colour", () => {
    const pdf = toPdf(soffice as string, out);
    const columns = priorityWords(pdfWords(pdf));
    expect(columns.map((c) => c.length)).toEqual([4, 5, 4, 4]);
    const images = new Map<number, ReturnType<typeof pageImage>>();
    for (const word of columns.flat()) {
      const image = images.get(word.page) ?? pageImage(pdf, word.page);
      images.set(word.page, image);
      const painted = backgroundOf(image, word);
      expect([word.text, near(painted, FILL[word.text] ?? "") ? "band colour" : painted]).toEqual([
        word.text,
        "band colour",
      ]);
    }
  });

  it("changes the colour when a score changes (the rule is live)", () => {
    const edited = path.join(dir, "edited.xlsx");
    // openpyxl types 16 over the first risk's score, as an officer would in Excel.
    execFileSync("/usr/bin/python3", [
      "-c",
      [
        "import openpyxl, sys",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "ws = wb['Short Term Support']",
        "assert ws['D6'].value.startswith('=')",
        "ws['D6'] = 16",
        "wb.save(sys.argv[2])",
      ].join("\n"),
      out,
      edited,
    ]);
    const before = priorityWords(pdfWords(toPdf(soffice as string, out)))[0]?.[0];
    const pdf = toPdf(soffice as string, edited);
    const after = priorityWords(pdfWords(pdf))[0]?.[0];
    expect(before?.text).toBe("Medium");
    expect(after?.text).toBe("High");
    if (!after) return;
    expect(near(backgroundOf(pageImage(pdf, after.page), after), FILL.High ?? "")).toBe(true);
  });
});
