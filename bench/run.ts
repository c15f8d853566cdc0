/* npm run bench: speed of Council Sheets on council-like workbooks, against the floors that matter. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../src/core/analyse";
import { findingsAfter } from "../src/core/plan-preview";
import { describePlan } from "../src/core/plan-changes";
import type { WorkbookSnapshot } from "../src/core/snapshot";
import { loadWorkbook } from "../src/adapters/xlsx/read";
import { applyPlan, saveWorkbook } from "../src/adapters/xlsx/write";
import { openWorkbook } from "../src/adapters/xlsx/document";
import { nativeZlib } from "../src/cli/zlib";
import { readSnapshot } from "../src/adapters/excel/read";
import { applyPlanInExcel } from "../src/adapters/excel/write";
import type { ExcelRuntime } from "../src/adapters/excel/runtime";
import { bookFromSnapshot, excelDouble } from "../test/shims/excel-double";
import { budgetTable, fundingTable, monthlyProfile, riskRegister } from "./generate";
import { convertArgs, recalcProfile } from "../test/helpers/libreoffice";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
/** BENCH_KINDS=monthly measures only the kinds whose name starts so (the table keeps the others' rows). */
const KINDS = (process.env.BENCH_KINDS ?? "").split(",").filter(Boolean);
const TODAY = 46348;
const ROOT = path.join(__dirname, "../../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "cs-bench-"));

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/** Collects what the previous measurement left, so that no measurement pays for another's garbage. */
const settle = () => (globalThis as { gc?: () => void }).gc?.();

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  settle();
  const t = process.hrtime.bigint();
  const value = await work();
  return { value, ms: ms(t) };
}

