/**
 * Defects an independent review found in the Excel adapter's Write and Check (after issue 14),
 * each shown through the documentation-built double: protection of our own sheets a Write
 * rewrites, workbook structure and renames, what a failed batch may have written, backups of
 * nothing, sheets named TRUE/FALSE, and very hidden sheets.
 */
import { analyseWorkbook } from "../../src/core/analyse";
import type { AddSheet, WritePlan } from "../../src/core/plan";
import { parseAreas } from "../../src/adapters/excel/addresses";
import { readSnapshot } from "../../src/adapters/excel/read";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import { applyPlanInExcel, selectCell } from "../../src/adapters/excel/write";
import { backupName } from "../../src/adapters/excel/preflight";
import { excelDouble, sheetFromRows, type Double } from "../shims/excel-double";
import { TODAY } from "../helpers/builders";
import { cellOf, checkAndWrite, register, runtime } from "../helpers/excel";

const RECONCILIATION_MARK = {
  name: "_CouncilSheets_Reconciliation_1",
  formula: "=Reconciliation!$A$1",
  visible: false,
};

/** Our Reconciliation sheet, rewritten in place (and renamed when `sheet` differs). */
const refresh = (sheet: string): AddSheet => ({
  kind: "add-sheet",
  sheet,
  replaces: "Reconciliation",
  role: "reconciliation",
  table: "Reg!A1",
  title: "Reconciliation",
  cells: [{ row: 0, column: 0, formula: null, value: "new" }],
  columnWidths: [10],
});

async function planFor(d: Double, ...extra: WritePlan["operations"]): Promise<WritePlan> {
  const plan = analyseWorkbook(await readSnapshot(runtime(d)), { asOf: TODAY }).plan;
  return { operations: [...plan.operations, ...extra] };
}

const write = (d: Double, plan: WritePlan, backup = false) =>
  applyPlanInExcel(runtime(d), plan, { valuesOnly: false, backup, changes: [], when: "now" });

describe("1. protection is checked on every sheet a Write touches, our own included", () => {
  it("refuses before writing when the Reconciliation sheet it rewrites is protected", async () => {
    const rec = sheetFromRows("Reconciliation", [["old"]]);
    rec.protected = true;
    const d = excelDouble([register(5, false, "Reg"), rec], { names: [RECONCILIATION_MARK] });
    const plan = await planFor(d, refresh("Reconciliation"));
    expect(plan.operations[0]?.kind).toBe("column");
    await expect(write(d, plan)).rejects.toThrow(
      /"Reconciliation" is protected\. .*Nothing was written\./,
    );
    expect(cellOf(d.sheet("Reg"), "D2")).toBeUndefined();
    expect(cellOf(d.sheet("Reconciliation"), "A1")?.value).toBe("old");
  });
});

describe("2. a protected workbook structure refuses renames and new sheets before writing", () => {
  it("refuses to rename a replaced own sheet, leaving it and the register as they were", async () => {
    const d = excelDouble([register(5, false, "Reg"), sheetFromRows("Reconciliation", [["old"]])], {
      structureProtected: true,
      names: [RECONCILIATION_MARK],
    });
    const plan = await planFor(d, refresh("Reconciliation (Reg)"));
    await expect(write(d, plan)).rejects.toThrow(
      /structure is protected, so Council Sheets cannot rename "Reconciliation" to "Reconciliation \(Reg\)".*Nothing was written\./,
    );
    expect(cellOf(d.sheet("Reg"), "D2")).toBeUndefined();
    expect(cellOf(d.sheet("Reconciliation"), "A1")?.value).toBe("old");
    expect(d.book.map((s) => s.name)).toEqual(["Reg", "Reconciliation"]);
  });

  it("still rewrites an own sheet in place (no structure change) when the structure is protected", async () => {
    const d = excelDouble([register(5, false, "Reg"), sheetFromRows("Reconciliation", [["old"]])], {
      structureProtected: true,
      names: [RECONCILIATION_MARK],
    });
    await write(d, await planFor(d, refresh("Reconciliation")));
    expect(cellOf(d.sheet("Reconciliation"), "A1")?.value).toBe("new");
    expect(cellOf(d.sheet("Reg"), "D2")?.formula).toBe('=IF(COUNT(B2,C2)=2,B2*C2,"")');
  });

  it("refuses a backup copy when the structure is protected", async () => {
    const d = excelDouble([register(5, false, "Reg")], { structureProtected: true });
    await expect(write(d, await planFor(d), true)).rejects.toThrow(/cannot copy "Reg" as a backup/);
    expect(cellOf(d.sheet("Reg"), "D2")).toBeUndefined();
  });
});

