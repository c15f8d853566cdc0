/**
 * Host parity: Excel (the documentation-built double, loaded with each workbook's contents) and the
 * .xlsx reader see the same workbook, and a Write in Excel computes what `apply` writes.
 *
 * The double's initial state is built from the .xlsx reader's snapshot (a file opened in Excel
 * holds what the file holds); what is compared is what the Office.js adapter then reads back
 * through Excel's API at ExcelApi 1.7 (Office 2019), 1.9 and 1.20 (Microsoft 365).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describePlan } from "../../src/core/plan-changes";
import { analyseWorkbook } from "../../src/core/analyse";
import { cellAddress, parseAddress } from "../../src/core/a1";
import type { Cell, WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbookFile } from "../../src/cli/files";
import { analyseOptions } from "../../src/cli/options";
import { run } from "../../src/cli/program";
import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel } from "../../src/adapters/excel/write";
import { bookFromSnapshot, excelDouble } from "../shims/excel-double";
import { FIXTURES } from "../helpers/builders";
import { LIMIT, runtime } from "../helpers/excel";
import { tempDir } from "../helpers/xlsx";

const CORPUS = `${__dirname}/../../../shared/corpus`;
const WORKBOOKS = [
  ...readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)),
  ...readdirSync(CORPUS).map((f) => path.join(CORPUS, f)),
]
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const TODAY = new Date(2026, 10, 22);

/** What a snapshot says about a workbook's cells: every non-empty cell, and what is hidden. */
function contents(snapshot: WorkbookSnapshot, merges = true) {
  return snapshot.sheets.map((s) => {
    const cells: Record<string, Cell> = {};
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c || (c.value === null && !c.formula && !c.error)) return;
        cells[`${r},${col}`] = c;
      }),
    );
    return {
      name: s.name,
      cells,
      hiddenRows: s.hiddenRows,
      hiddenColumns: s.hiddenColumns,
      // Merged areas can be read from ExcelApi 1.13 on.
      ...(merges ? { merges: [...s.merges].sort() } : {}),
    };
  });
}

it("covers every fixture and corpus workbook", () => {
  expect(WORKBOOKS.length).toBeGreaterThanOrEqual(20);
});

describe.each(WORKBOOKS.map((f) => [path.basename(f), f]))("%s", (_name, file) => {
  it.each([7, 9, 20])("reads the same through Excel at ExcelApi 1.%i", async (version) => {
    const { snapshot } = await readWorkbookFile(file);
    const d = excelDouble(bookFromSnapshot(snapshot), { version });
    const read = await readSnapshot(runtime(d));
    expect(contents(read, version >= 13)).toEqual(contents(snapshot, version >= 13));
    expect(d.stats.syncs).toBeLessThanOrEqual(
      3 + Math.ceil(Math.max(...d.stats.responses) / LIMIT),
    );
    expect(Math.max(...d.stats.requests, ...d.stats.responses)).toBeLessThan(LIMIT);
  });

  it.each([7, 9, 20])(
    "writes in Excel what apply writes: same formulas, same calculated values (ExcelApi 1.%i)",
    async (version) => {
      const out = path.join(tempDir(), "applied.xlsx");
      let json = "";
      const code = await run(["apply", file, "--out", out, "--json"], {
        out: (t) => (json += t),
        err: () => undefined,
        today: () => TODAY,
      });
      expect(code).toBeLessThan(2);
      const cli = JSON.parse(json) as { written: { sheet: string; range: string }[] };
      const applied = (await readWorkbookFile(out)).snapshot;

      const { snapshot } = await readWorkbookFile(file);
      const d = excelDouble(bookFromSnapshot(snapshot), { version });
      const read = await readSnapshot(runtime(d));
      const analysis = analyseWorkbook(read, analyseOptions({}, TODAY));
      const { changed } = describePlan(read, analysis.plan, { valuesOnly: false });
      await applyPlanInExcel(runtime(d), analysis.plan, {
        valuesOnly: false,
        backup: true,
        changes: changed,
        when: "2026-11-22 10:00",
      });
      d.recalculate();
      const excel = await readSnapshot(runtime(d));

      // Numbers agree to 8 significant digits: the core rounds what it caches, the engine does not.
      const at = (s: WorkbookSnapshot, sheet: string, r: number, c: number) => {
        const cell = s.sheets.find((x) => x.name === sheet)?.rows[r]?.[c];
        const value =
          typeof cell?.value === "number" ? Number(cell.value.toPrecision(8)) : cell?.value;
        return { value: value ?? null, formula: cell?.formula, error: cell?.error };
      };
      let compared = 0;
      const differ: { cell: string; excel: unknown; apply: unknown }[] = [];
      for (const w of cli.written) {
        const [from, to] = w.range.split(":").map((a) => parseAddress(a));
        if (!from) continue;
        for (let r = from.row; r <= (to ?? from).row; r++)
          for (let c = from.column; c <= (to ?? from).column; c++) {
            const inExcel = at(excel, w.sheet, r, c);
            const inFile = at(applied, w.sheet, r, c);
            if (JSON.stringify(inExcel) !== JSON.stringify(inFile))
              differ.push({
                cell: `${w.sheet}!${cellAddress(r, c)}`,
                excel: inExcel,
                apply: inFile,
              });
            compared++;
          }
      }
      expect(differ).toEqual([]);
      expect(compared).toBe(
        cli.written.reduce((n, w) => {
          const [from, to] = w.range.split(":").map((a) => parseAddress(a));
          return from
            ? n + ((to ?? from).row - from.row + 1) * ((to ?? from).column - from.column + 1)
            : n;
        }, 0),
      );
    },
  );
});
