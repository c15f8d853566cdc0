/**
 * Excel tables (ListObjects): Workbook.tables (TableCollection), Table.name / showHeaders /
 * showTotals / getRange() / columns / worksheet, TableColumn.name. From Microsoft's Excel.Table
 * page <https://learn.microsoft.com/en-us/javascript/api/excel/excel.table>: name, showHeaders
 * ("Specifies if the header row is visible"), showTotals ("Specifies if the total row is
 * visible"), getRange() ("the range object associated with the entire table") and columns are
 * ExcelApi 1.1; Table.worksheet is ExcelApi 1.2. Workbook.tables lists every table of the
 * workbook (Excel.TableCollection, ExcelApi 1.1).
 */
import { DoubleCollection } from "./collection";
import type { DoubleContext } from "./context";
import type { DoubleSheet, DoubleTable } from "./model";
import { Proxy_ } from "./proxy";
import { DoubleRange } from "./range";
import { DoubleWorksheet } from "./worksheet";

/** The table a proxy names, found when a command runs (a renamed or deleted table is gone). */
function tableNamed(ctx: DoubleContext, name: string) {
  for (const sheet of ctx.book.sheets)
    for (const table of sheet.tables ?? [])
      if (table.name.toLowerCase() === name.toLowerCase()) return { sheet, table };
  return undefined;
}

export class DoubleTableColumn extends Proxy_ {
  constructor(
    ctx: DoubleContext,
    private readonly column: string,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read("name");
  }
  protected override compute(prop: string): unknown {
    if (prop === "isNullObject") return false;
    if (prop === "name") return this.column;
    return super.compute(prop);
  }
}

export class DoubleTableColumns extends DoubleCollection<DoubleTableColumn> {
  constructor(
    ctx: DoubleContext,
    private readonly table: string,
  ) {
    super(ctx);
  }
  protected itemsNow(): DoubleTableColumn[] {
    const found = tableNamed(this.ctx, this.table);
    return (found?.table.columns ?? []).map((c) => new DoubleTableColumn(this.ctx, c));
  }
}

export class DoubleTableProxy extends Proxy_ {
  readonly columns: DoubleTableColumns;
  constructor(
    ctx: DoubleContext,
    private readonly tableName: string,
  ) {
    super(ctx);
    this.columns = new DoubleTableColumns(ctx, tableName);
  }
  get name(): string {
    return this.read("name");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get worksheet(): DoubleWorksheet {
    this.ctx.require("1.2", "Table.worksheet");
    const found = tableNamed(this.ctx, this.tableName);
    const ws = new DoubleWorksheet(this.ctx, this.ctx.newRef(found?.sheet.name ?? null));
    if (found) ws.bindTo(found.sheet);
    return ws;
  }
  /** The whole table: header row and totals row included when they are shown. */
  getRange(): DoubleRange {
    const found = tableNamed(this.ctx, this.tableName);
    const ref = this.ctx.newRef(found?.sheet.name ?? null);
    const area = found?.table.area ?? null;
    return new DoubleRange(
      this.ctx,
      ref,
      () => tableNamed(this.ctx, this.tableName)?.table.area ?? area,
    );
  }
  protected override compute(prop: string): unknown {
    const found = tableNamed(this.ctx, this.tableName);
    if (prop === "isNullObject") return !found;
    if (!found) return null;
    if (prop === "name") return found.table.name;
    if (prop === "showHeaders") return found.table.showHeaders;
    if (prop === "showTotals") return found.table.showTotals;
    return super.compute(prop);
  }
}

/** Workbook.tables: every table, sheet by sheet in tab order, each sheet's in the order it holds them. */
export class DoubleTables extends DoubleCollection<DoubleTableProxy> {
  protected itemsNow(): DoubleTableProxy[] {
    return this.ctx.book.sheets.flatMap((s: DoubleSheet) =>
      (s.tables ?? []).map((t: DoubleTable) => new DoubleTableProxy(this.ctx, t.name)),
    );
  }
  getItem(name: string): DoubleTableProxy {
    return new DoubleTableProxy(this.ctx, name);
  }
}