/** The floor: ExcelJS alone reading and writing the same file, in this process. */
async function floor(file: string): Promise<{ read: number; total: number }> {
  settle();
  const t = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const read = ms(t);
  writeFileSync(path.join(dir, "floor.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
  return { read, total: ms(t) };
}

/** What `council-sheets check` and `apply` do, in this process. */
async function ours(file: string, out: string) {
  const open = () =>
    openWorkbook(new Uint8Array(readFileSync(file)), path.basename(file), nativeZlib());
  const check = await timed(async () => analyseWorkbook((await open()).snapshot, { asOf: TODAY }));
  const apply = await timed(async () => {
    const document = await open();
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
    describePlan(document.snapshot, analysis.plan, { valuesOnly: false });
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    writeFileSync(out, saved.bytes);
    findingsAfter(analysis.findings, analysis.plan);
    return { snapshot: document.snapshot, engine: saved.engine };
  });
  return { check: check.ms, apply: apply.ms, ...apply.value };
}

/** The same apply through ExcelJS alone: the path for plans that insert columns or add sheets. */
async function viaExcelJs(file: string, out: string): Promise<number> {
  settle();
  const t = process.hrtime.bigint();
  const { snapshot, workbook } = await loadWorkbook(new Uint8Array(readFileSync(file)), "bench");
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  describePlan(snapshot, analysis.plan, { valuesOnly: false });
  applyPlan(workbook, analysis.plan, { valuesOnly: false });
  writeFileSync(out, await saveWorkbook(workbook));
  findingsAfter(analysis.findings, analysis.plan);
  return ms(t);
}

async function office(snapshot: WorkbookSnapshot) {
  const d = excelDouble(bookFromSnapshot(snapshot));
  const runtime = d.runtime as unknown as ExcelRuntime;
  const read = await readSnapshot(runtime);
  const readStats = {
    syncs: d.stats.syncs,
    request: Math.max(...d.stats.requests),
    response: Math.max(...d.stats.responses),
  };
  const analysis = analyseWorkbook(read, { asOf: TODAY });
  const { changed } = describePlan(read, analysis.plan, { valuesOnly: false });
  d.stats.syncs = 0;
  d.stats.requests.length = 0;
  d.stats.responses.length = 0;
  await applyPlanInExcel(runtime, analysis.plan, {
    valuesOnly: false,
    backup: false,
    changes: changed,
    when: "bench",
  });
  return {
    read: readStats,
    apply: {
      syncs: d.stats.syncs,
      request: Math.max(...d.stats.requests),
      response: Math.max(...d.stats.responses),
      logged: changed.length,
    },
  };
}

function libreOffice(file: string): number | null {
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (!soffice) return null;
  const profile = recalcProfile();
  const outDir = mkdtempSync(path.join(os.tmpdir(), "cs-bench-lo-out-"));
  const args = convertArgs(profile, outDir, [file]);
  execFileSync(soffice, args, { stdio: "ignore", timeout: 1_800_000 }); // a first start sets up the profile
  const t = process.hrtime.bigint();
  execFileSync(soffice, args, { stdio: "ignore", timeout: 1_800_000 });
  return ms(t);
}

/** Peak resident memory of the real CLI applying the file, in MiB. */
function cliPeakRss(file: string): number | null {
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "%M",
      process.execPath,
      path.join(ROOT, "dist/cli/bin.js"),
      "apply",
      file,
      "--out",
      path.join(dir, "rss.xlsx"),
      "--json",
    ],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const kb = Number(run.stderr.trim().split("\n").pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

interface Row {
  kind: string;
  rows: number;
  check: number;
  apply: number;
  floorRead: number;
  floor: number;
  /** The same apply through ExcelJS alone (plans that insert columns or add sheets). */
  exceljs: number;
  engine: string;
  core: number;
  office: Awaited<ReturnType<typeof office>>;
  lo: number | null;
  rss: number | null;
}

async function main(): Promise<void> {
  const results: Row[] = [];
  for (const [kind, make] of [
    ["risk register", riskRegister],
    ["funding table", fundingTable],
    ["monthly profile", monthlyProfile],
    ["budget table", budgetTable],
  ] as const) {
    if (KINDS.length > 0 && !KINDS.some((k) => kind.startsWith(k))) continue;
    for (const n of SIZES) {
      const file = path.join(dir, `${kind.split(" ")[0]}-${n}.xlsx`);
      await make(file, n);
      const f = await floor(file);
      const o = await ours(file, path.join(dir, `out-${path.basename(file)}`));
      const exceljs = await viaExcelJs(file, path.join(dir, `exceljs-${path.basename(file)}`));
      const core = (await timed(() => analyseWorkbook(o.snapshot, { asOf: TODAY }))).ms;
      const off = await office(o.snapshot);
      const lo = libreOffice(path.join(dir, `out-${path.basename(file)}`));
      const rss = n === Math.max(...SIZES) ? cliPeakRss(file) : null;
      results.push({
        kind,
        rows: n,
        check: o.check,
        apply: o.apply,
        floorRead: f.read,
        floor: f.total,
        exceljs,
        engine: o.engine,
        core,
        office: off,
        lo,
        rss,
      });
      process.stderr.write(`measured ${kind} at ${n} rows\n`);
    }
  }
  const table = report(results);
  console.log(table);
  if (process.env.BENCH_WRITE !== "0") {
    const doc = path.join(ROOT, "docs/benchmarks.md");
    const before = existsSync(doc) ? readFileSync(doc, "utf8") : "";
    const measured = new Set(results.map((r) => r.kind));
    writeFileSync(doc, markdown(withEarlierRows(table, before, measured), laterSections(before)));
  }
}

/**
 * Rows of kinds this run did not measure (BENCH_KINDS), kept from the table already written (the
 * first table of the page only), with a note saying they come from that earlier run.
 */
function withEarlierRows(table: string, before: string, measured: ReadonlySet<string>): string {
  const first = before.indexOf("\n## ") < 0 ? before : before.slice(0, before.indexOf("\n## "));
  const kept = first
    .split("\n")
    .filter((line) => /^\| [a-z]/.test(line) && !line.startsWith("| workbook"))
    .filter((line) => !measured.has(line.split("|")[1]?.trim() ?? ""));
  if (kept.length === 0) return table;
  const [head, rule, ...rows] = table.split("\n");
  const order = (line: string) =>
    ["risk register", "funding table", "monthly profile", "budget table"].indexOf(
      line.split("|")[1]?.trim() ?? "",
    );
  const all = [...kept, ...rows].sort((a, b) => order(a) - order(b));
  const when = /npm run bench` on (\d{4}-\d{2}-\d{2})/.exec(first)?.[1] ?? "an earlier date";
  const kinds = [...new Set(kept.map((line) => line.split("|")[1]?.trim()))].join(", ");
  return `${[head, rule, ...all].join("\n")}\n\nRows for ${kinds}: from the run of ${when} (this run measured ${[...measured].join(", ")} only).`;
}

/** Sections after the benchmark table (the hostile-input measurements), which other runs write. */
function laterSections(before: string): string {
  const at = before.indexOf("\n## ");
  return at < 0 ? "" : before.slice(at);
}

function report(results: Row[]): string {
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  const head =
    "| workbook | rows | Office.js check: syncs / max request / max response | Office.js apply: syncs / max request | CLI check (read floor) | CLI apply (read+write floor) | apply ÷ floor | apply via ExcelJS ÷ floor | core analyse + plan | LibreOffice recalc + save | LibreOffice ÷ ours | CLI peak RSS |";
  const lines = [head, "|" + " --- |".repeat(12)];
  for (const r of results) {
    lines.push(
      `| ${r.kind} | ${r.rows.toLocaleString("en-GB")} | ${r.office.read.syncs} / ${mb(r.office.read.request)} MB / ${mb(r.office.read.response)} MB | ${r.office.apply.syncs} / ${mb(r.office.apply.request)} MB | ${s(r.check)} (${s(r.floorRead)}) | ${s(r.apply)} (${s(r.floor)}) | ${(r.apply / r.floor).toFixed(2)}× (${r.engine}) | ${(r.exceljs / r.floor).toFixed(2)}× | ${s(r.core)} | ${r.lo === null ? "n/a" : s(r.lo)} | ${r.lo === null ? "n/a" : `${(r.lo / r.apply).toFixed(1)}×`} | ${r.rss === null ? "" : `${r.rss.toFixed(0)} MiB`} |`,
    );
  }
  return lines.join("\n");
}

function markdown(table: string, later: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}.
Ratios are what count; absolute times vary by machine.

${table}

- **Office.js** figures come from the recording double (test/shims/excel-double.ts): every
  \`context.sync\` is counted and every request and response measured. Reads: sheet names, used
  ranges, then one round trip per 4 MB of cells. Writes: one to prepare, formulas sent once and
  filled down (AutoFill), plus one per 4 MB of logged changes. Excel on the web refuses payloads over 5 MB.
- **CLI** times run in one process against the floor of ExcelJS reading and writing the same file,
  each after a garbage collection so that none pays for another's leftovers. "apply" includes
  reading, checking, planning, writing, saving and re-checking the result. The CLI reads the
  workbook's XML parts directly and splices calculated columns into the sheet XML ("direct"),
  copying every other part still compressed; a rewritten part over 4 MB is deflated in parallel
  chunks at zlib level 2 (a quarter of level 6's time for a file about 16% larger). Plans that
  insert columns or add sheets (Reconciliation, PID) go through ExcelJS, timed in "apply via ExcelJS".
- **Core**: \`analyseWorkbook\` (detection, rules and the write plan) on the snapshot alone.
- **LibreOffice**: headless recalculation and save of our output (same formulas), after a warm-up start.
- **Peak RSS**: \`/usr/bin/time -f %M\` around the real CLI applying the largest file.
- **Monthly profile**: twelve month columns headed by dates (mmm-yy) under an Actual/Forecast row,
  a Full year =SUM of the months (typed and wrong on 1% of lines), sections of 40 lines with totals;
  apply writes the Variance column for every line.
- **Budget table**: cost centres with original budget, virements, the council's Revised budget
  =SUM of the two on every line (typed and wrong on 1% of lines), a forecast outturn, sections of
  40 lines with totals; check evaluates every adding formula, and apply writes Variance,
  Variance %, Status and RAG for every line.
${later}`;
}

void main();
