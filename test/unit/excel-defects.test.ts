/**
 * One test per defect of issue 14, each failing on the adapter of commit 0d6f9cf under the
 * documentation-built double and passing now. They use only the adapter's public functions, so
 * the same file runs against the old adapter. Tests that read run at ExcelApi 1.8 as well as
 * 1.20: on the old adapter every read at 1.9+ fails on defect 1, so 1.8 shows each defect on its own.
 */
import { analyseWorkbook } from "../../src/core/analyse";
import type { WritePlan } from "../../src/core/plan";
import { isPayloadTooLarge, toHostError } from "../../src/adapters/excel/errors";
import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel, selectCell } from "../../src/adapters/excel/write";
import { excelDouble, sheetFromRows, type DoubleSheet } from "../shims/excel-double";
import { FIXTURES, TODAY } from "../helpers/builders";
import { cellOf, checkAndWrite, LIMIT, register, runtime } from "../helpers/excel";
import { loadFile } from "../helpers/xlsx";
import { bookFromSnapshot } from "../shims/excel-double";

const VERSIONS = [8, 20];

const apply = (d: ReturnType<typeof excelDouble>, plan: WritePlan, backup = false) =>
  applyPlanInExcel(runtime(d), plan, { valuesOnly: false, backup, changes: [], when: "now" });

describe("1. Check works on ExcelApi 1.9+ with hidden rows (whole-sheet areas are unbounded)", () => {
  it.each([9, 20])("reads hidden rows at ExcelApi 1.%i", async (version) => {
    const sheet = register(9);
    sheet.hiddenRows = new Set([2, 3]);
    const d = excelDouble([sheet], { version });
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.hiddenRows).toEqual([2, 3]);
    expect(read.sheets[0]?.hiddenColumns).toEqual([]);
    // Special cells are asked of the used range, never the whole sheet (OfficeDev/office-js#4245).
    expect(d.stats.specialCells.length).toBeGreaterThan(0);
    expect(d.stats.specialCells.every((a) => a.endsWith("!A1:D10"))).toBe(true);
  });
});

it.each([8, 9, 20])("reads hidden columns at ExcelApi 1.%i", async (version) => {
  const sheet = register(9);
  sheet.hiddenRows = new Set([2, 3]);
  sheet.hiddenColumns = new Set([2]);
  const read = await readSnapshot(runtime(excelDouble([sheet], { version })));
  expect(read.sheets[0]?.hiddenRows).toEqual([2, 3]);
  expect(read.sheets[0]?.hiddenColumns).toEqual([2]);
});

describe("2. A sheet name with a comma", () => {
  it("reads and writes 'Risks, 2025'", async () => {
    const d = excelDouble([register(4, false, "Risks, 2025")]);
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.name).toBe("Risks, 2025");
    expect(read.sheets[0]?.rows[1]?.[1]).toEqual({ value: 1 });
    await checkAndWrite(d);
    expect(cellOf(d.sheet("Risks, 2025"), "D2")?.formula).toBe('=IF(COUNT(B2,C2)=2,B2*C2,"")');
  });
});

describe("3. Text we write stays text (Excel parses strings as if typed)", () => {
  it("keeps '2010/11', '00123', '01/04/2025' and 'TRUE' as the text they are", async () => {
    const d = excelDouble([sheetFromRows("Data", [["x"]])]);
    const texts = ["2010/11", "00123", "01/04/2025", "TRUE", "5%", "(5)", "1,234"];
    await apply(d, {
      operations: [
        {
          kind: "add-sheet",
          sheet: "Reconciliation",
          role: "reconciliation",
          table: "Data!A1",
          title: "Reconciliation",
          cells: texts.map((value, row) => ({ row, column: 0, formula: null, value })),
          columnWidths: [12],
        },
      ],
    });
    const sheet = d.sheet("Reconciliation");
    expect(texts.map((_, i) => cellOf(sheet, `A${i + 1}`)?.value)).toEqual(texts);
  });
});

