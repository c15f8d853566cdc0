import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { recalcProfile } from "./libreoffice";
import { requireTool, TOOLS } from "./tools";

/**
 * LibreOffice's rendering of a workbook, read back with poppler: the words on each PDF page with
 * their boxes (pdftotext -bbox) and the page's pixels (pdftoppm, as PPM, read here without a PNG
 * decoder). Together they say what colour a cell showing a given word is painted.
 */

/** Whether poppler's pdftotext, pdftoppm and pdfinfo are there; in CI their absence fails the run. */
export function havePoppler(): boolean {
  return requireTool(TOOLS.poppler, "PDF rendering tests");
}

/** The workbook printed to PDF by LibreOffice, formulas recalculated on load. */
export function toPdf(soffice: string, xlsx: string): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "cs-render-"));
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${recalcProfile()}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      xlsx,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  const pdf = readdirSync(outDir).find((f) => f.endsWith(".pdf"));
  if (!pdf) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return path.join(outDir, pdf);
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export interface Word {
  page: number;
  text: string;
  /** In PDF points from the page's top left. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page, with its box. */
export function pdfWords(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(
        line,
      );
    if (m)
      words.push({
        page,
        text: m[5] ?? "",
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
  }
  return words;
}

export interface Image {
  width: number;
  height: number;
  dpi: number;
  /** RGB, row by row. */
  data: Buffer;
}

/** One page as pixels (binary PPM, "P6"). */
export function pageImage(pdf: string, page: number, dpi = 100): Image {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cs-ppm-"));
  const base = path.join(dir, "page");
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    base,
  ]);
  const bytes = readFileSync(`${base}.ppm`);
  // Header: "P6" width height maxval, each followed by one whitespace byte.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a binary PPM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, dpi, data: bytes.subarray(header[0].length) };
}

/** The colour most pixels inside a word's box have ("#rrggbb"): the cell's fill behind the text. */
export function backgroundOf(image: Image, word: Word): string {
  const scale = image.dpi / 72;
  const counts = new Map<string, number>();
  for (let y = Math.ceil(word.yMin * scale); y < Math.floor(word.yMax * scale); y++)
    for (let x = Math.ceil(word.xMin * scale); x < Math.floor(word.xMax * scale); x++) {
      const i = (y * image.width + x) * 3;
      const hex = [0, 1, 2].map((k) => (image.data[i + k] ?? 0).toString(16).padStart(2, "0"));
      const colour = `#${hex.join("")}`;
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/** Whether two "#rrggbb" colours are the same within `tolerance` per channel (anti-aliasing). */
export function near(a: string, b: string, tolerance = 8): boolean {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return x.every((v, i) => Math.abs(v - (y[i] ?? 0)) <= tolerance);
}
