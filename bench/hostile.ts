import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  craftZip,
  deflate,
  overlappingBomb,
  partsOf,
  text,
  type CraftEntry,
} from "../test/fuzz/craft";
import { openWorkbook } from "../src/adapters/xlsx/document";
import { nativeZlib } from "../src/cli/zlib";
import { riskRegister } from "./generate";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The figures docs/benchmarks.md gives for hostile input, without the whole `npm run bench`: the
 * direct reader's peak memory per million cells (CLI `check` on generated registers, under GNU
 * time) and the time and memory to refuse 4 KB bombs. Run: `tsc -p tsconfig.bench.json && node
 * dist/bench-build/bench/hostile.js` after `npm run build:cli`.
 */
const BIN = path.join(__dirname, "../../cli/bin.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "cs-hostile-bench-"));

function measure(args: string[]): {
  seconds: number;
  peakMb: number;
  code: number | null;
  err: string;
} {
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "@@peak %M", process.execPath, BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /@@peak (\d+)/.exec(run.stderr);
  const err = run.stderr.replace(/(Command exited[^\n]*\n)?@@peak \d+\s*$/, "").trim();
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, code: run.status, err };
}

/** HOSTILE_ROWS=0 skips the memory figures (the bombs alone take seconds). */
const ROWS = process.env.HOSTILE_ROWS === "0" ? [] : [10_000, 100_000, 200_000];

async function main(): Promise<void> {
  const lines: string[] = [];
  const CELLS_PER_ROW = 10;
  const points: { cells: number; peakMb: number; seconds: number }[] = [];
  for (const rows of ROWS) {
    const file = path.join(dir, `register-${rows}.xlsx`);
    await riskRegister(file, rows);
    const best = [measure(["check", file, "--json"]), measure(["check", file, "--json"])].sort(
      (a, b) => a.peakMb - b.peakMb,
    )[0]!;
    const cells = rows * CELLS_PER_ROW;
    points.push({ cells, peakMb: best.peakMb, seconds: best.seconds });
    lines.push(
      `| check, risk register | ${cells.toLocaleString("en-GB")} cells (${(statSync(file).size / 1048576).toFixed(1)} MB file) | ${best.seconds.toFixed(2)} s | ${best.peakMb.toFixed(0)} MB | exit ${best.code} |`,
    );
  }
  // The same register with two rows swapped: the direct reader refuses it and ExcelJS reads it.
  for (const rows of ROWS.slice(0, 2)) {
    const file = path.join(dir, `register-${rows}.xlsx`);
    const shuffled = path.join(dir, `shuffled-${rows}.xlsx`);
    const parts = partsOf(new Uint8Array(readFileSync(file))).map((p) => {
      if (!p.name.startsWith("xl/worksheets/")) return p;
      const xml = new TextDecoder().decode(p.data);
      const found = [...xml.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
      const [a = "", b = ""] = found.slice(5, 7);
      return { name: p.name, data: text(xml.replace(a, "\0").replace(b, a).replace("\0", b)) };
    });
    writeFileSync(shuffled, craftZip(parts));
    const r = measure(["check", shuffled, "--json", "--max-cells", "100000000"]);
    lines.push(
      `| check through ExcelJS (rows out of order) | ${(rows * CELLS_PER_ROW).toLocaleString("en-GB")} cells | ${r.seconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB | exit ${r.code} |`,
    );
  }
  const [small, , large] = points;
  const perMillion =
    small && large ? ((large.peakMb - small.peakMb) / (large.cells - small.cells)) * 1e6 : NaN;

  // The smallest workbook package: five parts, a sheet with one cell.
  const minimal = (sheet: Partial<CraftEntry> = {}, strings?: string): CraftEntry[] => [
    {
      name: "[Content_Types].xml",
      data: text(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: text(
        `<workbook xmlns:r="${REL}"><sheets><sheet name="Risks" sheetId="1" r:id="r1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: "xl/sharedStrings.xml", data: text(strings ?? "<sst><si><t>Risk</t></si></sst>") },
    {
      name: "xl/worksheets/sheet1.xml",
      data: text(
        `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      ),
      ...sheet,
    },
  ];
  const bombs: [string, Uint8Array][] = [];
  // Overlapping entries: as many as fit in 4 KB, each inflating to the whole 1 MB kernel.
  const kernel = text("<c/>".repeat(1 << 18));
  const overlapping = (n: number) => overlappingBomb(n, kernel, (i) => `xl/worksheets/s${i}.xml`);
  let n = 2;
  while (overlapping(n + 1).length <= 4096) n++;
  bombs.push([`overlapping entries (${n} × 1 MB)`, overlapping(n)]);
  bombs.push(["a sheet stating 4 GB", craftZip(minimal({ size: 0xfffffff0 }))]);
  // A sheet lying the other way: it states 1 KB, and its data inflates to 4 MB.
  const lying = deflate(text("<row/>".repeat(700_000)));
  bombs.push([
    "a sheet stating 1 KB that inflates to 4 MB",
    craftZip(minimal({ raw: lying, size: 1024 })),
  ]);
  const laughs = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("")}]><sst><si><t>&j;</t></si></sst>`;
  bombs.push(["billion laughs in the shared strings", craftZip(minimal({}, laughs))]);
  const start = measure(["--help"]);
  lines.push(
    `| start-up alone (\`--help\`), for comparison | — | ${start.seconds.toFixed(2)} s | ${start.peakMb.toFixed(0)} MB | exit ${start.code} |`,
  );
  for (const [what, bytes] of bombs) {
    const file = path.join(dir, "bomb.xlsx");
    writeFileSync(file, bytes);
    const r = measure(["check", file]);
    // The refusal itself, in this process: the CLI's time above is mostly Node starting up.
    const started = process.hrtime.bigint();
    const refused = await openWorkbook(bytes, "bomb.xlsx", nativeZlib()).then(
      () => false,
      () => true,
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    lines.push(
      `| refuse a bomb: ${what} | ${(bytes.length / 1024).toFixed(1)} KB file | ${r.seconds.toFixed(2)} s (refusal itself ${ms.toFixed(1)} ms${refused ? "" : ", NOT refused"}) | ${r.peakMb.toFixed(0)} MB | exit ${r.code}: ${r.err.replace(/\|/g, "\\|")} |`,
    );
  }
  console.log(`Peak memory per million cells read: ${perMillion.toFixed(0)} MB`);
  console.log(lines.join("\n"));
}

void main();
