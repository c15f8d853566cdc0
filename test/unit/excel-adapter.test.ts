import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-changes";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel, asInput, LOG_SHEET, selectCell } from "../../src/adapters/excel/write";
import { ExcelHostError } from "../../src/adapters/excel/errors";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import {
  bookFromSnapshot,
  excelDouble,
  sheetFromRows,
  type DoubleSheet,
  type Double,
} from "../shims/excel-double";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile } from "../helpers/xlsx";

const LIMIT = 5 * 1024 * 1024;
const runtime = (d: Double) => d.runtime as unknown as ExcelRuntime;

function register(rows: number, withScore = true): DoubleSheet[] {
  const data: (string | number)[][] = [
    ["Ref", "Likelihood", "Impact", ...(withScore ? ["Score"] : [])],
  ];
  for (let i = 0; i < rows; i++) {
    const l = (i % 5) + 1;
    const im = ((i * 3) % 5) + 1;
    data.push([`R${i + 1}`, l, im, ...(withScore ? [l * im] : [])]);
  }
  return [sheetFromRows("Register", data)];
}

const plain = (s: WorkbookSnapshot) =>
  s.sheets.map((x) => ({
    name: x.name,
    rows: x.rows.map((r) => r.map((c) => (c ? { value: c.value, formula: c.formula } : null))),
  }));

describe("the double is strict", () => {
  it("throws on a property read before load and sync", async () => {
    const d = excelDouble(register(2));
    await expect(
      d.runtime.run({}, async (context: never) => {
        const range = (
          context as {
            workbook: {
              worksheets: {
                getItem(n: string): {
                  getRange(a: string): { values: unknown; load(p: string): void };
                };
              };
            };
          }
        ).workbook.worksheets
          .getItem("Register")
          .getRange("A1:B2");
        range.load("formulas");
        return range.values;
      }),
    ).rejects.toThrow("PropertyNotLoaded");
  });
});

describe("reading a workbook through Office.js", () => {
  it("gives the same snapshot and findings as the .xlsx reader", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const d = excelDouble(bookFromSnapshot(snapshot));
    const read = await readSnapshot(runtime(d));
    expect(plain(read)).toEqual(plain(snapshot));
    expect(analyseWorkbook(read, { asOf: TODAY }).findings).toEqual(
      analyseWorkbook(snapshot, { asOf: TODAY }).findings,
    );
    expect(d.runs[0]).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  it("uses the same number of round trips for 10 rows and 20,000, and no payload passes 5 MB", async () => {
    const small = excelDouble(register(10));
    const large = excelDouble(register(20_000));
    await readSnapshot(runtime(small));
    const read = await readSnapshot(runtime(large));
    expect(read.sheets[0]?.rows).toHaveLength(20_001);
    expect(large.stats.syncs).toBe(small.stats.syncs);
    // Sheet and defined names; used ranges and where formulas and visible cells are; the cells.
    expect(large.stats.syncs).toBe(3);
    expect(Math.max(...large.stats.requests, ...large.stats.responses)).toBeLessThan(LIMIT);
  });

  it("adds one round trip per extra 4 MB block and keeps each response under the limit", async () => {
    const wide: (string | number)[][] = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => r * 100 + c),
    );
    const d = excelDouble([sheetFromRows("Wide", wide)]);
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.rows[19_999]?.[19]).toEqual({ value: 1_999_919 });
    expect(d.stats.syncs).toBeGreaterThan(3);
    expect(Math.max(...d.stats.responses)).toBeLessThan(LIMIT);
  });

  it("shrinks its blocks and tries again when long text makes a response too large", async () => {
    const text = "x".repeat(300);
    const rows = Array.from({ length: 30_000 }, () => [text, text]);
    const d = excelDouble([sheetFromRows("Notes", rows)]);
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.rows).toHaveLength(30_000);
    expect(d.runs.length).toBeGreaterThan(1);
  });

  it("reads hidden rows on ExcelApi 1.9 and on Office 2019 (1.7), one row at a time there", async () => {
    const rows = [
      ["Risk", "L", "I"],
      ["A", 1, 2],
      ["B", 2, 2],
      ["C", 3, 3],
    ];
    const modern = await readSnapshot(runtime(excelDouble([sheetFromRows("R", rows, [2])])));
    expect(modern.sheets[0]?.hiddenRows).toEqual([2]);
    const d2019 = excelDouble([sheetFromRows("R", rows, [2])], { version: 7 });
    const old = await readSnapshot(runtime(d2019));
    expect(old.sheets[0]?.hiddenRows).toEqual([2]);
    expect(plain(old)).toEqual(plain(modern));
    expect(d2019.stats.syncs).toBe(3);
    expect(d2019.runs[0]).toEqual({ delayForCellEdit: true });
  });
});

