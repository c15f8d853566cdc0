import path from "node:path";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { buildProfile, line } from "../helpers/monthly-builder";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * On a line whose budget (or forecast) is "tbc" our formulas have nothing to compare and show
 * blank: a RAG, Status or Variance the council typed there is its own judgement, so apply leaves
 * it as typed, and the line's note says so. Budget tables, projects with money and monthly
 * profiles alike.
 */
const analyse = (book: WorkbookSnapshot) => analyseWorkbook(book, { asOf: TODAY });
const brief = (book: WorkbookSnapshot) =>
  analyse(book).findings.map((x) => `${x.severity} ${x.code}@${x.cell}`);
/** Each written column as its header row's title and the 1-based rows it writes. */
const plannedRows = (book: WorkbookSnapshot) =>
  analyse(book)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column")
    .map((o) => `${o.title}: ${o.cells.map((c) => c.row + 1).join(",")}`);

/** Applied once, then the plan of what was applied applied again: the second changes nothing. */
function appliedTwice(book: WorkbookSnapshot) {
  const once = applyPlanToSnapshot(book, analyse(book).plan, { valuesOnly: false });
  const twice = applyPlanToSnapshot(once, analyse(once).plan, { valuesOnly: false });
  return { once, twice };
}

/** Row 4 (Excel) is the tbc line, its Variance, Status and RAG typed by the council. */
const BUDGET: Entry[][] = [
  ["Service", "Budget £", "Forecast £", "Variance £", "Status", "RAG"],
  ["Housing", 3120, 3050, -70, "Underspend", "Green"],
  ["Leisure", 2205, 2160, -45, "Underspend", "Green"],
  ["Homelessness", "tbc", 450, "n/a", "Overspend", "Amber"],
  ["Libraries", 900, 950, 50, "Overspend", "Red"],
  ["Total", 6225, 6160, -65],
];

describe("a budget table's tbc line keeps what the council typed", () => {
  const book = workbook(sheet("Budget", BUDGET));

  it("plans no cell of that line and says so in its note", () => {
    // Row 4 is written only in the Variance % column added beside the table: nothing was there.
    expect(plannedRows(book)).toEqual([
      "Variance: 2,3,5",
      "Variance %: 2,3,4,5,6",
      "Status: 2,3,5,6",
      "RAG: 2,3,5,6",
    ]);
    expect(brief(book)).toEqual(["info unconfirmed-funding@B4"]);
    expect(analyse(book).findings[0]?.message).toBe(
      'Budget £ tbc for Homelessness: left out of variance and totals; Variance £ "n/a", Status "Overspend", RAG "Amber" left as typed',
    );
  });

  it("keeps the typed cells through apply, and a second apply changes nothing", () => {
    const { once, twice } = appliedTwice(book);
    expect(once.sheets[0]?.rows[3]?.slice(3, 6)).toEqual([
      { value: "n/a" },
      { value: "Overspend" },
      { value: "Amber" },
    ]);
    expect(twice).toEqual(once);
  });
});

/** Depot's budget and Pool's forecast are tbc; the council typed a Cost RAG and a Variance there. */
const PROJECTS: Entry[][] = [
  ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Cost RAG"],
  ["Hub", "Director A", 1000000, 1010000, 10000, "Amber"],
  ["Depot", "Director B", "pending", 50000, null, "Amber"],
  ["Pool", "Director C", 200000, "tbc", 4000, "Red"],
  ["Roads", "Director D", 500000, 450000, -50000, "Green"],
];

describe("a projects table's tbc lines keep what the council typed", () => {
  const book = workbook(sheet("Projects", PROJECTS));

  it("plans no typed cell of those lines and says so in their notes", () => {
    // Depot's blank Variance holds nothing of the council's: it gets the formula (blank there).
    expect(plannedRows(book)).toEqual([
      "Variance: 2,3,5",
      "Variance %: 2,3,4,5",
      "Spend status: 2,3,4,5",
      "Budget RAG: 2,5",
    ]);
    expect(brief(book)).toEqual(["info unconfirmed-funding@C3", "info unconfirmed-funding@D4"]);
    expect(analyse(book).findings.map((x) => x.message)).toEqual([
      'Budget £ "pending" for Depot: left out of variance and totals; Cost RAG "Amber" left as typed',
      'Forecast £ tbc for Pool: left out of variance and totals; Variance £ "4000", Cost RAG "Red" left as typed',
    ]);
  });

  it("keeps the typed cells through apply, and a second apply changes nothing", () => {
    const { once, twice } = appliedTwice(book);
    const kept = once.sheets[0]?.rows.slice(2, 4).map((r) => r?.slice(4, 6));
    expect(kept).toEqual([
      [expect.objectContaining({ value: "" }), { value: "Amber" }],
      [{ value: 4000 }, { value: "Red" }],
    ]);
    expect(twice).toEqual(once);
  });
});

