#!/usr/bin/env node
/*
 * Old against new on the 100,000-row risk register (issue 12's "within 1.2× of today's time"),
 * or any other table bench/generate.ts makes (monthlyProfile, budgetTable, fundingTable),
 * measured in the same moment: the two worktrees' bench builds run alternately on one generated
 * file, each run a fresh Node process, the order swapped every pair so that neither always runs
 * on a machine warmed (or loaded) by the other. On shared cores CPU time is the figure to read.
 *
 *   git worktree add --detach ../old-0d6f9cf 0d6f9cf   (node_modules: cp -al ../main/node_modules)
 *   (in each worktree) npx tsc -p tsconfig.bench.json
 *   node scripts/old-against-new.cjs ../old-0d6f9cf . [pairs=7] [rows=100000] [table=riskRegister]
 */
const { execFileSync } = require("node:child_process");
const { mkdtempSync, readFileSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const TODAY = 46348;

/** One run in this process: the ExcelJS read floor, check (read + analyse), analyse alone. */
async function oneRun(worktree, file) {
  const build = path.resolve(worktree, "dist/bench-build");
  const ExcelJS = require(path.resolve(worktree, "node_modules/exceljs"));
  const { analyseWorkbook } = require(path.join(build, "src/core/analyse"));
  const { openWorkbook } = require(path.join(build, "src/adapters/xlsx/document"));
  const { nativeZlib } = require(path.join(build, "src/cli/zlib"));
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const measure = async (work) => {
    global.gc();
    const c = cpu();
    const t = process.hrtime.bigint();
    const value = await work();
    return { wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: cpu() - c, value };
  };
  const floor = await measure(() => new ExcelJS.Workbook().xlsx.load(readFileSync(file)));
  const check = await measure(async () => {
    const document = await openWorkbook(new Uint8Array(readFileSync(file)), "bench", nativeZlib());
    const { findings } = analyseWorkbook(document.snapshot, { asOf: TODAY });
    return { snapshot: document.snapshot, findings: findings.length };
  });
  const core = await measure(
    () => analyseWorkbook(check.value.snapshot, { asOf: TODAY }).findings.length,
  );
  const times = ({ wall, cpu: used }) => ({ wall, cpu: used });
  return {
    floor: times(floor),
    check: { ...times(check), findings: check.value.findings },
    core: { ...times(core), findings: core.value },
    load: os.loadavg()[0],
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const [oldTree, newTree, pairs = "7", rows = "100000", table = "riskRegister"] =
    process.argv.slice(2);
  const generate = newTree && require(path.resolve(newTree, "dist/bench-build/bench/generate"));
  if (!oldTree || !newTree || typeof generate[table] !== "function") {
    console.error("usage: old-against-new.cjs OLD_WORKTREE NEW_WORKTREE [pairs] [rows] [table]");
    process.exit(2);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "cs-old-new-")), `${table}.xlsx`);
  await generate[table](file, Number(rows));
  const runs = { old: [], new: [] };
  for (let i = 0; i < Number(pairs); i++) {
    for (const side of i % 2 ? ["new", "old"] : ["old", "new"]) {
      const tree = side === "old" ? oldTree : newTree;
      const out = execFileSync(
        process.execPath,
        ["--max-old-space-size=8192", "--expose-gc", __filename, "--one", tree, file],
        { encoding: "utf8" },
      );
      runs[side].push(JSON.parse(out));
      process.stderr.write(`${side} ${out}`);
    }
  }
  const loads = [...runs.old, ...runs.new].map((r) => r.load);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
  for (const step of ["core", "check", "floor"])
    for (const kind of ["wall", "cpu"]) {
      const [o, n] = ["old", "new"].map((side) => median(runs[side].map((r) => r[step][kind])));
      console.log(`${step} ${kind}: old ${s(o)}, new ${s(n)}, new ÷ old ${(n / o).toFixed(2)}×`);
    }
  const ratio = (side) => median(runs[side].map((r) => r.check.wall / r.floor.wall)).toFixed(2);
  console.log(`check ÷ read floor (per-run, median): old ${ratio("old")}×, new ${ratio("new")}×`);
}

if (process.argv[2] === "--one")
  void oneRun(process.argv[3], process.argv[4]).then((r) => console.log(JSON.stringify(r)));
else void main();
