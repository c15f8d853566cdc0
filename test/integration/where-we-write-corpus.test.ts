import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import { parseAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { inMerge, isUnitsRow } from "../../src/core/plan-helpers";
import { isEmptyCell } from "../../src/core/snapshot";
import { FIXTURES, TODAY } from "../helpers/builders";

const CORPUS = `${__dirname}/../../../shared/corpus`;
const WORKBOOKS = [FIXTURES, CORPUS].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f)),
);

describe.each(WORKBOOKS.map((f) => [path.basename(f), f]))("planned writes on %s", (_n, file) => {
  it("go into no merged cell, no units row, and (for new columns) only empty cells", async () => {
    const { snapshot } = await openWorkbook(
      new Uint8Array(readFileSync(file)),
      path.basename(file),
      nativeZlib(),
    );
    const { plan } = analyseWorkbook(snapshot, { asOf: TODAY });
    const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
    for (const op of plan.operations) {
      if (op.kind !== "column") continue;
      const sheet = sheets.get(op.sheet);
      if (!sheet) throw new Error(`${op.sheet} is not in the workbook`);
      // After an insert the column is new and empty: what the snapshot held there moved right.
      const inserted = plan.operations.some(
        (o) => o.kind === "insert-columns" && o.sheet === op.sheet && o.column <= op.column,
      );
      const [from, to] = op.table.split(":").map(parseAddress);
      const rows = [...(op.header ? [op.header.row] : []), ...op.cells.map((c) => c.row)];
      // A new column states its own unit in the units row ("%", "£m"): a plain text cell, never a formula.
      const ownUnit = (row: number) =>
        op.header !== null &&
        op.cells.some((c) => c.row === row && c.formula === null && typeof c.value === "string");
      for (const row of rows) {
        const where = `${op.sheet}!${op.column},${row} (${op.title})`;
        if (row !== op.header?.row && from && to && !ownUnit(row))
          expect([where, isUnitsRow(sheet, row, from.column, to.column)]).toEqual([where, false]);
        if (inserted) continue;
        expect([where, inMerge(sheet, row, op.column)]).toEqual([where, false]);
        if (op.header !== null)
          expect([where, isEmptyCell(sheet.rows[row]?.[op.column] ?? undefined)]).toEqual([
            where,
            true,
          ]);
      }
    }
  });
});
