import { analyseWorkbook } from "../../src/core/analyse";
import type { ProjectsTableReport } from "../../src/core/pid/projects";
import type { Cell, CellValue, ExcelTable, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

type Entry = CellValue | Cell | undefined;

/**
 * A scheme monitor kept as an Excel table (A3:F8): a blank line inside it, a totals row whose
 * label names no total ("Net position", SUBTOTAL(109,…)), and a note one row under the table.
 */
const ROWS: Entry[][] = [
  ["Scheme monitoring"],
  [null, null, "Current year 2025/26"],
  ["Scheme", "SRO", "Approved budget", "Forecast", "Variance Over/(Under)", "Comment"],
  ["Depot", "Head of Fleet", 1000, 1100, f("=D4-C4", 100), "Late"],
  ["Vehicles", "Head of Fleet", 2000, 1900, f("=D5-C5", -100)],
  [],
  ["Hub", "Director", 500, 520, f("=D7-C7", 20)],
  [
    "Net position",
    null,
    f("=SUBTOTAL(109,Schemes[Approved budget])", 3500),
    f("=SUBTOTAL(109,Schemes[Forecast])", 3520),
    f("=SUBTOTAL(109,Schemes[Variance Over/(Under)])", 20),
  ],
  [],
  ["October board figures", null, 9, 9],
];

const SCHEMES: ExcelTable = {
  name: "Schemes",
  firstRow: 2,
  firstColumn: 0,
  lastRow: 7,
  lastColumn: 5,
  showHeaders: true,
  showTotals: true,
  columns: ["Scheme", "SRO", "Approved budget", "Forecast", "Variance Over/(Under)", "Comment"],
};

const withTables = (s: SheetSnapshot, tables: ExcelTable[]): SheetSnapshot => ({ ...s, tables });
const analyse = (s: SheetSnapshot) => analyseWorkbook(workbook(s), { asOf: TODAY });
const projects = (s: SheetSnapshot) =>
  analyse(s).tables.find((t): t is ProjectsTableReport => t.kind === "projects");
const errors = (s: SheetSnapshot) =>
  analyse(s)
    .findings.filter((x) => x.severity === "error")
    .map((x) => `${x.code} ${x.cell}`);

describe("Excel tables in the core", () => {
  it("takes the Excel table's bounds: the blank line inside it does not end it, the note under it is not in it", () => {
    const plain = projects(sheet("Monitor", ROWS, { merges: ["C2:E2"] }));
    // Read from the cells alone, the note one blank row under the table is taken as a line.
    expect(plain?.range).toBe("A3:F10");
    const kept = projects(withTables(sheet("Monitor", ROWS, { merges: ["C2:E2"] }), [SCHEMES]));
    expect(kept).toMatchObject({ range: "A3:F8", headerRow: 3, rows: 4 });
    expect(kept?.projects).toEqual(["Depot", "Vehicles", "Hub"]);
  });

  it("treats the totals row as a total whatever its label, and checks it as one", () => {
    const s = withTables(sheet("Monitor", ROWS, { merges: ["C2:E2"] }), [SCHEMES]);
    // The SUBTOTALs are right: nothing to report, and "Net position" is no project line.
    expect(errors(s)).toEqual([]);
    const wrong = ROWS.map((row) => [...row]);
    (wrong[7] as Entry[])[3] = f("=SUBTOTAL(109,Schemes[Forecast])", 3420);
    expect(errors(withTables(sheet("Monitor", wrong, { merges: ["C2:E2"] }), [SCHEMES]))).toEqual([
      "total-mismatch D8",
    ]);
    // Without the Excel table the row is still a total: its SUBTOTAL formulas add the lines
    // above (totals found by formula and arithmetic, whatever the label).
    expect(errors(sheet("Monitor", wrong, { merges: ["C2:E2"] }))).toContain("total-mismatch D8");
  });

  it("joins group labels merged above the table's header row to its header block", () => {
    const kept = projects(withTables(sheet("Monitor", ROWS, { merges: ["C2:E2"] }), [SCHEMES]));
    expect(kept?.headerRows).toEqual([2, 3]);
    const unmerged = projects(withTables(sheet("Monitor", ROWS), [SCHEMES]));
    expect(unmerged?.headerRows).toEqual([3]);
  });

  it("leaves a table alone whose header sits far from any Excel table", () => {
    const far: ExcelTable = { ...SCHEMES, name: "Elsewhere", firstRow: 20, lastRow: 25 };
    const s = withTables(sheet("Monitor", ROWS, { merges: ["C2:E2"] }), [far]);
    expect(projects(s)?.range).toBe("A3:F10");
  });
});
