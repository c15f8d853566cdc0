import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { run } from "../../src/cli/program";
import { nativeZlib } from "../../src/cli/zlib";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";

const CORPUS = `${__dirname}/../../../shared/corpus`;
const AS_OF = "2026-11-22";

/** Every workbook of both folders: a file added to either is a new case. */
const WORKBOOKS = [FIXTURES, CORPUS].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f)),
);

interface Finding {
  severity: string;
  code: string;
  sheet: string;
  cell: string;
}

/** The CLI in-process, as the binary runs it: one JSON document back. */
async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...args, "--json", "--as-of", AS_OF], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: () => new Date(`${AS_OF}T12:00:00Z`),
  });
  if (code === 2) throw new Error(`council-sheets ${args.join(" ")}: ${err.join("\n")}`);
  return { code, json: JSON.parse(out.join("\n")) as Record<string, unknown> };
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await openWorkbook(new Uint8Array(readFileSync(file)), path.basename(file), nativeZlib()))
    .snapshot;
}

/** Each sheet's cells as comparable text: what a reader sees, formula and value. */
function cellsOf(snapshot: WorkbookSnapshot): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const s of snapshot.sheets)
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && (cell.value !== null || cell.formula))
          cells[`${s.name}!${r},${c}`] = JSON.stringify([cell.formula ?? null, cell.value]);
      }),
    );
  return cells;
}

const key = (f: Finding) => `${f.code}@${f.sheet}!${f.cell}`;

describe.each(WORKBOOKS.map((file) => [path.basename(file), file]))("%s", (name, file) => {
  const dir = tempDir("cs-idempotence-");
  const once = path.join(dir, "once.xlsx");
  const twice = path.join(dir, "twice.xlsx");
  let first: Awaited<ReturnType<typeof cli>>;
  let second: Awaited<ReturnType<typeof cli>>;
  let afterOnce: WorkbookSnapshot;

  beforeAll(async () => {
    first = await cli("apply", file, "--out", once);
    second = await cli("apply", once, "--out", twice);
    afterOnce = await snapshotOf(once);
  });

  it("check of the apply output reports nothing new on the sheets we wrote or added", async () => {
    const checked = (await cli("check", once)).json.findings as Finding[];
    const ours = new Set(afterOnce.sheets.filter((s) => s.ours).map((s) => s.name));
    const loud = (f: Finding) => f.severity === "error" || f.severity === "warning";
    expect(checked.filter((f) => ours.has(f.sheet) && loud(f))).toEqual([]);
    // Sheets we added carry no tables either: they are skipped, not read as council data.
    const tables = (await cli("check", once)).json.tables as { sheet: string }[];
    expect(tables.filter((t) => ours.has(t.sheet))).toEqual([]);
    const written = new Set((first.json.written as { sheet: string }[]).map((w) => w.sheet));
    const expected = new Set((first.json.findings as Finding[]).map(key));
    const fresh = checked.filter((f) => written.has(f.sheet) && loud(f) && !expected.has(key(f)));
    expect(fresh).toEqual([]);
  });

  it("apply's After writing lists exactly what a check of the written file finds", async () => {
    const checked = (await cli("check", once)).json.findings as Finding[];
    expect(checked.map(key)).toEqual((first.json.findings as Finding[]).map(key));
  });

  it("a second apply changes nothing and adds no sheet", async () => {
    expect(second.json.changed).toEqual([]);
    const afterTwice = await snapshotOf(twice);
    expect(afterTwice.sheets.map((s) => [s.name, s.ours ?? null])).toEqual(
      afterOnce.sheets.map((s) => [s.name, s.ours ?? null]),
    );
    expect(cellsOf(afterTwice)).toEqual(cellsOf(afterOnce));
  });
});

describe("the idempotence cases", () => {
  it("cover every workbook of the fixtures and the corpus", () => {
    expect(WORKBOOKS.length).toBeGreaterThanOrEqual(20);
  });
});
