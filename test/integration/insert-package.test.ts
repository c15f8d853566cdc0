import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WritePlan } from "../../src/core/plan";
import { nativeZlib } from "../../src/cli/zlib";

async function tableWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Register");
  ws.addTable({
    name: "Risks",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Ref" }, { name: "Likelihood" }, { name: "Impact" }],
    rows: [
      ["R1", 2, 3],
      ["R2", 4, 5],
    ],
  });
  ws.getCell("E2").value = { formula: "SUM(Risks[Impact])+C2" };
  const summary = wb.addWorksheet("Summary");
  summary.getCell("A1").value = { formula: "Register!C2*2" };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("an insert inside an Excel table", () => {
  const plan: WritePlan = {
    operations: [
      { kind: "insert-columns", sheet: "Register", table: "A1:C3", column: 2, count: 1 },
      {
        kind: "column",
        sheet: "Register",
        table: "A1:C3",
        column: 2,
        title: "Score",
        header: { row: 0, text: "Score" },
        cells: [
          { row: 1, formula: "=B2*D2", value: 6 },
          { row: 2, formula: "=B3*D3", value: 20 },
        ],
      },
    ],
  };

  it("adds a table column named as the header the plan writes, and moves the rest", async () => {
    const zlib = nativeZlib();
    const pkg = await XlsxPackage.open(await tableWorkbook(), zlib.inflate);
    const bytes = await pkg.write(plan, { valuesOnly: false }, zlib.deflate);
    const parts = unzipSync(bytes);
    const table = decode(parts["xl/tables/table1.xml"]);
    expect(table).toContain('ref="A1:D3"');
    expect(table).toMatch(
      /<tableColumns count="4"><tableColumn id="1" name="Ref"[^>]*\/><tableColumn id="2" name="Likelihood"[^>]*\/><tableColumn id="4" name="Score"\/><tableColumn id="3" name="Impact"/,
    );
    const { snapshot } = await XlsxPackage.open(bytes, zlib.inflate);
    const [register, summary] = snapshot.sheets;
    expect(register?.rows[0]?.map((c) => c?.value)).toEqual([
      "Ref",
      "Likelihood",
      "Score",
      "Impact",
    ]);
    expect(register?.rows[1]?.[2]).toMatchObject({ formula: "=B2*D2", value: 6 });
    expect(register?.rows[1]?.[5]?.formula).toBe("=SUM(Risks[Impact])+D2");
    expect(summary?.rows[0]?.[0]?.formula).toBe("=Register!D2*2");
  });

  it("is what the snapshot after the plan says, formulas on every sheet included", async () => {
    const zlib = nativeZlib();
    const pkg = await XlsxPackage.open(await tableWorkbook(), zlib.inflate);
    const expected = applyPlanToSnapshot(pkg.snapshot, plan, { valuesOnly: false });
    const written = await XlsxPackage.open(
      await pkg.write(plan, { valuesOnly: false }, zlib.deflate),
      zlib.inflate,
    );
    const formulas = (s: typeof expected) =>
      s.sheets.map((sheet) => sheet.rows.map((row) => row.map((c) => c?.formula ?? null)));
    expect(formulas(written.snapshot)).toEqual(formulas(expected));
  });
});
