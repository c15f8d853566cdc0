import { tablesText, writesText } from "../../src/cli/report";
import { analyseWorkbook } from "../../src/core/analyse";
import { displayedValue } from "../../src/core/number-format-shown";
import { describePlan } from "../../src/core/plan-changes";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Cosmetics the new-user trial (t12c, w6 and w7) found: a money figure in a cell with no number
 * format read "25200 -> 22500" in the change list while formatted ones read "13,900 -> (13,900)";
 * and a grants register's summary line ended "years " with nothing after it.
 */
describe("money under General in the change lists", () => {
  it("reads with thousands separators, General's decimals and sign kept", () => {
    const money = { money: true };
    expect(displayedValue({ value: 25200 }, money)).toBe("25,200");
    expect(displayedValue({ value: -1234.5 }, money)).toBe("-1,234.5");
    expect(displayedValue({ value: 999 }, money)).toBe("999");
    expect(displayedValue({ value: 0.1 + 0.2 }, money)).toBe("0.3");
    // A format of its own still rules; and a figure that is not money is General's.
    expect(displayedValue({ value: -13900, numberFormat: "#,##0;(#,##0)" }, money)).toBe(
      "(13,900)",
    );
    expect(displayedValue({ value: 25200 })).toBe("25200");
  });

  it("a budget's typed variance replaced: 25,200 -> 22,500, as w6 should have read", () => {
    const rows = [
      ["Service", "Budget £", "Forecast £", "Variance £"],
      ["Parks", 120000, 142500, 25200],
      ["Libraries", 80000, 79000, -1000],
    ];
    const snapshot = workbook(sheet("Period 8", rows));
    const { plan } = analyseWorkbook(snapshot, { asOf: TODAY });
    const { changed, written } = describePlan(snapshot, plan, { valuesOnly: false });
    expect(writesText("out.xlsx", written, changed).filter((l) => l.includes("->"))).toEqual([
      '  Period 8!D2  25,200 -> 22,500  =IF(AND(ISNUMBER(C2),ISNUMBER(B2)),C2-B2,"")',
    ]);
    const variance = changed.filter((c) => c.cell.startsWith("D"));
    expect(variance.map((c) => [c.cell, c.shown.before, c.shown.after])).toEqual([
      ["D2", "25,200", "22,500"],
      ["D3", "-1,000", "-1,000"],
    ]);
  });

  it("a grants balance typed wrong: 1,150,000 -> 1,050,000", () => {
    const rows = [
      ["Grant", "Funder", "Award £", "Paid to date £", "Balance £"],
      ["Bus service improvement plan", "DfT", 2100000, 1050000, 1150000],
      ["Family hubs", "DfE", 745000, 372500, f("=C3-D3", 372500)],
    ];
    const snapshot = workbook(sheet("Grants", rows));
    const { plan, tables } = analyseWorkbook(snapshot, { asOf: TODAY });
    const { changed } = describePlan(snapshot, plan, { valuesOnly: false });
    expect(changed.map((c) => [c.cell, c.shown.before, c.shown.after])).toEqual([
      ["E2", "1,150,000", "1,050,000"],
    ]);
    // The summary line names the register's money columns, not an empty list of years.
    expect(tablesText(tables)).toEqual([
      "Tables (1)",
      expect.stringMatching(/^ {2}Grants +funding +A1:E3 +2 rows +award C {2}paid D {2}balance E$/),
    ]);
  });
});
