/**
 * The double's behaviours, one test each, as listed in test/shims/excel-double/README.md. These
 * talk to the double directly (as Office.js code would), not through the adapter.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { excelDouble, sheetFromRows, type Double, type DoubleSheet } from "../shims/excel-double";

/* eslint-disable @typescript-eslint/no-explicit-any -- the double is typed loosely, like Office.js proxies at runtime */
type Ctx = any;
const batch = <T>(d: Double, fn: (ctx: Ctx) => Promise<T>) =>
  d.runtime.run({}, (ctx: never) => fn(ctx as Ctx));

const grid = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * 10 + c + 1));

async function address(d: Double, sheet: string, get: (ws: Ctx) => Ctx): Promise<string> {
  return batch(d, async (ctx) => {
    const r = get(ctx.workbook.worksheets.getItem(sheet)).load("address");
    await ctx.sync();
    return r.address as string;
  });
}

describe("proxies and syncs", () => {
  it("queues commands until sync and refuses unloaded properties", async () => {
    const d = excelDouble([sheetFromRows("S", [[1]])]);
    await batch(d, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      r.values = [[2]];
      expect(d.sheet("S")?.cells.get("0,0")?.value).toBe(1);
      expect(() => r.values).toThrow("PropertyNotLoaded");
      await ctx.sync();
      expect(d.sheet("S")?.cells.get("0,0")?.value).toBe(2);
    });
    expect(d.stats.syncs).toBe(1);
  });

  it("throws ApiNotFound for methods above the configured ExcelApi version", async () => {
    const d = excelDouble([sheetFromRows("S", [[1]])], { version: 7 });
    await batch(d, async (ctx) => {
      expect(() =>
        ctx.workbook.worksheets.getItem("S").getRange().getSpecialCellsOrNullObject("Formulas"),
      ).toThrow("ApiNotFound");
    });
  });

  it("keeps the commands before a failing one", async () => {
    const locked = sheetFromRows("L", [[1]]);
    locked.protected = true;
    const d = excelDouble([sheetFromRows("S", [[1]]), locked]);
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[5]];
        ctx.workbook.worksheets.getItem("L").getRange("A1").values = [[5]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(d.sheet("S")?.cells.get("0,0")?.value).toBe(5);
  });
});

describe("addresses", () => {
  const d = excelDouble([
    sheetFromRows("Risks, 2025", grid(3, 3)),
    sheetFromRows("O'Neil", grid(3, 3)),
    sheetFromRows("Plain_1", grid(3, 3)),
  ]);
  it.each([
    ["Risks, 2025", "A1:C3", "'Risks, 2025'!A1:C3"],
    ["O'Neil", "B2", "'O''Neil'!B2"],
    ["Plain_1", "A1:B2", "Plain_1!A1:B2"],
    ["Plain_1", "1:4", "Plain_1!1:4"],
    ["Plain_1", "A:B", "Plain_1!A:B"],
  ])("%s!%s renders as %s", async (sheet, a, expected) => {
    expect(await address(d, sheet, (ws) => ws.getRange(a))).toBe(expected);
  });

  it("joins RangeAreas with ', ' and renders whole-row areas unbounded", async () => {
    const s = sheetFromRows("Sheet1", grid(8, 2));
    s.hiddenRows = new Set([4, 5]);
    const e = excelDouble([s]);
    expect(
      await address(e, "Sheet1", (ws) => ws.getRange().getSpecialCellsOrNullObject("Visible")),
    ).toBe("Sheet1!1:4, Sheet1!7:1048576");
    expect(
      await address(e, "Sheet1", (ws) =>
        ws.getUsedRangeOrNullObject(true).getSpecialCellsOrNullObject("Visible"),
      ),
    ).toBe("Sheet1!A1:B4, Sheet1!A7:B8");
  });
});

