import type { CellValue } from "../../src/core/snapshot";
import type { ColumnWrite, WritePlan } from "../../src/core/plan";

/**
 * Every formula a plan wrote whose value, as a recalculating engine (LibreOffice) computed it and
 * `at` reads it back, differs from the value the plan cached: "Sheet Title row N: got vs cached".
 */
export function writtenCellsDisagreeing(
  plan: WritePlan | undefined,
  at: (sheet: string, row: number, column: number) => CellValue | undefined,
): string[] {
  const planned = (plan?.operations ?? []).filter((o): o is ColumnWrite => o.kind === "column");
  return planned.flatMap((op) =>
    op.cells
      .filter((c) => c.formula !== null)
      .filter((c) => {
        const got = at(op.sheet, c.row, op.column);
        return typeof c.value === "number" && typeof got === "number"
          ? Math.abs(got - c.value) > 1e-9
          : (got ?? "") !== c.value;
      })
      .map(
        (c) =>
          `${op.sheet} ${op.title} row ${c.row + 1}: ${String(at(op.sheet, c.row, op.column))} vs ${String(c.value)}`,
      ),
  );
}
