import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { compositeName, readHeaderBlock } from "../../src/core/tables/header-block";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * Words of one header stacked over two cells of its column, typed without a merge ("Annual" over
 * "budget 2025/26", "Forecast" over "outturn", "Total" over "scheme cost"), beside headings that
 * start in the lower row under blank cells ("Spend to date", "Variance", "2025/26"): the upper
 * word is that column's first word, not a group over its neighbours. A group label stays one when
 * it is merged across columns, repeated over the same sub-headers, or a known group word
 * (Current year, Residual, a year) (issue 12).
 */
const namesOf = (rows: Entry[][], top: number, width: number, merges: string[] = []) => {
  const block = readHeaderBlock(sheet("S", rows, { merges }), top, 0, width - 1);
  return { bottom: block.bottom, names: block.columns.map(compositeName) };
};

describe("stacked words of one header are not a group", () => {
  it.each([
    [
      "Annual / budget 2025/26 beside Spend to date; Forecast / outturn beside Variance",
      [
        ["Service", "Annual", null, "Forecast", null],
        [null, "budget 2025/26", "Spend to date", "outturn", "Variance"],
        ["Parks", 100, 40, 110, 10],
      ],
      ["Service", "Annual budget 2025/26", "Spend to date", "Forecast outturn", "Variance"],
    ],
    [
      "Cost / centre, Annual / budget beside Actual, Forecast / variance beside RAG",
      [
        ["Cost", "Service", "Annual", null, "Forecast", null, "Forecast", null],
        ["centre", null, "budget", "Actual", "outturn", "Variance", "variance", "RAG"],
        ["CC1", "Parks", 100, 40, 110, 10, 0.1, "Green"],
      ],
      [
        "Cost centre",
        "Service",
        "Annual budget",
        "Actual",
        "Forecast outturn",
        "Variance",
        "Forecast variance",
        "RAG",
      ],
    ],
    [
      "Total / scheme cost beside years, a units row under",
      [
        ["Scheme", "Total", null, null, null],
        [null, "scheme cost", "2025/26", "2026/27", "Total 2025-27"],
        [null, "£'000", "£'000", "£'000", "£'000"],
        ["Depot", 500, 100, 250, 350],
      ],
      ["Scheme", "Total scheme cost", "2025/26", "2026/27", "Total 2025-27"],
    ],
  ] as [string, Entry[][], string[]][])("%s", (_name, rows, names) => {
    const width = rows[0]!.length;
    expect(namesOf(rows, 0, width)).toEqual({ bottom: rows.length - 2, names });
  });

  it.each([
    [
      "merged across the columns",
      [
        ["Service", "Annual", null, "Forecast"],
        [null, "budget", "Spend", "outturn"],
      ],
      ["B1:C1"],
      ["Service", "Annual › budget", "Annual › Spend", "Forecast outturn"],
    ],
    [
      "repeated over the same sub-headers",
      [
        ["Service", "Capital", null, "Revenue", null],
        [null, "budget", "Spend", "budget", "Spend"],
      ],
      [],
      ["Service", "Capital › budget", "Capital › Spend", "Revenue › budget", "Revenue › Spend"],
    ],
    [
      "a known group word",
      [
        ["Service", "Current year", null, null, "Residual", null],
        [null, "budget", "Forecast", "Variance", "likelihood", "Impact"],
      ],
      [],
      [
        "Service",
        "Current year › budget",
        "Current year › Forecast",
        "Current year › Variance",
        "Residual › likelihood",
        "Residual › Impact",
      ],
    ],
  ] as [string, Entry[][], string[], string[]][])(
    "a label %s stays a group",
    (_name, rows, merges, names) => {
      const data = [...rows, ["Parks", 1, 2, 3, 4, 5]];
      expect(namesOf(data, 0, rows[0]!.length, merges)).toEqual({ bottom: 1, names });
    },
  );
});

const writes = (a: Analysis) =>
  (a.plan.operations as ColumnWrite[])
    .filter((o) => o.kind === "column")
    .map((o) => ({
      column: o.column,
      header: o.header?.text ?? null,
      cells: o.cells.map((c): [number, string | null, CellValue] => [
        c.row + 1,
        c.formula,
        c.value,
      ]),
    }));

/**
 * A capital programme: "Total" / "scheme cost" in B, the years in C and D and their total in E
 * headed in the lower row only. Read as a group, "Total" took B to E for the total and the table
 * stopped at D. Planted: Depot's E7 typed 300 where 100 + 250 = 350.
 */
function programme(units: boolean): Entry[][] {
  const rows: Entry[][] = [
    ["Capital programme 2025-27"],
    [],
    ["Scheme", "Total", null, null, null],
    [null, "scheme cost", "2025/26", "2026/27", "Total 2025-27"],
  ];
  if (units) rows.push([null, "£'000", "£'000", "£'000", "£'000"]);
  const lines: [string, number, number, number][] = [
    ["School expansion", 900, 300, 200],
    ["Depot", 500, 100, 250],
    ["Bridge", 700, 350, 100],
  ];
  const first = rows.length + 1;
  for (const [name, cost, y1, y2] of lines) {
    const r = rows.length + 1;
    rows.push([name, cost, y1, y2, name === "Depot" ? 300 : f(`=SUM(C${r}:D${r})`, y1 + y2)]);
  }
  const r = rows.length + 1;
  const sum = (c: string, v: number) => f(`=SUM(${c}${first}:${c}${r - 1})`, v);
  rows.push(["Total", sum("B", 2100), sum("C", 750), sum("D", 550), sum("E", 1250)]);
  return rows;
}

describe("a capital programme headed with stacked words", () => {
  it.each([
    [true, "A3:E9", [3, 4, 5], 7],
    [false, "A3:E8", [3, 4], 6],
  ])(
    "units row %s: the table runs to E and only the typed total is wrong",
    (units, range, header, depot) => {
      const a = analyseWorkbook(workbook(sheet("Capital", programme(units))), { asOf: TODAY });
      expect(a.tables.map((t) => [t.kind, t.range])).toEqual([["capital-programme", range]]);
      expect(a.tables[0]).toMatchObject({
        headerRows: header,
        years: ["2025/26", "2026/27"],
        columns: { scheme: "A", "2025/26": "C", "2026/27": "D", total: "E" },
      });
      const money = units ? "£300,000" : "£300";
      const sum = units ? "£350,000" : "£350";
      expect(
        a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]),
      ).toEqual([
        [
          "total-mismatch",
          `E${depot}`,
          `Total 2025-27 is ${money} but the years 2025/26 to 2026/27 add to ${sum}`,
        ],
      ]);
      expect(writes(a)).toEqual([
        { column: 4, header: null, cells: [[depot, `=SUM(C${depot}:D${depot})`, 350]] },
      ]);
    },
  );
});
