import path from "node:path";
import type { ColumnWrite } from "../../src/core/plan";
import { type Entry } from "../helpers/builders";
import { analyseProjects, columnWrite, projectFindings, projectsOf } from "../helpers/projects";
import { findSoffice } from "../helpers/libreoffice";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * Projects tables with money get the budget kind's rules on the columns they keep: the RAG rule
 * stated on the sheet, a "Cost RAG" column checked by it, a stated Variance % checked (a wrong
 * sign is reported, never rewritten unsaid), and a "tbc" budget left out with a note.
 */

/** A cost monitor stating its rule in the title, with its own Variance % and Cost RAG. */
const COST_MONITOR: Entry[][] = [
  ["Major projects: cost monitoring. RAG: Red if over £250k or 5%"],
  [],
  ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Variance %", "Cost RAG"],
  ["Front door", "Director A", 1000000, 1300000, 300000, 0.3, "Red"],
  ["Fleet", "Director B", 5000000, 5100000, 100000, -0.02, "Green"],
  ["Depot", "Director C", "tbc", 200000, null, null, null],
  ["Library", "Director D", 2000000, 2060000, 60000, 0.03, "Amber"],
  ["Total", null, 8000000, 8660000, 460000],
];

/** A monitor with no RAG column, its rule in a note under the table. */
const WITH_NOTE: Entry[][] = [
  ["Project", "SRO", "Budget £", "Forecast £", "Variance £"],
  ["Hub", "Director A", 1000000, 1010000, 10000],
  ["Roads", "Director B", 1000000, 1030000, 30000],
  ["Pool", "Director C", 1000000, 1060000, 60000],
  ["Parks", "Director D", 500000, 450000, -50000],
  ["Museum", "Director E", "tbc", 200000, null],
  [],
  ["2% to 5% Amber, >5% Red"],
];

describe("projects with money: the budget kind's rules", () => {
  it("reads the rule stated on the sheet and the Cost RAG column, and notes the tbc line", () => {
    const money = projectsOf(analyseProjects(COST_MONITOR))?.money;
    expect(money).toMatchObject({
      columns: { budget: "C", forecast: "D", variance: "E", variancePct: "F", rag: "G" },
      ragRule: "Major projects: cost monitoring. RAG: Red if over £250k or 5%",
      notes: ["Row 6: budget not confirmed, left out of variance and totals"],
    });
  });

  it("reports the reversed Variance % and the Cost RAG the sheet's rule contradicts, and nothing on the tbc line", () => {
    const a = analyseProjects(COST_MONITOR);
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "F5", expected: 0.02, actual: -0.02 },
      { code: "variance-mismatch", cell: "G5", expected: "Amber", actual: "Green" },
    ]);
    expect(a.findings.find((x) => x.cell === "F5")?.message).toBe(
      "Variance % is -2.0% but the variance as a share of the budget is 2.0% (£100,000 of £5,000,000; the sign is reversed)",
    );
    expect(a.findings.find((x) => x.cell === "G5")?.message).toBe(
      "RAG is Green but an overspend of £100,000 on a budget of £5,000,000 is Amber: " +
        "Red over 5% of budget or £250,000 (whichever is lower), Amber for any smaller overspend, as the sheet states no Amber band and the settings have none (the rule stated on the sheet at A1)",
    );
  });

  it("writes the Variance % it reported, leaves the tbc line blank and writes the Cost RAG by the sheet's rule", () => {
    const a = analyseProjects(COST_MONITOR);
    expect(columnWrite(a, "Variance %")?.cells.map((c) => c.value)).toEqual([0.3, 0.02, "", 0.03]);
    // The council's Cost RAG (column G) in place, as the stated rule has it: Fleet is Amber.
    const rag = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 6,
    );
    expect(rag?.header).toBeNull();
    expect(rag?.cells.map((c) => c.value)).toEqual(["Red", "Amber", "", "Amber"]);
    expect(rag?.cells[1]?.formula).toBe(
      '=IF(AND(ISNUMBER(E5),ISNUMBER(C5)),IF(ROUND(E5,2)<=0.005,"Green",IF(ROUND(E5,2)>MIN(0.05*ABS(C5),250000),"Red","Amber")),"")',
    );
  });

  it("writes a Budget RAG by the '2% to 5% Amber, >5% Red' rule under the table", () => {
    const a = analyseProjects(WITH_NOTE);
    expect(projectFindings(a)).toEqual([]);
    expect(projectsOf(a)?.money?.ragRule).toBe("2% to 5% Amber, >5% Red");
    const rag = columnWrite(a, "Budget RAG");
    expect(rag?.cells.map((c) => c.value)).toEqual(["Green", "Amber", "Red", "Green", ""]);
    expect(rag?.cells[0]?.formula).toBe(
      '=IF(AND(ISNUMBER(E2),ISNUMBER(C2)),IF(ROUND(E2,2)<=0.005,"Green",IF(ROUND(E2,2)>0.05*ABS(C2),"Red",IF(ROUND(E2,2)>=0.02*ABS(C2),"Amber","Green"))),"")',
    );
  });

  it("applies a stated £250k amount in pounds to a £'000 table, in the check and the formula", () => {
    const rows: Entry[][] = [
      ["RAG: Red if over £250k or 5%"],
      ["Project", "SRO", "Budget £'000", "Forecast £'000", "Variance £'000", "Cost RAG"],
      ["Depot", "Director A", 10000, 10300, 300, "Red"],
      ["Hub", "Director B", 10000, 10200, 200, "Red"],
      ["Pool", "Director C", 1000, 1040, 40, "Amber"],
    ];
    const a = analyseProjects(rows);
    // 300 (£300,000) is over £250,000: Red; 200 (£200,000) is under both: Amber; 40 is 4%: Amber.
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "F4", expected: "Amber", actual: "Red" },
    ]);
    const withoutRag = analyseProjects(rows.map((r) => r.slice(0, 5)));
    const rag = columnWrite(withoutRag, "Budget RAG");
    expect(rag?.cells.map((c) => c.value)).toEqual(["Red", "Amber", "Amber"]);
    expect(rag?.cells[0]?.formula).toContain("MIN(0.05*ABS(C3)*1000,250000)");
  });

  it("with no rule on the sheet, the council's RAG column is checked and written under the settings' rule", () => {
    const rows = COST_MONITOR.slice(2);
    const a = analyseProjects(rows);
    // Fleet: £100,000 over on £5,000,000 reaches the lower of 5% (£250,000) and £100,000: Red.
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "F3", expected: 0.02, actual: -0.02 },
      { code: "variance-mismatch", cell: "G3", expected: "Red", actual: "Green" },
    ]);
    expect(a.findings.find((x) => x.cell === "G3")?.message).toContain(
      "(the settings' rule; the sheet states none)",
    );
    const rag = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 6,
    );
    expect(rag?.header).toBeNull();
    expect(rag?.cells.map((c) => c.value)).toEqual(["Red", "Red", "", "Amber"]);
  });

  it("leaves a Delivery RAG alone and checks the Budget RAG beside it", () => {
    const rows: Entry[][] = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Delivery RAG", "Budget RAG"],
      // Delivery is the project's judgement: Red on a line on budget is no error.
      ["Depot", "Director A", 650000, 690000, 40000, "Green", "Amber"],
      ["Hub", "Director B", 200000, 195000, -5000, "Red", "Green"],
    ];
    const a = analyseProjects(rows);
    expect(projectsOf(a)?.money?.columns).toMatchObject({ rag: "G" });
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "G2", expected: "Red", actual: "Amber" },
    ]);
    const written = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(written.some((o) => o.column === 5)).toBe(false);
    expect(written.filter((o) => /RAG/.test(o.title)).map((o) => o.column)).toEqual([6]);
  });
});