describe("3. a failed batch reports what it may have written", () => {
  /** The double's runtime, with `between` run after the first sync (the Write's look). */
  const interrupted = (d: Double, between: () => void): ExcelRuntime => {
    const inner = runtime(d);
    return {
      supports: (v) => inner.supports(v),
      run: (options, batch) =>
        inner.run(options, (context) => {
          const sync = context.sync.bind(context);
          let syncs = 0;
          context.sync = async <T>(value?: T) => {
            const out = await sync(value);
            if (++syncs === 1) between();
            return out;
          };
          return batch(context);
        }),
    };
  };

  it("names the column written earlier in the failing batch as possibly written", async () => {
    // The user protects a sheet after the Write's look and before its writes reach Excel: the
    // batch fails at that sheet, and the column before it stays written (Excel keeps it).
    const d = excelDouble([register(5, false, "Reg"), register(5, false, "Other")]);
    const plan = await planFor(d);
    expect([...new Set(plan.operations.map((op) => op.sheet))]).toEqual(["Reg", "Other"]);
    const rt = interrupted(d, () => {
      const other = d.sheet("Other");
      if (other) other.protected = true;
    });
    let message = "";
    await applyPlanInExcel(rt, plan, {
      valuesOnly: false,
      backup: false,
      changes: [],
      when: "now",
    }).catch((e: unknown) => (message = (e as Error).message));
    expect(cellOf(d.sheet("Reg"), "D2")?.formula).toBe('=IF(COUNT(B2,C2)=2,B2*C2,"")');
    expect(cellOf(d.sheet("Other"), "D2")).toBeUndefined();
    expect(message).toMatch(/^A sheet is protected\..* Possibly written \(.*\): Reg!D2:D6; /);
    expect(message).not.toMatch(/Already written/);
  });

  it("refuses before writing when a sheet it would add was added since the Check", async () => {
    const d = excelDouble([register(5, false, "Reg")]);
    const plan = await planFor(d, { ...refresh("Reconciliation"), replaces: undefined });
    d.book.push(sheetFromRows("Reconciliation", [["the user's"]]));
    await expect(write(d, plan)).rejects.toThrow(
      /"Reconciliation" was added since the Check.*Nothing was written\./,
    );
    expect(cellOf(d.sheet("Reg"), "D2")).toBeUndefined();
    expect(cellOf(d.sheet("Reconciliation"), "A1")?.value).toBe("the user's");
  });
});

