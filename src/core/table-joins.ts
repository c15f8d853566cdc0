import { rangeAddress } from "./a1";
import type { ColumnWrite, JoiningColumn, TableJoin, WritePlan } from "./plan";
import type { ExcelTable, WorkbookSnapshot } from "./snapshot";

/**
 * New calculated columns written just right of an Excel table (ListObject) become columns of it,
 * as Excel makes a column typed beside a table part of it ("Tables", ISO/IEC 29500-1 §18.5: a
 * column is added by typing a new heading right of the table's headings): the table's style,
 * filter buttons and totals row then cover Score, Priority, Variance % as they cover the council's
 * own columns, and structured references can name them. A column joins when its header goes on
 * the table's header row, it is the next column right of the table (or of a column joining it),
 * its name is not already one of the table's, and the plan inserts no columns (an insert moves
 * the table first; the file writer's insert keeps it as it is).
 */
function joiningColumn(op: ColumnWrite, table: ExcelTable): JoiningColumn {
  const dataTop = table.firstRow + 1;
  const dataBottom = table.lastRow - (table.showTotals ? 1 : 0);
  const first = op.cells.find((c) => c.row === dataTop);
  const totals = table.showTotals ? op.cells.find((c) => c.row === table.lastRow) : undefined;
  const data = op.cells.filter((c) => c.row >= dataTop && c.row <= dataBottom);
  const calculated =
    op.filledDown && first?.formula && data.length === dataBottom - dataTop + 1
      ? first.formula
      : undefined;
  return {
    column: op.column,
    name: op.header?.text ?? "",
    ...(calculated ? { calculated } : {}),
    ...(totals?.formula ? { totals: totals.formula } : {}),
  };
}

/** The tables the plan's new columns join, and which columns join each. */
export function tableJoins(snapshot: WorkbookSnapshot, plan: WritePlan): TableJoin[] {
  if (plan.operations.some((op) => op.kind === "insert-columns")) return [];
  const joins: TableJoin[] = [];
  for (const sheet of snapshot.sheets) {
    const ops = plan.operations.filter(
      (op): op is ColumnWrite => op.kind === "column" && op.sheet === sheet.name,
    );
    for (const table of sheet.tables ?? []) {
      if (!table.showHeaders) continue;
      const names = new Set(table.columns.map((c) => c.toLowerCase()));
      const columns: JoiningColumn[] = [];
      for (let next = table.lastColumn + 1; ; next++) {
        const op = ops.find((o) => o.column === next && o.header?.row === table.firstRow);
        const name = op?.header?.text.trim();
        const outside = op?.cells.some((c) => c.row < table.firstRow || c.row > table.lastRow);
        if (!op || !name || names.has(name.toLowerCase()) || outside) break;
        names.add(name.toLowerCase());
        columns.push(joiningColumn(op, table));
      }
      if (columns.length === 0) continue;
      const last = table.lastColumn + columns.length;
      const range = rangeAddress(table.firstRow, table.firstColumn, table.lastRow, last);
      joins.push({ sheet: sheet.name, table: table.name, range, columns });
    }
  }
  return joins;
}

/** The plan with the tables its new columns join, for every writer to carry out. */
export function withTableJoins(snapshot: WorkbookSnapshot, plan: WritePlan): WritePlan {
  const joins = tableJoins(snapshot, plan);
  return joins.length ? { ...plan, tableJoins: joins } : plan;
}