describe("projects with money: tbc lines", () => {
  // Depot's budget and Pool's forecast are tbc. The Budget total (400,000) counts the fully
  // confirmed lines only, leaving Pool's 200,000 out; the Forecast total counts every figure the
  // column has (Depot's 50,000 in): both are accepted, as budget tables accept them.
  const rows: Entry[][] = [
    ["Project", "SRO", "Budget £", "Forecast £", "Variance £"],
    ["Hub", "Director A", 100000, 110000, 10000],
    ["Depot", "Director B", "tbc", 50000, null],
    ["Pool", "Director C", 200000, "tbc", null],
    ["Roads", "Director D", 300000, 290000, -10000],
    ["Total", null, 400000, 450000, 0],
  ];

  it("gives one note per tbc line and accepts the totals without the tbc lines' figures", () => {
    const a = analyseProjects(rows);
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`)).toEqual([
      "info unconfirmed-funding@C3: Budget £ tbc for Depot: left out of variance and totals",
      "info unconfirmed-funding@D4: Forecast £ tbc for Pool: left out of variance and totals",
    ]);
  });

  it("accepts a forecast total of the confirmed lines only", () => {
    const confirmedOnly = rows.map((r, i) => (i === 5 ? ["Total", null, 400000, 400000, 0] : r));
    expect(projectFindings(analyseProjects(confirmedOnly))).toEqual([]);
  });

  it("still reports a total wrong either way", () => {
    const wrong = rows.map((r, i) => (i === 5 ? ["Total", null, 400000, 470000, 0] : r));
    expect(projectFindings(analyseProjects(wrong))).toEqual([
      { code: "total-mismatch", cell: "D6", expected: 450000, actual: 470000 },
    ]);
  });
});

const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: projects money recalculation test skipped");

/** The Projects sheet's rows after apply (formulas written) and a LibreOffice recalculation. */
async function appliedAndRecalculated(sheetRows: Entry[][]) {
  const dir = tempDir("cs-projects-");
  const input = path.join(dir, "projects.xlsx");
  await writeXlsx(input, [{ name: "Projects", rows: sheetRows.map((r) => [...r]) }]);
  const { sheets } = await appliedInLibreOffice(soffice ?? "", input);
  return sheets[0]?.rows ?? [];
}

withOffice("projects with money, after apply and LibreOffice", () => {
  it("holds the stated rule's RAG and the Variance % on every line", async () => {
    const rows = await appliedAndRecalculated(WITH_NOTE);
    const header = rows[0]?.map((c) => c?.value ?? null) ?? [];
    const column = (title: string) => header.indexOf(title);
    const read = (title: string) => rows.slice(1, 6).map((r) => r?.[column(title)]?.value ?? null);
    expect(read("Budget RAG")).toEqual(["Green", "Amber", "Red", "Green", null]);
    expect(read("Variance %")).toEqual([0.01, 0.03, 0.06, -0.1, null]);
  });

  it("holds the settings' rule's RAG in the council's own Cost RAG column where the sheet states none", async () => {
    const rows = await appliedAndRecalculated(COST_MONITOR.slice(2));
    expect(rows[0]?.[6]?.value).toBe("Cost RAG");
    // Fleet, £100,000 over on £5,000,000, reaches the settings' £100,000: Red; Depot is tbc.
    expect(rows.slice(1, 5).map((r) => r?.[6]?.value ?? null)).toEqual([
      "Red",
      "Red",
      null,
      "Amber",
    ]);
  });
});
