import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import type { CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

/**
 * After apply, a council formula that reads a cell we rewrote keeps the value it cached before
 * (the writer caches only its own cells; Excel recalculates on open). Checking our own output must
 * not blame that formula: each shape here is applied, then checked again, and the second check
 * finds nothing the first did not.
 */
const brief = (fs: readonly Finding[]) =>
  fs.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`);

function applyTwice(book: WorkbookSnapshot) {
  const before = analyseWorkbook(book, { asOf: TODAY });
  const once = applyPlanToSnapshot(book, before.plan, { valuesOnly: false });
  const after = analyseWorkbook(once, { asOf: TODAY });
  const twice = applyPlanToSnapshot(once, after.plan, { valuesOnly: false });
  return { before, once, after, again: analyseWorkbook(twice, { asOf: TODAY }) };
}

/** BASE_PROGRAMME (£'000): Place lines 12–14 (total column F), Place total row 15, grand total 17. */
const PROGRAMME = BASE_PROGRAMME;

describe("checking our own output: council formulas over cells apply rewrote", () => {
  it("capital programme: a SUM section total over a row total apply corrects", () => {
    // F12 typed 999 over a row total of 900; the council's SUMs below cached what it showed.
    const book = workbook(
      programmeSheet({
        ...PROGRAMME,
        override: {
          F12: 999,
          F15: f("=SUM(F12:F14)", 1069),
          F17: f("=F9+F15", 1819),
        },
      }),
    );
    const { before, once, after, again } = applyTwice(book);
    expect(brief(before.findings)).toContain("total-mismatch@F12");
    // The stale caches are really there in what we wrote (as in the trial's workbook).
    const programme = once.sheets[0]!;
    expect(programme.rows[11]?.[5]?.formula).toMatch(/^=SUM\(/i);
    expect(programme.rows[14]?.[5]?.value).toBe(1069);
    const fresh = brief(after.findings).filter((x) => !brief(before.findings).includes(x));
    expect(fresh).toEqual([]);
    expect(brief(after.findings)).not.toContain("total-mismatch@F12");
    expect(after.plan.operations).toEqual([]);
    expect(brief(again.findings)).toEqual(brief(after.findings));
  });

  it("funding table: a column total over a total across years apply corrects", () => {
    type Row = (CellValue | ReturnType<typeof f>)[];
    // G2 typed 17,500 over the year totals' 17,000 (as w6b's H8); the SUM below cached it.
    const rows: Row[] = [
      [
        "Workstream",
        "SCR Grant £08/09",
        "RIEP £08/09",
        "Total £08/09",
        "SCR Grant £09/10",
        "Total £09/10",
        "Total all years",
      ],
      ["Coordination", 10000, 5000, f("=SUM(B2:C2)", 15000), 2000, f("=SUM(E2)", 2000), 17500],
      ["Leadership", 20000, 1000, f("=SUM(B3:C3)", 21000), 0, f("=SUM(E3)", 0), f("=D3+F3", 21000)],
      ["Parks", 500, 0, f("=SUM(B4:C4)", 500), 0, f("=SUM(E4)", 0), f("=D4+F4", 500)],
      [
        "Total",
        f("=SUM(B2:B4)", 30500),
        f("=SUM(C2:C4)", 6000),
        f("=SUM(D2:D4)", 36500),
        f("=SUM(E2:E4)", 2000),
        f("=SUM(F2:F4)", 2000),
        f("=SUM(G2:G4)", 39000),
      ],
    ];
    const { before, once, after, again } = applyTwice(workbook(sheet("Funding", rows)));
    expect(brief(before.findings)).toEqual(["total-mismatch@G2"]);
    const written = once.sheets[0]!;
    expect(written.rows[1]?.[6]?.formula).toBeTruthy();
    expect(written.rows[4]?.[6]?.value).toBe(39000); // the council's SUM, stale as written
    expect(brief(after.findings)).toEqual([]);
    expect(after.plan.operations).toEqual([]);
    expect(brief(again.findings)).toEqual([]);
  });
});
