import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { analyseWorkbook } from "../../src/core/analyse";
import { cli } from "../helpers/cli";
import { TODAY } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { backgroundOf, havePoppler, near, pageImage, pdfWords, toPdf } from "../helpers/render";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * A register whose key cells the council filled itself, in colours unlike ours, with a slash
 * label among them: the priority column we write must draw each band in the key's own fill.
 */
const KEY = [
  { label: "Green", range: "1-4", argb: "FF00B050" },
  { label: "Amber/Green", range: "5-9", argb: "FF92D050" },
  { label: "Amber", range: "10-14", argb: "FFFFC000" },
  { label: "Red", range: "15-25", argb: "FFFF0000" },
];
const FILL = Object.fromEntries(KEY.map((k) => [k.label, `#${k.argb.slice(2).toLowerCase()}`]));
const RISKS: [string, string, number, number][] = [
  ["R1", "Supplier failure", 1, 2],
  ["R2", "Data loss", 2, 3],
  ["R3", "Flooding", 3, 4],
  ["R4", "Cyber attack", 4, 5],
];

async function register(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risks");
  ws.addRow(["Ref", "Risk", "Likelihood", "Impact", "Score"]);
  RISKS.forEach(([ref, risk, l, i], n) =>
    ws.addRow([ref, risk, l, i, { formula: `C${n + 2}*D${n + 2}`, result: l * i }]),
  );
  ws.addRow([]);
  ws.addRow(["RAG key"]);
  for (const k of KEY) {
    const row = ws.addRow([k.label, k.range]);
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: k.argb } };
  }
  ws.getColumn(2).width = 20;
  await wb.xlsx.writeFile(file);
  return file;
}

function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([n, d]) => [n, strFromU8(d)]));
}

/** Each rule of the sheet as "formula → fill", the fill read from the dxf the rule points at. */
function rules(file: string): string[] {
  const p = parts(file);
  const dxfs = [...(p["xl/styles.xml"] ?? "").matchAll(/<dxf>(.*?)<\/dxf>/g)].map(
    (m) => /<bgColor rgb="FF(\w{6})"/.exec(m[1] ?? "")?.[1]?.toLowerCase() ?? "",
  );
  const xml = p["xl/worksheets/sheet1.xml"] ?? "";
  return [...xml.matchAll(/dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula>/g)].map(
    (m) => `${(m[2] ?? "").replace(/&quot;/g, '"')} → #${dxfs[Number(m[1])]}`,
  );
}

const dir = tempDir("cs-key-fills-");
const source = path.join(dir, "register.xlsx");
const out = path.join(dir, "out.xlsx");
const KEY_CELLS = { A8: FILL.Green, A9: FILL["Amber/Green"], A10: FILL.Amber, A11: FILL.Red };

beforeAll(async () => {
  await register(source);
  const r = await cli("apply", source, "--out", out, "--no-reconciliation-sheet");
  expect(r.err).toBe("");
});

describe("the sheet's own key fills", () => {
  it("are read by both readers, for the key's cells only", async () => {
    const direct = await openWorkbook(new Uint8Array(readFileSync(source)), "register.xlsx");
    expect(direct.engine).toBe("direct");
    expect(direct.snapshot.sheets[0]?.keyFills).toEqual(KEY_CELLS);
    const exceljs = await loadFile(source);
    expect(exceljs.snapshot.sheets[0]?.keyFills).toEqual(KEY_CELLS);
  });

  it("colour the written priority column's rules, one per band, in the key's order", async () => {
    const { snapshot } = await loadFile(source);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const priority = analysis.plan.operations.find(
      (op) => op.kind === "column" && op.highlight !== undefined,
    );
    expect(
      priority?.kind === "column" && priority.highlight?.rules.map((r) => [r.label, r.fill]),
    ).toEqual(KEY.map((k) => [k.label, FILL[k.label]]));
    // In the written file: each rule's formula and the fill of its dxf.
    expect(rules(out)).toEqual(KEY.map((k) => `F2="${k.label}" → ${FILL[k.label]}`));
  });
});

const soffice = findSoffice();
const renders = soffice !== null && havePoppler();
if (!renders)
  console.warn("LibreOffice or poppler not found: key-fill colours not rendered (CI fails)");

(renders ? describe : describe.skip)("key fills as LibreOffice renders them", () => {
  it("paints each written priority cell in the fill of its band's key cell", () => {
    const pdf = toPdf(soffice as string, out);
    const words = pdfWords(pdf);
    const header = words.find((w) => w.text === "Priority");
    expect(header).toBeDefined();
    if (!header) return;
    // Words under the header in its column: the priorities of R1..R4 (scores 2, 6, 12, 20).
    const cells = words.filter(
      (w) => w.page === header.page && Math.abs(w.xMin - header.xMin) < 1 && w.yMin > header.yMin,
    );
    expect(cells.map((w) => w.text)).toEqual(["Green", "Amber/Green", "Amber", "Red"]);
    const image = pageImage(pdf, header.page);
    for (const word of cells) {
      const painted = backgroundOf(image, word);
      expect([word.text, near(painted, FILL[word.text] ?? "") ? "key fill" : painted]).toEqual([
        word.text,
        "key fill",
      ]);
    }
  });

  it("stays live: a changed likelihood changes the colour", () => {
    const edited = path.join(dir, "edited.xlsx");
    execFileSync("/usr/bin/python3", [
      "-c",
      [
        "import openpyxl, sys",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "ws = wb['Risks']",
        "ws['C2'] = 5",
        "wb.save(sys.argv[2])",
      ].join("\n"),
      out,
      edited,
    ]);
    const pdf = toPdf(soffice as string, edited);
    const words = pdfWords(pdf);
    const header = words.find((w) => w.text === "Priority");
    const first = words.find(
      (w) =>
        header !== undefined &&
        w.page === header.page &&
        Math.abs(w.xMin - header.xMin) < 1 &&
        w.yMin > header.yMin,
    );
    // Likelihood 5 × impact 2 = 10: Amber, drawn in the key's amber.
    expect(first?.text).toBe("Amber");
    if (!first) return;
    expect(near(backgroundOf(pageImage(pdf, first.page), first), FILL.Amber ?? "")).toBe(true);
  });
});
