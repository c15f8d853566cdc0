import { readdirSync } from "node:fs";
import { analyseWorkbook } from "../../src/core/analyse";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile } from "../helpers/xlsx";

/**
 * Header blocks are read the same whether or not the host can say where merges are. Excel before
 * ExcelApi 1.13 cannot report merged ranges (the snapshot then has `merges: []` and
 * `mergesUnknown: true`), and many councils centre a group label across its columns without
 * merging. For every corpus and fixture workbook, the analysis of the snapshot with its merges and
 * of the same snapshot with the merges stripped must be the same: tables, findings and plan.
 */
const CORPUS = `${__dirname}/../../../shared/corpus`;

const workbooks = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => `${CORPUS}/${f}`),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => `${FIXTURES}/${f}`),
].sort();

function withoutMerges(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => ({ ...s, merges: [], mergesUnknown: true })),
  };
}

describe("the same analysis with merges known and with merges unknown", () => {
  it("covers the corpus and the fixtures, merged headers among them", async () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(20);
    let withMerges = 0;
    for (const file of workbooks) {
      const { snapshot } = await loadFile(file);
      if (snapshot.sheets.some((s) => s.merges.length > 0)) withMerges++;
    }
    // Northbrook, Castlemere, Tarnside, Kingsreach, Fenwick, Oakley, Pennick merge their headers.
    expect(withMerges).toBeGreaterThanOrEqual(7);
  });

  it.each(workbooks.map((file) => [file.split("/").pop() ?? file, file]))(
    "%s",
    async (_name, file) => {
      const { snapshot } = await loadFile(file);
      const known = analyseWorkbook(snapshot, { asOf: TODAY });
      const unknown = analyseWorkbook(withoutMerges(snapshot), { asOf: TODAY });
      expect(unknown.tables).toEqual(known.tables);
      expect(unknown.findings).toEqual(known.findings);
      expect(unknown.plan).toEqual(known.plan);
    },
  );
});