describe("4. Our own sheets are not analysed, backed up or copied again", () => {
  it.each(VERSIONS)(
    "a second Check reports nothing on backups, log or ours; a second Write backs up nothing of ours (ExcelApi 1.%i)",
    async (version) => {
      const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
      const d = excelDouble(bookFromSnapshot(snapshot), { version });
      const first = await checkAndWrite(d);
      expect(first.result.backups.length).toBeGreaterThan(0);
      const again = await readSnapshot(runtime(d));
      const ours = new Set([...first.result.backups, "Council Sheets log"]);
      const roles = again.sheets.filter((s) => ours.has(s.name)).map((s) => `${s.name}: ${s.ours}`);
      expect(roles.sort()).toEqual(
        [...first.result.backups.map((b) => `${b}: backup`), "Council Sheets log: log"].sort(),
      );
      const analysis = analyseWorkbook(again, { asOf: TODAY });
      expect(analysis.findings.filter((f) => ours.has(f.sheet))).toEqual([]);
      expect(analysis.tables.filter((t) => ours.has(t.sheet))).toEqual([]);
      const second = await checkAndWrite(d);
      expect(second.result.backups.filter((b) => /backup.*backup/.test(b))).toEqual([]);
      expect(d.book.filter((s) => /backup.*backup/.test(s.name))).toEqual([]);
    },
  );
});

describe("4. (continued) A second Write refreshes our Reconciliation sheet in place", () => {
  it.each(VERSIONS)(
    "keeps one Reconciliation sheet, rewritten, still marked (ExcelApi 1.%i)",
    async (version) => {
      const { snapshot } = await loadFile(`${FIXTURES}/emiep-funding-2008.xlsx`);
      const d = excelDouble(bookFromSnapshot(snapshot), { version });
      await checkAndWrite(d);
      const first = d.sheet("Reconciliation");
      expect(first).toBeDefined();
      first?.cells.set("40,0", { value: "stale" });
      const second = await checkAndWrite(d);
      expect(second.analysis.plan.operations).toContainEqual(
        expect.objectContaining({
          kind: "add-sheet",
          sheet: "Reconciliation",
          replaces: "Reconciliation",
        }),
      );
      expect(d.book.filter((s) => s.name.startsWith("Reconciliation")).map((s) => s.name)).toEqual([
        "Reconciliation",
      ]);
      expect(d.sheet("Reconciliation")?.cells.get("40,0")).toBeUndefined();
      expect(
        d.names.filter((n) => n.name.startsWith("_CouncilSheets_Reconciliation")),
      ).toHaveLength(1);
      expect(second.result.backups.some((b) => b.startsWith("Reconciliation"))).toBe(false);
    },
  );
});