describe("used range and special cells", () => {
  it("starts the used range at the first used cell, not A1", async () => {
    const d = excelDouble([sheetFromRows("S", [[null], [null, null, 1, 2], [null, null, 3]])]);
    expect(await address(d, "S", (ws) => ws.getUsedRangeOrNullObject(true))).toBe("S!C2:D3");
  });

  it("counts formatted empty cells only when valuesOnly is false", async () => {
    const s = sheetFromRows("S", [[1]]);
    s.cells.set("4,4", { value: "", bold: true });
    const d = excelDouble([s]);
    expect(await address(d, "S", (ws) => ws.getUsedRangeOrNullObject(true))).toBe("S!A1");
    expect(await address(d, "S", (ws) => ws.getUsedRangeOrNullObject(false))).toBe("S!A1:E5");
  });

  it("finds formula cells as rectangles, with their area count, or a null object", async () => {
    const f = (x: string) => ({ formula: x, value: 0 });
    const d = excelDouble([
      sheetFromRows("S", [
        [1, f("=A1"), f("=A1")],
        [2, f("=A2"), f("=A2")],
        [3, 4, 5],
      ]),
      sheetFromRows("T", [[1]]),
    ]);
    await batch(d, async (ctx) => {
      const s = ctx.workbook.worksheets
        .getItem("S")
        .getUsedRangeOrNullObject(true)
        .getSpecialCellsOrNullObject("Formulas");
      const t = ctx.workbook.worksheets
        .getItem("T")
        .getUsedRangeOrNullObject(true)
        .getSpecialCellsOrNullObject("Formulas");
      s.load("address,areaCount");
      t.load("address");
      await ctx.sync();
      expect([s.address, s.areaCount, t.isNullObject]).toEqual(["S!B1:C2", 1, true]);
    });
  });

  it("reports rowHidden as null when some rows of a range are hidden", async () => {
    const s = sheetFromRows("S", grid(4, 2), [1]);
    const d = excelDouble([s]);
    await batch(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const [mixed, none, all] = ["A1:B4", "A3:B4", "2:2"].map((a) =>
        ws.getRange(a).load("rowHidden"),
      );
      await ctx.sync();
      expect([mixed.rowHidden, none.rowHidden, all.rowHidden]).toEqual([null, false, true]);
    });
  });
});

describe("writing values: as if typed (en-US)", () => {
  it.each([
    ["2010/11", 40483, "mmm-yy"],
    ["01/04/2025", 45661, "m/d/yyyy"],
    ["00123", 123, undefined],
    ["TRUE", true, undefined],
    ["5%", 0.05, "0%"],
    ["1,234", 1234, undefined],
    ["(5)", -5, undefined],
    ["'00123", "00123", undefined],
    ["'=SUM(A1)", "=SUM(A1)", undefined],
    ["plain", "plain", undefined],
  ])("%s is stored as %p", async (input, value, format) => {
    const d = excelDouble([sheetFromRows("S", [[null]])]);
    await batch(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[input]];
      await ctx.sync();
    });
    const cell = d.sheet("S")?.cells.get("0,0");
    expect([cell?.value, cell?.numberFormat, cell?.formula]).toEqual([value, format, undefined]);
  });

  it("makes '=…', '+…', '-…' and '@…' formulas", async () => {
    const d = excelDouble([sheetFromRows("S", [[2, 3]])]);
    await batch(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C1:F1").values = [
        ["=A1*B1", "+A1", "-2 FTE", "@A1"],
      ];
      await ctx.sync();
    });
    expect([2, 3, 4, 5].map((c) => d.sheet("S")?.cells.get(`0,${c}`)?.formula)).toEqual([
      "=A1*B1",
      "=+A1",
      "=-2 FTE",
      "=A1",
    ]);
  });

  it("applies one value to every cell of the range (single input copy), R1C1 relative", async () => {
    const d = excelDouble([sheetFromRows("S", grid(4, 2))]);
    await batch(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C1:C4").formulasR1C1 = "=RC[-2]*RC[-1]";
      await ctx.sync();
    });
    expect([0, 3].map((r) => d.sheet("S")?.cells.get(`${r},2`)?.formula)).toEqual([
      "=A1*B1",
      "=A4*B4",
    ]);
  });

  it("refuses cell values on an unbounded range and reads its cell properties as null", async () => {
    const d = excelDouble([sheetFromRows("S", grid(2, 2))]);
    await batch(d, async (ctx) => {
      const col = ctx.workbook.worksheets.getItem("S").getRange("A:A").load("values");
      await ctx.sync();
      expect(col.values).toBeNull();
    });
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A:A").values = "x";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("recalculation (HyperFormula)", () => {
  it("computes written formulas when values are next read", async () => {
    const d = excelDouble([sheetFromRows("S", [[2, 3]])]);
    const values = await batch(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("C1").formulas = [["=A1*B1"]];
      await ctx.sync();
      const r = ws.getRange("C1").load("values,valueTypes");
      await ctx.sync();
      return [r.values[0][0], r.valueTypes[0][0]];
    });
    expect(values).toEqual([6, "Double"]);
  });

  it("keeps Excel's cached value where the engine cannot evaluate (a table reference) and feeds it on", async () => {
    const d = excelDouble([
      sheetFromRows("S", [
        [
          { formula: "=SUM(Table1[Amount])", value: 40 },
          { formula: "=A1*2", value: 0 },
        ],
      ]),
    ]);
    d.recalculate();
    expect([0, 1].map((c) => d.sheet("S")?.cells.get(`0,${c}`)?.value)).toEqual([40, 80]);
  });
});

