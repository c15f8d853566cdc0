/**
 * New calculated columns written right of an Excel table join it: a budget kept as a table
 * (A3:E10 with a totals row) gains Variance %, Status and RAG as table columns A3:H10, through
 * both writers. openpyxl reads the table's range, columns and filter back; LibreOffice opens the
 * file and keeps the table over the new columns; our own check of the output reads the table as
 * before and reports only the error planted in it (no finding about the new columns).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyseWorkbook } from "../../src/core/analyse";
import { withRecalculatedCaches } from "../../src/core";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "../helpers/builders";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";
import { writeTableBudget } from "../helpers/table-budget";
import { loadFile, tempDir } from "../helpers/xlsx";

const READ_TABLES = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    for t in ws.tables.values():
        out.append({"sheet": ws.title, "name": t.name, "ref": t.ref,
                    "filter": t.autoFilter.ref if t.autoFilter else None,
                    "columns": [c.name for c in t.tableColumns],
                    "ids": [c.id for c in t.tableColumns],
                    "headers": [ws.cell(row=3, column=i + 1).value for i in range(len(t.tableColumns))]})
print(json.dumps(out))
`;

const tablesOf = (file: string) =>
  JSON.parse(execFileSync(PYTHON, ["-c", READ_TABLES, file], { encoding: "utf8" })) as unknown;

async function applied(input: string, dir: string, engine: "direct" | "exceljs") {
  const bytes = new Uint8Array(readFileSync(input));
  const document = await openWorkbook(bytes, path.basename(input), nativeZlib());
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const output = path.join(dir, `${engine}-${path.basename(input)}`);
  if (engine === "direct") {
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    expect(saved.engine).toBe("direct");
    writeFileSync(output, saved.bytes);
  } else {
    const { workbook } = await loadFile(input);
    applyPlan(workbook, withRecalculatedCaches(document.snapshot, analysis.plan), {
      valuesOnly: false,
    });
    writeFileSync(output, await saveWorkbook(workbook));
  }
  return output;
}

const joined = {
  sheet: "Parks",
  name: "Parks",
  ref: "A3:H10",
  filter: "A3:H9",
  columns: [
    "Code",
    "Budget line",
    "Budget £",
    "Forecast £",
    "Variance £",
    "Variance %",
    "Status",
    "RAG",
  ],
  ids: [1, 2, 3, 4, 5, 6, 7, 8],
  headers: [
    "Code",
    "Budget line",
    "Budget £",
    "Forecast £",
    "Variance £",
    "Variance %",
    "Status",
    "RAG",
  ],
};

(hasOpenpyxl("Excel-table join tests") ? describe : describe.skip)(
  "new columns beside a budget kept as an Excel table",
  () => {
    const dir = tempDir("cs-join-");
    const input = path.join(dir, "parks.xlsx");
    const soffice = findSoffice();

    it.each(["direct", "exceljs"] as const)(
      "%s writer: the table takes in Variance %%, Status and RAG",
      async (engine) => {
        await writeTableBudget(input);
        expect(tablesOf(input)).toEqual([
          expect.objectContaining({ ref: "A3:E10", columns: joined.columns.slice(0, 5) }),
        ]);
        const output = await applied(input, dir, engine);
        expect(tablesOf(output)).toEqual([joined]);
        // Checking the output reads the widened table and finds only what was planted (none).
        const again = await openWorkbook(
          new Uint8Array(readFileSync(output)),
          "out.xlsx",
          nativeZlib(),
        );
        const analysis = analyseWorkbook(again.snapshot, { asOf: TODAY });
        expect(analysis.tables.map((t) => [t.kind, t.range])).toEqual([["budget", "A3:H10"]]);
        expect(analysis.findings.filter((f) => f.severity !== "info")).toEqual([]);
        if (!soffice) {
          if (process.env.CI) throw new Error("LibreOffice is required in CI");
          return;
        }
        // LibreOffice opens the file and keeps the table (its database range) over the new columns.
        const [reopened] = recalculate(soffice, [output]);
        expect(tablesOf(reopened ?? "")).toEqual([
          expect.objectContaining({ ref: "A3:H10", columns: joined.columns }),
        ]);
      },
    );
  },
);
