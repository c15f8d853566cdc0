/**
 * Excel tables grown by the Office.js adapter, on the documentation-built double: Table.resize
 * (ExcelApi 1.13) as Microsoft documents it, an apply whose new columns join a table, and a
 * decisions import whose new rows grow a register kept as a table.
 */
import { planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel } from "../../src/adapters/excel/write";
import { excelDouble, sheetFromRows, type DoubleSheet } from "../shims/excel-double";
import { cellOf, checkAndWrite, runtime } from "../helpers/excel";
import { REGISTER_HEADER } from "../helpers/decisions-workbook";

/** A risk register with no Score kept as an Excel table (A1:C{rows+1}): apply adds Score beside it. */
function tableRegister(rows: number): DoubleSheet {
  const data: (string | number)[][] = [["Ref", "Likelihood", "Impact"]];
  for (let i = 0; i < rows; i++) data.push([`R${i + 1}`, (i % 5) + 1, ((i * 3) % 5) + 1]);
  return sheetFromRows("Register", data, [], {
    tables: [
      {
        name: "Risks",
        area: { r1: 0, c1: 0, r2: rows, c2: 2 },
        showHeaders: true,
        showTotals: false,
        columns: ["Ref", "Likelihood", "Impact"],
      },
    ],
  });
}

/** The table's bounds and columns as the adapter's own API calls read them back. */
async function tableAsRead(d: ReturnType<typeof excelDouble>, sheet: string, name: string) {
  return d.runtime.run({}, async (ctx: never) => {
    const context = ctx as unknown as Excel.RequestContext;
    const table = context.workbook.worksheets.getItem(sheet).tables.getItem(name);
    const range = table.getRange().load("address");
    table.columns.load("items/name");
    await context.sync();
    return { address: range.address, columns: table.columns.items.map((c) => c.name) };
  });
}