describe("5. A too-large response shrinks the blocks too", () => {
  it("retries after ResponsePayloadSizeLimitExceeded", async () => {
    const text = "x".repeat(300);
    const d = excelDouble(
      [
        sheetFromRows(
          "Notes",
          Array.from({ length: 20_000 }, () => [text, text]),
        ),
      ],
      { version: 8 },
    );
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.rows).toHaveLength(20_000);
    expect(Math.max(...d.stats.requests)).toBeLessThan(LIMIT);
    expect(isPayloadTooLarge({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
  });
});

describe("6. Filled-down formulas reach every row and copy no formatting", () => {
  it("writes rows hidden by a filter and leaves each row's own formats", async () => {
    const sheet = register(10, false);
    sheet.hiddenRows = new Set([4, 5]);
    sheet.filteredRows = new Set([4, 5]);
    // The plan comes from a read at 1.8; the write runs where AutoFill exists (1.9+).
    const snapshot = await readSnapshot(runtime(excelDouble([sheet], { version: 8 })));
    const plan = analyseWorkbook(snapshot, { asOf: TODAY }).plan;
    const d = excelDouble([sheet]);
    // Row 2 of the new column happens to be bold and filled (a user's highlight).
    const highlight = { value: "", bold: true, fill: "#FFFF00" };
    sheet.cells.set("1,3", { ...highlight });
    await apply(d, plan);
    for (let r = 2; r <= 11; r++)
      expect(cellOf(sheet, `D${r}`)?.formula).toBe(`=IF(COUNT(B${r},C${r})=2,B${r}*C${r},"")`);
    expect(cellOf(sheet, "D3")?.bold).toBeUndefined();
    expect(cellOf(sheet, "D3")?.fill).toBeUndefined();
  });
});

describe("7. The log's next row follows its last used row", () => {
  it.each(VERSIONS)(
    "appends after the last entry when the log's first used cell is not A1 (ExcelApi 1.%i)",
    async (version) => {
      const log = sheetFromRows("Council Sheets log", [
        [null],
        [null],
        ["Sheet", "Cell", "Before", "After", "When"],
        ["Register", "D2", 1, 2, "earlier"],
        ["Register", "D3", 1, 2, "earlier"],
        ["Register", "D4", 1, 2, "earlier"],
      ]);
      const d = excelDouble([register(3), log], { version });
      (register(3).cells.get("1,3") as { value: number }).value = 99;
      d.sheet("Register")?.cells.set("1,3", { value: 99 });
      await checkAndWrite(d, false);
      const entries = [...(d.sheet("Council Sheets log")?.cells.entries() ?? [])];
      expect(entries.filter(([k, c]) => k.endsWith(",4") && c.value === "earlier")).toHaveLength(3);
      expect(cellOf(d.sheet("Council Sheets log"), "B7")?.value).toBe("D2");
    },
  );
});

describe("10. Smaller defects", () => {
  it.each(VERSIONS)(
    "checks protection before writing anything (ExcelApi 1.%i)",
    async (version) => {
      const locked = register(3, false, "Locked");
      locked.protected = true;
      const d = excelDouble([register(3, false), locked], { version });
      const plan = analyseWorkbook(await readSnapshot(runtime(d)), { asOf: TODAY }).plan;
      await expect(apply(d, plan)).rejects.toMatchObject({ code: "AccessDenied" });
      expect(cellOf(d.sheet("Register"), "D2")).toBeUndefined();
    },
  );

  it("refuses before writing when the log sheet is protected", async () => {
    const log = sheetFromRows("Council Sheets log", [["Sheet", "Cell", "Before", "After", "When"]]);
    log.protected = true;
    const d = excelDouble([register(3), log], { version: 8 });
    d.sheet("Register")?.cells.set("1,3", { value: 99 });
    await expect(checkAndWrite(d, false)).rejects.toThrow(/Nothing was written/);
    expect(d.sheet("Register")?.cells.get("1,3")).toEqual({ value: 99 });
  });

  it.each(VERSIONS)(
    "says the workbook structure is protected when it cannot add a sheet (ExcelApi 1.%i)",
    async (version) => {
      const d = excelDouble([register(3, false)], { structureProtected: true, version });
      const plan = analyseWorkbook(await readSnapshot(runtime(d)), { asOf: TODAY }).plan;
      await expect(apply(d, plan, true)).rejects.toThrow(/structure is protected/);
    },
  );

  it.each([
    ["InactiveWorkbook", /no longer active/],
    ["InsertDeleteConflict", /could not be inserted/],
    ["MergedRangeConflict", /Unmerge/],
    ["FilteredRangeConflict", /Clear the filter/],
  ])("advises on %s", (code, advice) => {
    expect(toHostError({ code, message: "x" }).message).toMatch(advice);
  });

  it.each(VERSIONS)("reads number formats (ExcelApi 1.%i)", async (version) => {
    const d = excelDouble(
      [
        sheetFromRows("Money", [
          ["Amount"],
          [{ formula: "=0.5", value: 0.5, numberFormat: "0.00%" }],
        ]),
      ],
      { version },
    );
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.rows[1]?.[0]).toEqual({
      value: 0.5,
      formula: "=0.5",
      numberFormat: "0.00%",
    });
  });

  it.each(VERSIONS)(
    "tells errors by valueTypes: a formula showing the text '#N/A' is not an error (ExcelApi 1.%i)",
    async (version) => {
      const d = excelDouble(
        [
          sheetFromRows("S", [
            [{ formula: '="#N/A"', value: "#N/A" }],
            [{ formula: "=1/0", value: 0 }],
          ]),
        ],
        { version },
      );
      d.recalculate();
      const read = await readSnapshot(runtime(d));
      expect(read.sheets[0]?.rows[0]?.[0]).toEqual({ value: "#N/A", formula: '="#N/A"' });
      expect(read.sheets[0]?.rows[1]?.[0]).toEqual({
        value: null,
        formula: "=1/0",
        error: "#DIV/0!",
      });
    },
  );

  it("checks the formula and visible-cell maps against areaCount (an address may not list every area)", async () => {
    const f = (r: number) => ({ formula: `=A${r + 1}*2`, value: (r + 1) * 2 });
    // Formulas in every other row: 40 areas, far more than a 255-character address can list.
    const rows = Array.from({ length: 80 }, (_, r) => [r + 1, r % 2 === 0 ? f(r) : 0]);
    const hidden = Array.from({ length: 40 }, (_, i) => 2 * i + 1);
    // Column C is hidden too, so whole-sheet visible areas are bounded and 0d6f9cf's reader
    // gets as far as the formula map.
    const sheet = sheetFromRows("Many", rows, hidden, { hiddenColumns: new Set([2]) });
    const d = excelDouble([sheet], { addressLimit: 255 });
    d.recalculate();
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.rows[78]?.[1]).toEqual({ value: 158, formula: "=A79*2" });
    expect(read.sheets[0]?.hiddenRows).toEqual(hidden);
  });

  it("does not try to select a cell on a hidden sheet", async () => {
    const hidden = register(3);
    hidden.visibility = "Hidden";
    const d = excelDouble([register(3, true, "Shown"), hidden]);
    await expect(selectCell(runtime(d), "Register", "D3")).rejects.toThrow(/Unhide/);
  });

  it("sets column widths in points (12 characters are 66.75 points)", async () => {
    const d = excelDouble([sheetFromRows("Data", [["x"]])]);
    await apply(d, {
      operations: [
        {
          kind: "add-sheet",
          sheet: "PID - A",
          role: "pid",
          table: "Data!A1",
          title: "PID",
          cells: [{ row: 0, column: 0, formula: null, value: "Project" }],
          columnWidths: [12],
        },
      ],
    });
    expect(d.sheet("PID - A")?.columnWidths?.get(0)).toBe(66.75);
  });

  it("counts each command's overhead, so many small writes stay under 5 MB per request", async () => {
    const d = excelDouble([register(1, false)]);
    const cells = Array.from({ length: 70_000 }, (_, i) => ({
      row: 2 * i + 1,
      formula: null,
      value: i,
    }));
    await apply(d, {
      operations: [
        {
          kind: "column",
          sheet: "Register",
          table: "A1:C2",
          column: 5,
          title: "N",
          header: null,
          cells,
        },
      ],
    });
    expect(Math.max(...d.stats.requests)).toBeLessThan(LIMIT);
    expect(cellOf(d.sheet("Register"), "F140000")?.value).toBe(69_999);
  });

  it("logs each column with its write and says what was written when a later batch fails", async () => {
    const book = (): DoubleSheet[] => {
      const sheets = [register(3_000, true, "A"), register(3_000, true, "B")];
      // Half the scores wrong, so the column is written (a column wrong on most of its lines
      // would be taken as misread and left alone: tables/suspect-columns.ts).
      for (const s of sheets)
        for (let r = 1; r <= 3_000; r += 2) s.cells.set(`${r},3`, { value: -1 });
      return sheets;
    };
    const sheets = book();
    const d = excelDouble(sheets, { version: 8 });
    const snapshot = await readSnapshot(runtime(d));
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const { describePlan } = await import("../../src/core/plan-changes");
    const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
    // The same Write, once through to count its syncs, then failing at its last one.
    const whole = excelDouble(book(), { version: 8 });
    await applyPlanInExcel(
      runtime(whole),
      analysis.plan,
      {
        valuesOnly: false,
        backup: false,
        changes: changed,
        when: "now",
      },
      32 * 1024,
    );
    const last = whole.stats.syncs;
    const failing = excelDouble(sheets, {
      version: 8,
      failAt: { sync: last - 1, code: "GeneralException" },
    });
    const failure = applyPlanInExcel(
      runtime(failing),
      analysis.plan,
      {
        valuesOnly: false,
        backup: false,
        changes: changed,
        when: "now",
      },
      32 * 1024,
    );
    await expect(failure).rejects.toThrow(/Already written before the error/);
    const written = [...sheets[0]!.cells.entries()].filter(
      ([k, c]) => k.endsWith(",3") && c.formula,
    );
    const logged = [...(failing.sheet("Council Sheets log")?.cells.entries() ?? [])].filter(
      ([k, c]) => k.endsWith(",0") && c.value === "A",
    );
    expect(written.length).toBeGreaterThan(0);
    expect(logged.length).toBe(written.length);
  });
});
