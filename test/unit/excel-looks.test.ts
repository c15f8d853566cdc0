import { readSnapshot } from "../../src/adapters/excel/read";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { bookFromSnapshot, excelDouble, type Double } from "../shims/excel-double";
import { sheet, TODAY, workbook } from "../helpers/builders";

const runtime = (d: Double) => d.runtime as unknown as ExcelRuntime;

/** A register with a filled RAG key (one band in a slash label) and a narrow spacer beside it. */
const REGISTER = {
  ...sheet("Risks", [
    ["Ref", "Risk", "Likelihood", "Impact"],
    ["R1", "Flood", 1, 2],
    ["R2", "Fire", 2, 4],
    ["R3", "Strike", 5, 5],
    [],
    ["RAG key"],
    ["Green", "1-4"],
    ["Amber/Green", "5-12"],
    ["Red", "15-25"],
  ]),
  keyFills: { A7: "#00b050", A8: "#92d050", A9: "#ff0000" },
  narrowColumns: [{ first: 4, last: 4 }],
};

describe("the Office.js reader's looks", () => {
  it("reads the key cells' fills in one more round trip, and the spacer's width in none", async () => {
    const d = excelDouble(bookFromSnapshot(workbook(REGISTER)), { version: 20 });
    // The same register without its key.
    const keyless = {
      ...sheet(
        "Risks",
        REGISTER.rows.slice(0, 4).map((r) => r.map((c) => c?.value)),
      ),
      narrowColumns: REGISTER.narrowColumns,
    };
    const plain = excelDouble(bookFromSnapshot(workbook(keyless)), { version: 20 });
    const noKey = await readSnapshot(runtime(plain));
    const read = await readSnapshot(runtime(d));
    expect(d.stats.syncs).toBe(plain.stats.syncs + 1);
    expect(read.sheets[0]?.keyFills).toEqual(REGISTER.keyFills);
    expect(read.sheets[0]?.narrowColumns).toEqual(REGISTER.narrowColumns);
    // Without a key, no fills and no trip for them; the spacer is still known.
    expect(noKey.sheets[0]?.keyFills).toBeUndefined();
    expect(noKey.sheets[0]?.narrowColumns).toEqual(REGISTER.narrowColumns);
  });

  it("gives the plan the key's colours and keeps the spacer free", async () => {
    const d = excelDouble(bookFromSnapshot(workbook(REGISTER)), { version: 20 });
    const read = await readSnapshot(runtime(d));
    const ops = analyseWorkbook(read, { asOf: TODAY }).plan.operations.filter(
      (o): o is ColumnWrite => o.kind === "column",
    );
    expect(ops.map((o) => [o.title, o.column])).toEqual([
      ["Score", 5],
      ["Priority", 6],
    ]);
    expect(ops[1]?.highlight?.rules.map((r) => [r.label, r.fill])).toEqual([
      ["Green", "#00b050"],
      ["Amber/Green", "#92d050"],
      ["Red", "#ff0000"],
    ]);
  });
});