describe("4. a Write that changes nothing makes no backup", () => {
  it.each([false, true])("second and third Writes (stated score: %s)", async (withScore) => {
    const sheet = register(6, withScore, "Reg");
    if (withScore) sheet.cells.set("2,3", { value: 99 });
    const d = excelDouble([sheet]);
    const first = await checkAndWrite(d);
    expect(first.result.backups).toEqual(["Reg backup"]);
    const sheets = d.book.map((s) => s.name);
    const second = await checkAndWrite(d);
    const third = await checkAndWrite(d);
    expect(second.result.backups).toEqual([]);
    expect(third.result.backups).toEqual([]);
    expect(d.book.map((s) => s.name)).toEqual(sheets);
    expect(cellOf(d.sheet("Reg"), "D3")?.formula).toBe('=IF(COUNT(B3,C3)=2,B3*C3,"")');
  });

  it("backs up again once a planned cell would change", async () => {
    const d = excelDouble([register(6, true, "Reg")]);
    await checkAndWrite(d);
    d.sheet("Reg")?.cells.set("2,3", { value: 7 });
    const again = await checkAndWrite(d);
    expect(again.result.backups).toEqual(["Reg backup (2)"]);
    expect(cellOf(d.sheet("Reg"), "D3")?.formula).toBe('=IF(COUNT(B3,C3)=2,B3*C3,"")');
  });

  it("looks only as far as the response budget allows: columns past it are written and backed up", async () => {
    const d = excelDouble([register(3, false, "Small"), register(40, false, "Big")]);
    // The first Write's plan, carried out again once it is written: every column it writes
    // already holds what it would write. (A fresh analysis plans nothing over formulas.)
    const plan = analyseWorkbook(await readSnapshot(runtime(d)), { asOf: TODAY }).plan;
    await checkAndWrite(d);
    expect(new Set(plan.operations.map((op) => op.sheet))).toEqual(new Set(["Small", "Big"]));
    const options = { valuesOnly: false, backup: true, changes: [], when: "now" };
    const tight = await applyPlanInExcel(runtime(d), plan, options, 3000);
    expect(tight.backups).toEqual(["Big backup (2)"]);
    expect(tight.written.some((w) => w.startsWith("Small!"))).toBe(false);
    expect(cellOf(d.sheet("Big"), "D41")?.formula).toBe('=IF(COUNT(B41,C41)=2,B41*C41,"")');
  });

  it("names backups of 31-character sheets with the word backup kept whole", async () => {
    const name = "Strategic Risk Register 2025-26";
    expect(name).toHaveLength(31);
    const d = excelDouble([register(5, true, name)]);
    d.sheet(name)?.cells.set("1,3", { value: 99 });
    const first = await checkAndWrite(d);
    d.sheet(name)?.cells.set("1,3", { value: 98 });
    const second = await checkAndWrite(d);
    expect(first.result.backups).toEqual(["Strategic Risk Register backup"]);
    expect(second.result.backups).toEqual(["Strategic Risk Regis backup (2)"]);
    for (const b of [...first.result.backups, ...second.result.backups])
      expect(b.length).toBeLessThanOrEqual(31);
    expect(backupName("Reg", ["reg BACKUP", "Reg backup (2)"])).toBe("Reg backup (3)");
  });
});

describe("5. sheets named TRUE or FALSE", () => {
  it.each(["TRUE!A1:C4", "'TRUE'!A1:C4", "true!1:4, true!A:B", "'FALSE'!B2, FALSE!D4"])(
    "parses %s",
    (address) => {
      const areas = parseAreas(address);
      expect(areas.length).toBe(address.split(",").length);
      expect(areas[0]?.firstRow).toBe(address.includes("B2") ? 1 : 0);
    },
  );

  it.each(["TRUE", "FALSE", "True"].flatMap((name) => [7, 8, 20].map((v) => [name, v] as const)))(
    "Check and Write on a sheet named %s at ExcelApi 1.%i",
    async (name, version) => {
      const d = excelDouble([register(3, false, name)], { version });
      const read = await readSnapshot(runtime(d));
      expect(read.sheets.map((s) => s.name)).toEqual([name]);
      await checkAndWrite(d);
      expect(cellOf(d.sheet(name), "D2")?.formula).toBe('=IF(COUNT(B2,C2)=2,B2*C2,"")');
    },
  );
});

describe("6. going to a cell on a hidden sheet", () => {
  it.each([
    ["Hidden", /"Reg" is hidden\. Unhide it \(right-click a sheet tab > Unhide\)/],
    ["VeryHidden", /"Reg" is very hidden: Excel's Unhide dialog does not list it/],
  ] as const)("%s", async (visibility, message) => {
    const sheet = register(3, false, "Reg");
    sheet.visibility = visibility;
    const d = excelDouble([register(3, false, "Front"), sheet]);
    await expect(selectCell(runtime(d), "Reg", "A1")).rejects.toThrow(message);
  });
});
