/**
 * Excel tables (ListObjects): Workbook.tables (TableCollection), Table.name / showHeaders /
 * showTotals / getRange() / columns / worksheet, TableColumn.name. From Microsoft's Excel.Table
 * page <https://learn.microsoft.com/en-us/javascript/api/excel/excel.table>: name, showHeaders
 * ("Specifies if the header row is visible"), showTotals ("Specifies if the total row is
 * visible"), getRange() ("the range object associated with the entire table") and columns are
 * ExcelApi 1.1; Table.worksheet is ExcelApi 1.2. Workbook.tables lists every table of the
 * workbook (Excel.TableCollection, ExcelApi 1.1).
 */
import type { Area } from "./a1";
import { DoubleCollection } from "./collection";
import type { DoubleContext, SheetRef } from "./context";
import { OfficeError, type DoubleSheet, type DoubleTable } from "./model";
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
    return this.part((t) => t.area);
  }
  /**
   * "Gets the range object associated with the header row of the table" (ExcelApi 1.1, Table
   * page). The page does not say what a table with its header row hidden gives: the double
   * refuses to guess and fails loudly.
   */
  getHeaderRowRange(): DoubleRange {
    return this.part((t) => {
      if (!t.showHeaders)
        throw new Error(`The double does not model ${t.name}'s hidden header row`);
      return { ...t.area, r2: t.area.r1 };
    });
  }
  /** "Gets the range object associated with the data body of the table" (ExcelApi 1.1, Table page). */
  getDataBodyRange(): DoubleRange {
    return this.part((t) => ({
      ...t.area,
      r1: t.area.r1 + (t.showHeaders ? 1 : 0),
      r2: t.area.r2 - (t.showTotals ? 1 : 0),
    }));
  }
  /**
   * "Gets the range object associated with the totals row of the table" (ExcelApi 1.1, Table
   * page); for a table with no totals row shown the double fails loudly (the page is silent).
   */
  getTotalRowRange(): DoubleRange {
    return this.part((t) => {
      if (!t.showTotals) throw new Error(`The double does not model ${t.name}'s hidden totals row`);
      return { ...t.area, r1: t.area.r2 };
    });
  }
  /**
   * Table.resize (ExcelApi 1.13): queued like every command, carried out at sync
   * (table-resize.ts holds the documented rules). Only an address string is modelled: the
   * adapter passes one.
   */
  resize(newRange: string): void {
    this.ctx.require("1.13", "Table.resize");
    if (typeof newRange !== "string")
      throw new Error("The double models Table.resize with an address string only");
    this.ctx.queue({
      op: "tableResize",
      sheet: null,
      area: null,
      data: { table: this.tableName, address: newRange },
    });
  }
  /** A range over part of the table, worked out when the command runs (after any resize). */
  private part(of: (t: DoubleTable) => Area): DoubleRange {
    const found = tableNamed(this.ctx, this.tableName);
    const ref = this.ctx.newRef(found?.sheet.name ?? null);
    if (found) this.ctx.bind(ref, found.sheet);
    return new DoubleRange(this.ctx, ref, () => {
      const now = tableNamed(this.ctx, this.tableName);
      if (!now) throw new OfficeError("ItemNotFound", `No table ${this.tableName}`);
      return of(now.table);
    });
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

/**
 * Excel.TableCollection (ExcelApi 1.1): "a collection of all the tables that are part of the
 * workbook or worksheet, depending on how it was reached"
 * <https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection>. Workbook.tables
 * lists every table, sheet by sheet in tab order; Worksheet.tables (`sheet` set) that sheet's.
 * getItem(key) "Gets a table by name or ID" (names only here: the double gives tables no ids);
 * an unknown name fails with ItemNotFound when the command runs. getCount() is ExcelApi 1.4.
 */
export class DoubleTables extends DoubleCollection<DoubleTableProxy> {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: SheetRef | null = null,
  ) {
    super(ctx);
  }
  private tablesNow(): DoubleTable[] {
    if (!this.sheet) return this.ctx.book.sheets.flatMap((s: DoubleSheet) => s.tables ?? []);
    return this.ctx.resolveSheet(this.sheet)?.tables ?? [];
  }
  protected itemsNow(): DoubleTableProxy[] {
    return this.tablesNow().map((t) => new DoubleTableProxy(this.ctx, t.name));
  }
  getItem(name: string): DoubleTableProxy {
    const onSheet = this.sheet;
    const item = new DoubleTableProxy(this.ctx, name);
    // A sheet's collection holds only that sheet's tables.
    if (onSheet)
      this.ctx.queue({ op: "tableOnSheet", sheet: onSheet, area: null, data: { table: name } });
    return item;
  }
  /** TableCollection.getCount() (ExcelApi 1.4): a ClientResult whose value is read after a sync. */
  getCount(): { readonly value: number } {
    this.ctx.require("1.4", "TableCollection.getCount");
    const tables = this;
    class Count extends Proxy_ {
      get value(): number {
        return this.read("value");
      }
      protected override compute(prop: string): unknown {
        if (prop === "value") return tables.tablesNow().length;
        if (prop === "isNullObject") return false;
        return super.compute(prop);
      }
    }
    return new Count(this.ctx).load("value");
  }
}
