import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A status column headed "Over/Under" (the trial workbook w10-kestrel-resources-gbpm) holding
 * "Over" and "Under" is the council's status column: checked, rewritten in its own words, never
 * duplicated by a new "Status". The same header over figures is a variance.
 */
const analyse = (book: WorkbookSnapshot): Analysis => analyseWorkbook(book, { asOf: TODAY });
const book = (header: string, parks: string): WorkbookSnapshot =>
  workbook(
    sheet("Budget", [
      ["Service", "Working budget", "Forecast outturn", "Adverse/(Favourable)", header, "RAG"],
      ["Libraries", 100000, 101000, 1000, "Over", "Amber"],
      ["Parks", 200000, 190000, -10000, parks, "Green"],
      ["Roads", 300000, 299000, -1000, "Under", "Green"],
      ["Leisure", 400000, 402000, 2000, "Over", "Amber"],
    ] as Entry[][]),
  );
const writes = (a: Analysis) =>
  a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");

describe("a status column by the words councils head it with", () => {
  it.each(["Over/Under", "Over / Under budget", "Under/Over", "Over/under spend"])(
    "%s: read as the status, checked, written in its own words, not duplicated",
    (header) => {
      const a = analyse(book(header, "Over"));
      expect(a.findings.map((f) => [f.cell, f.message])).toEqual([
        [
          "E3",
          'Status is "Over" but forecast £190,000 against budget £200,000 is an underspend of £10,000',
        ],
      ]);
      expect(writes(a).map((o) => [o.column, o.title, o.header?.text ?? null])).toEqual([
        [3, "Variance", null],
        [6, "Variance %", "Variance %"],
        [4, "Status", null],
        [5, "RAG", null],
      ]);
      const status = writes(a).find((o) => o.title === "Status");
      expect(status?.cells.map((c) => c.value)).toEqual(["Over", "Under", "Under", "Over"]);
      expect(status?.cells[0]?.formula).toBe(
        '=IF(ISNUMBER(D2),IF(D2>0.005,"Over",IF(D2<-0.005,"Under","On budget")),"")',
      );
    },
  );

  it("the applied sheet reads clean, and a second apply adds nothing", () => {
    const first = book("Over/Under", "Under");
    const once = applyPlanToSnapshot(first, analyse(first).plan, { valuesOnly: false });
    const again = analyse(once);
    expect(again.findings).toEqual([]);
    expect(again.plan.operations.filter((o) => o.kind !== "column" || o.header !== null)).toEqual(
      [],
    );
  });

  it("'Over/(Under)' over figures is still the variance", () => {
    const rows: Entry[][] = [
      ["Service", "Budget", "Forecast", "Over/(Under)"],
      ["Libraries", 100, 120, 20],
      ["Parks", 200, 190, -10],
      ["Roads", 300, 330, 3],
    ];
    const a = analyse(workbook(sheet("Budget", rows)));
    expect(a.findings.map((f) => f.cell)).toEqual(["D4"]);
    expect(writes(a).map((o) => o.header?.text ?? null)).toEqual([
      null,
      "Variance %",
      "Status",
      "RAG",
    ]);
  });
});