describe("applying a plan through Office.js", () => {
  async function applyTo(book: DoubleSheet[], version = 20, backup = true) {
    const d = excelDouble(book, { version });
    const snapshot = await readSnapshot(runtime(d));
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
    d.stats.syncs = 0;
    const result = await applyPlanInExcel(runtime(d), analysis.plan, {
      valuesOnly: false,
      backup,
      changes: changed,
      when: "2026-11-22 10:00",
    });
    return { d, result, changed };
  }

  it("writes formulas, backs up each changed sheet and logs every changed cell", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const { d, result, changed } = await applyTo(bookFromSnapshot(snapshot));
    const how = d.book.find((s) => s.name === "How We Work");
    d.recalculate();
    expect(how?.cells.get("8,3")).toMatchObject({
      value: 6,
      formula: '=IF(COUNT(B9,C9)=2,B9*C9,"")',
      numberFormat: "0",
    });
    expect(how?.cells.get("4,4")?.value).toBe("Priority");
    expect(result.backups).toEqual([
      "Short Term Support backup",
      "Support at Home backup",
      "Self-Directed Support backup",
      "How We Work backup",
    ]);
    expect(d.book.find((s) => s.name === "How We Work backup")?.cells.get("8,3")).toMatchObject({
      value: 4,
    });
    const log = d.book.find((s) => s.name === LOG_SHEET);
    expect(result.logged).toBe(changed.length);
    expect(log?.cells.get("0,0")?.value).toBe("Sheet");
    expect([1, 2, 3, 4].map((c) => log?.cells.get(`${changed.length},${c - 1}`)?.value)).toEqual([
      "How We Work",
      "D9",
      4,
      '=IF(COUNT(B9,C9)=2,B9*C9,"")',
    ]);
    expect(log?.cells.get(`${changed.length},3`)?.formula).toBeUndefined();
  });

  it("uses the same number of round trips for 10 rows and 30,000: formulas are filled down", async () => {
    const small = await applyTo(register(10, false), 20, false);
    const large = await applyTo(register(30_000, false), 20, false);
    expect(large.d.stats.syncs).toBe(small.d.stats.syncs);
    expect(Math.max(...large.d.stats.requests)).toBeLessThan(1024 * 1024);
    const cells = large.d.book[0]?.cells;
    expect(cells?.get("30000,3")?.formula).toBe('=IF(COUNT(B30001,C30001)=2,B30001*C30001,"")');
    expect(cells?.get("30000,4")?.formula).toBe(
      '=IF(ISNUMBER(D30001),IF(D30001>=20,"Very high",IF(D30001>=10,"High",IF(D30001>=5,"Medium",IF(D30001>=1,"Low","")))),"")',
    );
  });

  it("logs 50,000 replaced cells in extra 4 MB round trips, none over the limit", async () => {
    const { d, result } = await applyTo(register(50_000), 20, false);
    expect(result.logged).toBe(50_000);
    expect(d.stats.syncs).toBeGreaterThan(2);
    expect(Math.max(...d.stats.requests)).toBeLessThan(LIMIT);
    expect(d.book.find((s) => s.name === LOG_SHEET)?.cells.get("50000,1")?.value).toBe("D50001");
  });

  it("works within ExcelApi 1.7, without the 1.9 format copy", async () => {
    const { d } = await applyTo(
      [
        sheetFromRows("R", [
          ["Risk", "L", "I"],
          ["A", 2, 3],
        ]),
      ],
      7,
    );
    expect(d.book[0]?.cells.get("1,3")?.formula).toBe('=IF(COUNT(B2,C2)=2,B2*C2,"")');
    expect(d.book[0]?.cells.get("0,3")?.bold).toBe(true);
  });

  it("sends every string behind an apostrophe, so Excel keeps it as that text", () => {
    expect(
      ['=HYPERLINK("x")', "+44 1202", "@SUM(A1)", "-2 FTE", "ok", 5, true, "", null].map((v) =>
        asInput(v),
      ),
    ).toEqual(['\'=HYPERLINK("x")', "'+44 1202", "'@SUM(A1)", "'-2 FTE", "'ok", 5, true, "", ""]);
  });
});

