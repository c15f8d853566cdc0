import { describePlan } from "../../src/core/plan-changes";
import type { WritePlan } from "../../src/core/plan";
import { sheet, workbook } from "../helpers/builders";

/**
 * The "now show a different value" list counts figures that change, not float noise: a typed
 * −0.7 replaced by a formula Excel computes as −0.7000000000000028 shows −0.7 all the same.
 * A penny is always a change, in pounds and in £m (eight decimals).
 */
const typed = [-0.7, 12.5, 1.23456789, 50636807.1];
const computed = [-0.7000000000000028, 12.51, 1.2345679, 50636807.1 + 4e-9];

function changes(): { cell: string; valueChanged: boolean }[] {
  const snapshot = workbook(sheet("S", [["Variance"], ...typed.map((v) => [v])]));
  const plan: WritePlan = {
    operations: [
      {
        kind: "column",
        sheet: "S",
        table: "A1:A5",
        column: 0,
        title: "Variance",
        header: null,
        cells: computed.map((value, k) => ({ row: k + 1, formula: `=B${k + 2}-C${k + 2}`, value })),
      },
    ],
  };
  return describePlan(snapshot, plan, { valuesOnly: false }).changed.map((c) => ({
    cell: c.cell,
    valueChanged: c.valueChanged,
  }));
}

describe("changed values in the write summary", () => {
  it("are compared as figures, so float noise is no change and a penny is one", () => {
    expect(changes()).toEqual([
      { cell: "A2", valueChanged: false },
      { cell: "A3", valueChanged: true },
      { cell: "A4", valueChanged: true },
      { cell: "A5", valueChanged: false },
    ]);
  });
});