describe("a monthly profile's tbc line keeps the variance the council typed", () => {
  const built = buildProfile({
    sections: [
      {
        heading: null,
        lines: [
          line("PA01", 1190, 1200, { variance: 10 }),
          line("SU01", 250, 240, { variance: -10 }),
        ],
        total: null,
      },
    ],
  });
  const row = built.lineRows[0]?.[1] as number;
  const rows = built.sheet.rows.map((r, k) =>
    k !== row
      ? r
      : r.map((c, column) =>
          column === built.budget
            ? { value: "tbc" }
            : column === built.variance
              ? { value: "n/a" }
              : c,
        ),
  );
  const book = workbook({ ...built.sheet, rows });

  it("plans no cell of that line's variance and says so in its note", () => {
    // PA01's typed variance becomes the formula; SU01's "n/a" on the tbc line stays.
    expect(plannedRows(book)).toEqual([`Variance: ${row}`]);
    expect(brief(book)).toEqual([`info unconfirmed-funding@C${row + 1}`]);
    expect(analyse(book).findings.map((x) => x.message)).toEqual([
      "Working budget tbc for SU01 Service line SU01: left out of variance and totals; " +
        'Forecast variance £ Over/(Under) "n/a" left as typed',
    ]);
  });

  it("keeps the typed variance through apply, and a second apply changes nothing", () => {
    const { once, twice } = appliedTwice(book);
    expect(once.sheets[0]?.rows[row]?.[built.variance as number]).toEqual({ value: "n/a" });
    expect(twice).toEqual(once);
  });
});

const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: tbc typed RAG recalculation test skipped");

withOffice("a budget table's tbc line, after apply and LibreOffice", () => {
  it("still shows the council's typed Variance, Status and RAG; the other lines compute", async () => {
    const dir = tempDir("cs-tbc-typed-");
    const input = path.join(dir, "budget.xlsx");
    await writeXlsx(input, [{ name: "Budget", rows: BUDGET.map((r) => [...r]) }]);
    const { sheets } = await appliedInLibreOffice(soffice ?? "", input);
    const rows = sheets[0]?.rows ?? [];
    const shown = (row: number) => rows[row]?.slice(3, 6).map((c) => c?.value ?? null);
    expect(rows[3]?.slice(3, 6).some((c) => c?.formula)).toBe(false);
    expect(shown(3)).toEqual(["n/a", "Overspend", "Amber"]);
    // Libraries, £50 over on £900 (over 5%): Excel's own arithmetic through our formulas.
    expect(rows[4]?.[5]?.formula).toBeTruthy();
    expect(shown(4)).toEqual([50, "Overspend", "Red"]);
  });
});

describe("unconfirmed funding is said as the sources cell says it", () => {
  const sources: Entry[][] = [
    ["Funding source", "2025/26 £", "2026/27 £"],
    ["Public Health Grant", 100000, "n/a"],
    ["Homelessness Prevention Grant", 60000, "pending"],
    ["Council match", 40000, "TBC"],
  ];
  const allocations: Entry[][] = [
    ["Ref", "Workstream", "Source of funding", "2025/26 £", "2026/27 £"],
    ["1.1", "Family hub outreach", "Public Health Grant", 100000, 70000],
    ["1.2", "Prevention caseworkers", "Homelessness Prevention Grant", 60000, 50000],
    ["1.3", "Parenting programmes", "Council match", 40000, 40000],
  ];
  const a = analyse(workbook(sheet("Sources", sources), sheet("Allocations", allocations)));

  it("quotes n/a and pending, and calls a plain TBC tbc", () => {
    expect(
      a.findings.filter((x) => x.code === "unconfirmed-funding").map((x) => x.message),
    ).toEqual([
      // Each warning carries what the sources table's own note says (one finding per cell).
      '£70,000 is allocated against Public Health Grant in 2026/27, whose funding is still "n/a"; it is left out of Total all years',
      '£50,000 is allocated against Homelessness Prevention Grant in 2026/27, whose funding is still "pending"; it is left out of Total all years',
      "£40,000 is allocated against Council match in 2026/27, whose funding is still tbc; it is left out of Total all years",
    ]);
  });
});