describe("Excel errors", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Press Enter or Esc"],
    ["AccessDenied", "Unprotect it"],
    ["ItemNotFound", "Run Check again"],
  ])("%s becomes a message that says what to do", async (code, advice) => {
    const d = excelDouble(register(3), { failWith: code });
    const failure = readSnapshot(runtime(d));
    await expect(failure).rejects.toBeInstanceOf(ExcelHostError);
    await expect(failure).rejects.toThrow(advice);
  });

  it("reports a protected sheet when writing", async () => {
    const book = [
      sheetFromRows("R", [
        ["Risk", "L", "I"],
        ["A", 2, 3],
      ]),
    ];
    const d = excelDouble(book);
    const snapshot = await readSnapshot(runtime(d));
    const plan = analyseWorkbook(snapshot, { asOf: TODAY }).plan;
    (book[0] as DoubleSheet).protected = true;
    await expect(
      applyPlanInExcel(runtime(d), plan, {
        valuesOnly: false,
        backup: false,
        changes: [],
        when: "now",
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("selects a finding's cell", async () => {
    const d = excelDouble(register(3));
    await selectCell(runtime(d), "Register", "D3");
    expect(d.lastContext()?.selected).toBe("Register!D3");
  });
});

describe("a PID written through Office.js", () => {
  it("keeps hostile text as text and writes its own formulas", async () => {
    const { planPids } = await import("../../src/core/pid-sources-from-kinds");
    const book = [
      sheetFromRows("Projects", [
        ["Project Name", "SRO", "PPM Officer", "Lead Officer", "Objectives"],
        [
          "Hostile",
          '=HYPERLINK("http://evil.example","x")',
          "+44 1202 123456",
          "@SUM(A1:A9)",
          "-2 FTE",
        ],
      ]),
      sheetFromRows("Risks", [
        ["Project", "Title", "Likelihood", "Impact"],
        ["Hostile", "A risk", 2, 3],
      ]),
    ];
    const d = excelDouble(book);
    const snapshot = await readSnapshot(runtime(d));
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const { operations } = planPids(analysis, snapshot, "all", TODAY);
    await applyPlanInExcel(
      runtime(d),
      { operations },
      { valuesOnly: false, backup: false, changes: [], when: "now" },
    );
    const pid = d.book.find((s) => s.name === "PID - Hostile");
    const cells = [...(pid?.cells.values() ?? [])];
    for (const text of [
      '=HYPERLINK("http://evil.example","x")',
      "+44 1202 123456",
      "@SUM(A1:A9)",
      "-2 FTE",
    ]) {
      const cell = cells.find((c) => c.value === text);
      expect(cell).toBeDefined();
      expect(cell?.formula).toBeUndefined();
    }
    expect(cells.filter((c) => c.formula).map((c) => c.formula?.slice(0, 12))).toEqual(
      ["=IF(COUNT(B4", "=IF(ISNUMBER"].map((f) => expect.stringContaining(f.slice(0, 6))),
    );
  });
});

describe("hostile sheet names and text", () => {
  const HOSTILE = "=cmd|' -c calc'!A0";

  it("reads, writes and logs a sheet named like a formula, and every text lands as text", async () => {
    const sheets = register(3, true).map((s) => ({ ...s, name: HOSTILE }));
    sheets[0]?.cells.set("1,3", { value: 99 });
    const d = excelDouble(sheets);
    const snapshot = await readSnapshot(runtime(d));
    expect(snapshot.sheets[0]?.name).toBe(HOSTILE);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
    const result = await applyPlanInExcel(runtime(d), analysis.plan, {
      valuesOnly: false,
      backup: true,
      changes: changed,
      when: "2026-11-22 10:00",
    });
    expect(result.logged).toBeGreaterThan(0);
    const log = d.book.find((s) => s.name === LOG_SHEET);
    const logged = [...(log?.cells.values() ?? [])];
    expect(logged.filter((c) => c.formula)).toEqual([]);
    expect(logged.filter((c) => c.value === HOSTILE)).toHaveLength(result.logged);
    // "2026-11-22 10:00" would be a date-time if typed; it is the text it was.
    expect(logged.filter((c) => c.value === "2026-11-22 10:00")).toHaveLength(result.logged);
    expect(d.book.find((s) => s.name === result.backups[0])).toBeDefined();
    // The marks name the hostile sheet as a quoted reference, never as a formula to run.
    expect(d.names.map((n) => n.formula)).toContain(
      `='${HOSTILE.replace(/'/g, "''")} backup'!$A$1`,
    );
    const again = await readSnapshot(runtime(d));
    expect(again.sheets.map((s) => [s.name, s.ours ?? null])).toEqual([
      [HOSTILE, null],
      [LOG_SHEET, "log"],
      [`${HOSTILE} backup`, "backup"],
    ]);
  });

  it("writes Reconciliation and PID text from hostile cells as text", async () => {
    const d = excelDouble([sheetFromRows("Data", [["x"]])]);
    const texts = [HOSTILE, "+44 1202 123456", "@SUM(A1)", "-2 FTE", "2010/11", "TRUE"];
    await applyPlanInExcel(
      runtime(d),
      {
        operations: [
          {
            kind: "add-sheet",
            sheet: "PID - X",
            role: "pid",
            table: "Data!A1",
            title: "PID",
            cells: texts.map((value, row) => ({ row, column: 1, formula: null, value })),
            columnWidths: [10, 30],
          },
        ],
      },
      { valuesOnly: false, backup: false, changes: [], when: "now" },
    );
    const pid = d.book.find((s) => s.name === "PID - X");
    expect(texts.map((_, r) => pid?.cells.get(`${r},1`))).toEqual(
      texts.map((value) => ({ value, quotePrefix: true })),
    );
    expect(d.names.map((n) => [n.name, n.formula, n.visible])).toEqual([
      ["_CouncilSheets_PID_1", "='PID - X'!$A$1", false],
    ]);
  });
});