describe("the double's Table and TableCollection, as Microsoft documents them", () => {
  const run = <T>(version: number, fn: (c: Excel.RequestContext) => Promise<T>) =>
    excelDouble([tableRegister(3), sheetFromRows("Other", [["x"]])], { version }).runtime.run(
      {},
      async (ctx: never) => fn(ctx as unknown as Excel.RequestContext),
    );

  it("gives the header row, data body and whole range, and counts a sheet's tables", async () => {
    const got = await run(20, async (c) => {
      const table = c.workbook.worksheets.getItem("Register").tables.getItem("Risks");
      const header = table.getHeaderRowRange().load("address");
      const body = table.getDataBodyRange().load("address");
      const whole = table.getRange().load("address");
      const here = c.workbook.worksheets.getItem("Register").tables.getCount();
      const there = c.workbook.worksheets.getItem("Other").tables.getCount();
      await c.sync();
      return [header.address, body.address, whole.address, here.value, there.value];
    });
    expect(got).toEqual(["Register!A1:C1", "Register!A2:C4", "Register!A1:C4", 1, 0]);
  });

  it("resizes over a range that overlaps and keeps the header row; refuses one that does not", async () => {
    const grown = await run(20, async (c) => {
      const table = c.workbook.tables.getItem("Risks");
      table.resize("A1:D6");
      const range = table.getRange().load("address");
      await c.sync();
      return range.address;
    });
    expect(grown).toBe("Register!A1:D6");
    const refused = (address: string) =>
      run(20, async (c) => {
        c.workbook.tables.getItem("Risks").resize(address);
        await c.sync();
      });
    // The header row moved down a row; a range clear of the table.
    await expect(refused("A2:D6")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(refused("F1:H4")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("has no Table.resize below ExcelApi 1.13, and no table of another sheet on a sheet's list", async () => {
    await expect(
      run(12, async (c) => c.workbook.tables.getItem("Risks").resize("A1:D4")),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      run(20, async (c) => {
        c.workbook.worksheets.getItem("Other").tables.getItem("Risks");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("apply in Excel beside a table", () => {
  it("resizes the table over the new columns, in as many round trips for 200 rows as for 10", async () => {
    const syncs: number[] = [];
    for (const rows of [10, 200]) {
      const d = excelDouble([tableRegister(rows)], { version: 20 });
      const { analysis } = await checkAndWrite(d, false);
      const joins = analysis.plan.tableJoins ?? [];
      expect(joins.map((j) => j.table)).toEqual(["Risks"]);
      const last = joins[0]?.range.split(":")[1] ?? "";
      const added = joins[0]?.columns.map((c) => c.name) ?? [];
      expect(added.length).toBeGreaterThan(0);
      expect(cellOf(d.sheet("Register"), "D2")?.formula).toBeDefined();
      const before = d.stats.syncs;
      const table = await tableAsRead(d, "Register", "Risks");
      syncs.push(before);
      expect(table.address).toBe(`Register!A1:${last}`);
      expect(last).toMatch(new RegExp(`^[D-Z]${rows + 1}$`));
      expect(table.columns).toEqual(["Ref", "Likelihood", "Impact", ...added]);
    }
    expect(syncs[1]).toBe(syncs[0]);
  });

  it("without ExcelApi 1.13 writes the columns, leaves the table as it was and does not fail", async () => {
    const d = excelDouble([tableRegister(10)], { version: 12 });
    const { analysis } = await checkAndWrite(d, false);
    expect(analysis.plan.tableJoins?.length).toBe(1);
    expect(cellOf(d.sheet("Register"), "D2")?.formula).toBeDefined();
    const table = await tableAsRead(d, "Register", "Risks");
    expect(table.address).toBe("Register!A1:C11");
    expect(table.columns).toEqual(["Ref", "Likelihood", "Impact"]);
  });
});

describe("decisions import into a register kept as a table", () => {
  const record = (ref: string) =>
    readDecisionRecord(
      `Decision details\n${ref} Youth hubs\nDecision Maker: Cabinet\nDecision status: Approved\nDate of decision: 12/03/2024\nDecision:\nTo approve a total of £50,000 from the Youth Fund.`,
      `${ref}.txt`,
    );
  const registerBook = () =>
    sheetFromRows(
      "Decisions",
      [
        REGISTER_HEADER,
        ["CAB/24/001", "Hubs", "Cabinet", "Approved", 45363, 100000],
        ["CAB/24/002", "Pool", "Cabinet", "Approved", 45363, 20000],
      ],
      [],
      {
        tables: [
          {
            name: "DecisionsLog",
            area: { r1: 0, c1: 0, r2: 2, c2: 5 },
            showHeaders: true,
            showTotals: false,
            columns: [...REGISTER_HEADER],
          },
        ],
      },
    );

  async function importTwo(version: number) {
    const d = excelDouble([registerBook()], { version });
    const snapshot = await readSnapshot(runtime(d));
    const plan = planDecisionImport(snapshot, [record("CAB/24/003"), record("CAB/24/004")]);
    await applyPlanInExcel(runtime(d), plan, {
      valuesOnly: false,
      backup: false,
      changes: [],
      when: "2026-11-22 10:00",
    });
    return { d, table: await tableAsRead(d, "Decisions", "DecisionsLog") };
  }

  it("grows the table over the new decisions' rows", async () => {
    const { d, table } = await importTwo(20);
    expect(cellOf(d.sheet("Decisions"), "A5")?.value).toBe("CAB/24/004");
    expect(table.address).toBe("Decisions!A1:F5");
    expect(table.columns).toEqual(REGISTER_HEADER);
  });

  it("without ExcelApi 1.13 writes the rows below the table and leaves its bounds", async () => {
    const { d, table } = await importTwo(12);
    expect(cellOf(d.sheet("Decisions"), "A4")?.value).toBe("CAB/24/003");
    expect(table.address).toBe("Decisions!A1:F3");
  });
});