describe("payload limits", () => {
  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded", async () => {
    const d = excelDouble([sheetFromRows("S", [[1]])]);
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const d = excelDouble([
      sheetFromRows(
        "S",
        Array.from({ length: 60_000 }, () => ["y".repeat(100)]),
      ),
    ]);
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("protection", () => {
  it("denies writes to a protected sheet and reports protection.protected", async () => {
    const s = sheetFromRows("S", [[1]]);
    s.protected = true;
    const d = excelDouble([s]);
    await batch(d, async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("S").protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").format.font.bold = true;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("denies adding, copying and renaming sheets when the workbook structure is protected", async () => {
    const d = excelDouble([sheetFromRows("S", [[1]])], { structureProtected: true });
    for (const act of [
      (ctx: Ctx) => ctx.workbook.worksheets.add("New"),
      (ctx: Ctx) => ctx.workbook.worksheets.getItem("S").copy("End"),
      (ctx: Ctx) => (ctx.workbook.worksheets.getItem("S").name = "T"),
    ])
      await expect(
        batch(d, async (ctx) => {
          act(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("AutoFill (FillCopy)", () => {
  it("copies the source's formats, moves relative references and skips rows hidden by a filter", async () => {
    const s = sheetFromRows("S", grid(5, 2));
    s.cells.set("0,2", { value: 0, formula: "=A1*$B$1", bold: true, numberFormat: "0.0" });
    s.hiddenRows = new Set([2]);
    s.filteredRows = new Set([2]);
    const d = excelDouble([s]);
    await batch(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("C1").autoFill(ws.getRange("C1:C5"), "FillCopy");
      await ctx.sync();
    });
    expect([1, 2, 4].map((r) => s.cells.get(`${r},2`)?.formula)).toEqual([
      "=A2*$B$1",
      undefined,
      "=A5*$B$1",
    ]);
    expect(s.cells.get("4,2")).toMatchObject({ bold: true, numberFormat: "0.0" });
  });
});

describe("sheets", () => {
  it("lists hidden and very hidden sheets, and cannot activate them", async () => {
    const hidden: DoubleSheet = { ...sheetFromRows("H", [[1]]), visibility: "Hidden" };
    const very: DoubleSheet = { ...sheetFromRows("V", [[1]]), visibility: "VeryHidden" };
    const d = excelDouble([sheetFromRows("S", [[1]]), hidden, very]);
    const seen = await batch(d, async (ctx) => {
      ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
      return ctx.workbook.worksheets.items.map((w: Ctx) => `${w.name}:${w.visibility}`);
    });
    expect(seen).toEqual(["S:Visible", "H:Hidden", "V:VeryHidden"]);
    await expect(
      batch(d, async (ctx) => {
        ctx.workbook.worksheets.getItem("V").activate();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("names a copy '<name> (2)' and refuses invalid or duplicate names", async () => {
    const d = excelDouble([sheetFromRows("S", [[1]])]);
    await batch(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").copy("End");
      await ctx.sync();
    });
    expect(d.book.map((s) => s.name)).toEqual(["S", "S (2)"]);
    for (const [name, code] of [
      ["a/b", "InvalidArgument"],
      ["x".repeat(32), "InvalidArgument"],
      ["s", "ItemAlreadyExists"],
    ])
      await expect(
        batch(d, async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code });
  });

  it("moves cells and every reference to them when columns are inserted", async () => {
    const d = excelDouble([
      sheetFromRows("S", [[1, 2, { formula: "=A1+B1", value: 3 }]]),
      sheetFromRows("T", [[{ formula: "=S!B1*2", value: 4 }]]),
    ]);
    await batch(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B:B").insert("Right");
      await ctx.sync();
    });
    expect(d.sheet("S")?.cells.get("0,3")?.formula).toBe("=A1+C1");
    expect(d.sheet("T")?.cells.get("0,0")?.formula).toBe("=S!C1*2");
  });
});

describe("merged cells", () => {
  it("holds a value only in the top-left cell and lists merged areas from ExcelApi 1.13", async () => {
    const s = sheetFromRows("S", [
      ["Head", "hidden"],
      [1, 2],
    ]);
    s.merges = [{ r1: 0, c1: 0, r2: 0, c2: 1 }];
    const d = excelDouble([s]);
    await batch(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const r = ws.getRange("A1:B1").load("values");
      const m = ws.getRange("A1:B2").getMergedAreasOrNullObject().load("address");
      await ctx.sync();
      expect([r.values, m.address]).toEqual([[["Head", ""]], "S!A1:B1"]);
    });
    // Only merges whose top-left cell is in the range asked are listed (OfficeDev/office-js#3611).
    await batch(d, async (ctx) => {
      const m = ctx.workbook.worksheets.getItem("S").getRange("B1:B2").getMergedAreasOrNullObject();
      m.load("address");
      await ctx.sync();
      expect(m.isNullObject).toBe(true);
    });
    const old = excelDouble([s], { version: 12 });
    await batch(old, async (ctx) => {
      expect(() =>
        ctx.workbook.worksheets.getItem("S").getRange("A1").getMergedAreasOrNullObject(),
      ).toThrow("ApiNotFound");
    });
  });
});

describe("defined names", () => {
  it("adds workbook names, hides them, and follows a renamed sheet", async () => {
    const d = excelDouble([sheetFromRows("PID - A", [[1]])]);
    await batch(d, async (ctx) => {
      ctx.workbook.names.add("_CouncilSheets_PID_1", "='PID - A'!$A$1").visible = false;
      ctx.workbook.worksheets.getItem("PID - A").name = "PID, renamed";
      await ctx.sync();
      ctx.workbook.names.load("items/name,items/formula,items/visible");
      await ctx.sync();
      expect(ctx.workbook.names.items.map((n: Ctx) => [n.name, n.formula, n.visible])).toEqual([
        ["_CouncilSheets_PID_1", "='PID, renamed'!$A$1", false],
      ]);
    });
  });
});

it("imports nothing from src/ (it must not share the adapter's code)", () => {
  const dir = path.join(__dirname, "../shims/excel-double");
  const files = [
    path.join(__dirname, "../shims/excel-double.ts"),
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(dir, f)),
  ];
  for (const f of files) expect(readFileSync(f, "utf8")).not.toMatch(/from\s+["'][./]*src\//);
});
