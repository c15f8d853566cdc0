import { readFileSync } from "node:fs";
import path from "node:path";
import { readSnapshot } from "../../src/adapters/excel/read";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { loadWorkbook } from "../../src/adapters/xlsx/read";
import { WorkbookSnapshotSchema, type WorkbookSnapshot } from "../../src/core";
import { ALL_WORKBOOKS } from "../helpers/workbooks";
import { bookFromSnapshot, excelDouble } from "../shims/excel-double";

/**
 * Every adapter's snapshot parses with the core's schema. The core never parses snapshots at run
 * time (see src/core/snapshot.ts), so this is where a reader that hands over a wrong shape (a
 * NaN row index, a merge as an object, an undefined value) is caught.
 */
const workbooks = ALL_WORKBOOKS;

function expectValid(snapshot: WorkbookSnapshot): void {
  const result = WorkbookSnapshotSchema.safeParse(snapshot);
  const problems = result.success
    ? []
    : result.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
  expect(problems).toEqual([]);
  expect(snapshot.sheets.length).toBeGreaterThan(0);
}

describe("adapter snapshots parse with WorkbookSnapshotSchema", () => {
  it.each(workbooks.map((f) => [path.basename(f), f]))(
    "the direct .xlsx reader: %s",
    async (_name, file) => {
      const document = await openWorkbook(new Uint8Array(readFileSync(file)), file);
      expectValid(document.snapshot);
    },
  );

  it.each(workbooks.map((f) => [path.basename(f), f]))(
    "the ExcelJS reader: %s",
    async (_name, file) => {
      const { snapshot } = await loadWorkbook(new Uint8Array(readFileSync(file)), file);
      expectValid(snapshot);
    },
  );

  it.each(workbooks.slice(0, 6).map((f) => [path.basename(f), f]))(
    "the Office.js reader (over the Excel double): %s",
    async (_name, file) => {
      const { snapshot } = await loadWorkbook(new Uint8Array(readFileSync(file)), file);
      const double = excelDouble(bookFromSnapshot(snapshot));
      expectValid(await readSnapshot(double.runtime as unknown as ExcelRuntime));
    },
  );
});
