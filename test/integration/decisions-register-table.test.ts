import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import { importDecisions } from "../helpers/cli";
import { BANES_NOTICE, DONCASTER_NOTICE } from "../helpers/decisions-workbook";
import { tempDir } from "../helpers/xlsx";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";

/**
 * A decisions register kept as an Excel table (ListObject): new decisions go inside the table,
 * whose range and filter grow over them, as Excel grows a table when a row is typed just below it
 * (Table.resize, ExcelApi 1.13: https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
 * openpyxl, an independent reader, checks the table part. A register ending in a Total takes new
 * decisions in the empty rows above the Total, and is refused in one line when there are none.
 */

const withOpenpyxl = hasOpenpyxl("decisions register table tests") ? describe : describe.skip;

/** A register as an Excel table "DecisionsLog" on A2:F4 (a title above it), with its filter. */
const TABLE_REGISTER = `
import sys, datetime, openpyxl
from openpyxl.worksheet.table import Table, TableStyleInfo
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Decisions"
ws["A1"] = "Decisions log"
ws.append(["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"])
ws.append(["CAB/24/031", "Hubs", "Cabinet", "Approved", datetime.date(2024, 3, 12), 240000])
ws.append(["CAB/24/032", "Pool", "Cabinet", "Approved", datetime.date(2024, 3, 12), 50000])
ws["H2"] = "Note beside the table"
table = Table(displayName="DecisionsLog", ref="A2:F4")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
ws.add_table(table)
wb.save(sys.argv[1])
`;

/** The table part after the import, as openpyxl reads it. */
const READ_TABLE = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Decisions"]
t = ws.tables["DecisionsLog"]
print(json.dumps({"ref": t.ref, "autoFilter": t.autoFilter.ref if t.autoFilter else None,
  "refs": [ws.cell(row=r, column=1).value for r in range(3, 8)], "note": ws["H2"].value}))
`;

/** A plain register closed by a Total row whose SUM covers a blank row above it. */
const TOTAL_REGISTER = (blankRows: number) => `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Decisions"
ws.append(["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Amount approved"])
ws.append(["CAB/24/031", "Hubs", "Cabinet", "Approved", None, 240000])
for _ in range(${blankRows}):
    ws.append([None] * 6)
last = ws.max_row
ws.append(["Total", None, None, None, None, "=SUM(F2:F%d)" % last])
wb.save(sys.argv[1])
`;

const python = (script: string, ...args: string[]) =>
  execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8" });

withOpenpyxl("decisions import into a register kept as an Excel table", () => {
  const dir = tempDir("cs-decisions-table-");

  test("the new decisions are inside the table: its ref and filter grow, nothing else moves", async () => {
    const into = path.join(dir, "table.xlsx");
    const out = path.join(dir, "table-out.xlsx");
    python(TABLE_REGISTER, into);
    const {
      code,
      err,
      out: stdout,
    } = await importDecisions([DONCASTER_NOTICE, BANES_NOTICE], into, out, "--json");
    expect(err).toBe("");
    expect(code).toBeLessThan(2);
    const doc = JSON.parse(stdout);
    expect(doc.engine).toBe("direct");
    expect(doc.rows.map((r: { action: string; row: number }) => [r.action, r.row])).toEqual([
      ["added", 5],
      ["added", 6],
    ]);
    expect(JSON.parse(python(READ_TABLE, out))).toEqual({
      ref: "A2:F6",
      autoFilter: "A2:F6",
      refs: ["CAB/24/031", "CAB/24/032", "AHWB.012.2021", null, null],
      note: "Note beside the table",
    });
    // Read back by our own reader: the table's bounds now cover the new rows.
    const reread = await openWorkbook(new Uint8Array(readFileSync(out)), "out.xlsx", nativeZlib());
    expect(reread.snapshot.sheets[0]?.tables?.[0]).toMatchObject({
      name: "DecisionsLog",
      firstRow: 1,
      lastRow: 5,
    });
  });
});

withOpenpyxl("decisions import into a register closed by a Total row", () => {
  const dir = tempDir("cs-decisions-total-");

  test("a blank row above the Total takes the new decision, inside the SUM", async () => {
    const into = path.join(dir, "total.xlsx");
    const out = path.join(dir, "total-out.xlsx");
    python(TOTAL_REGISTER(1), into);
    const { err, out: stdout } = await importDecisions([DONCASTER_NOTICE], into, out, "--json");
    expect(err).toBe("");
    expect(JSON.parse(stdout).rows.map((r: { row: number }) => r.row)).toEqual([3]);
    const cells = JSON.parse(
      python(
        `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Decisions"]
print(json.dumps([[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=4, max_col=6)], default=str))`,
        out,
      ),
    );
    expect(cells[0]?.[0]).toBe("AHWB.012.2021");
    expect(cells[0]?.[4]).toBe("2021-03-30 00:00:00");
    expect(cells[0]?.[5]).toBe(97710);
    expect(cells[1]).toEqual(["Total", null, null, null, null, "=SUM(F2:F3)"]);
  });

  test("with no blank row above the Total, the import is refused in one line", async () => {
    const into = path.join(dir, "full.xlsx");
    python(TOTAL_REGISTER(0), into);
    const { code, err } = await importDecisions(
      [DONCASTER_NOTICE],
      into,
      path.join(dir, "full-out.xlsx"),
    );
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("add a blank row above the Total");
  });
});
