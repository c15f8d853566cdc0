import { MAX_COLUMN, MAX_ROW, parseLocal, renderAddress } from "./a1";
import { usedArea } from "./areas";
import type { DoubleContext, SheetRef } from "./context";
import { OfficeError, type DoubleSheet } from "./model";
import { Proxy_ } from "./proxy";
import { DoubleRange } from "./range";
import { DoubleTables } from "./tables";

export class DoubleWorksheet extends Proxy_ {
  readonly pageLayout: Record<string, unknown> & {
    setPrintTitleRows(r: string): void;
    setPrintArea(address: string): void;
    getPrintAreaOrNullObject(): Proxy_;
  };
  readonly protection: Proxy_ & { readonly protected: boolean };
  constructor(
    ctx: DoubleContext,
    readonly ref: SheetRef,
    private readonly kind: "item" | "orNull" = "item",
  ) {
    super(ctx);
    const ws = this;
    const layout: Record<string, unknown> = {};
    this.pageLayout = new Proxy(
      Object.assign(layout, {
        setPrintTitleRows: (r: string) =>
          ctx.queue({ op: "printTitles", sheet: ws.ref, area: null, data: r }),
        // PageLayout.setPrintArea / getPrintAreaOrNullObject (ExcelApi 1.9): the area as
        // RangeAreas, its address each block with its sheet ("Sheet1!A1:B4, Sheet1!D1:D4"),
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeareas .
        setPrintArea: (address: string) => {
          ctx.require("1.9", "PageLayout.setPrintArea");
          ctx.queue({ op: "printArea", sheet: ws.ref, area: null, data: address });
        },
        getPrintAreaOrNullObject: () => {
          ctx.require("1.9", "PageLayout.getPrintAreaOrNullObject");
          return new PrintArea(ctx);
        },
      }),
      {
        set(target, prop, value) {
          ctx.require("1.9", "pageLayout");
          ctx.queue({ op: `page.${String(prop)}`, sheet: ws.ref, area: null, data: value });
          target[prop as string] = value;
          return true;
        },
      },
    );
    class SheetProtection extends Proxy_ {
      get protected(): boolean {
        return this.read("protected");
      }
      override load(props: string): this {
        ctx.require("1.2", "WorksheetProtection");
        return super.load(props);
      }
      protected override compute(prop: string): unknown {
        const sheet = ctx.resolveSheet(ws.ref);
        if (prop === "isNullObject") return !sheet;
        if (prop === "protected") return sheet?.protected === true;
        return super.compute(prop);
      }
    }
    this.protection = new SheetProtection(ctx);
    class PrintArea extends Proxy_ {
      get address(): string {
        return this.read("address");
      }
      get areaCount(): number {
        return this.read("areaCount");
      }
      protected override compute(prop: string): unknown {
        const sheet = ctx.resolveSheet(ws.ref);
        const areas = sheet?.printArea ?? [];
        if (prop === "isNullObject") return areas.length === 0;
        if (prop === "address") return sheet ? renderAddress(sheet.name, areas) : null;
        if (prop === "areaCount") return areas.length;
        return super.compute(prop);
      }
    }
  }
  bindTo(sheet: DoubleSheet): void {
    this.ctx.bind(this.ref, sheet);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.queue({ op: "rename", sheet: this.ref, area: null, data: v });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.ctx.queue({ op: "visibility", sheet: this.ref, area: null, data: v });
  }
  /**
   * Worksheet.tables (ExcelApi 1.1): "Collection of tables that are part of the worksheet"
   * <https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-tables-member>.
   */
  get tables(): DoubleTables {
    return new DoubleTables(this.ctx, this.ref);
  }
  getRange(address?: string): DoubleRange {
    const area = address ? parseLocal(address) : { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COLUMN };
    return new DoubleRange(this.ctx, this.ref, () => area, undefined, area);
  }
  getUsedRangeOrNullObject(valuesOnly = false): DoubleRange {
    this.ctx.require("1.4", "getUsedRangeOrNullObject");
    return new DoubleRange(this.ctx, this.ref, () => {
      const sheet = this.ctx.resolveSheet(this.ref);
      return sheet ? usedArea(sheet, valuesOnly) : null;
    });
  }
  /** Worksheet.copy (ExcelApi 1.7): the copy is named "<name> (2)" and can be renamed after. */
  copy(position = "None"): DoubleWorksheet {
    this.ctx.require("1.7", "Worksheet.copy");
    const copyRef = this.ctx.newRef(null);
    this.ctx.queue({ op: "copySheet", sheet: this.ref, area: null, data: { copyRef, position } });
    return new DoubleWorksheet(this.ctx, copyRef);
  }
  activate(): void {
    this.ctx.queue({ op: "activate", sheet: this.ref, area: null, data: null });
  }
  protected override compute(prop: string): unknown {
    const sheet = this.ctx.resolveSheet(this.ref);
    if (prop === "isNullObject") return !sheet;
    if (!sheet && this.kind === "item")
      throw new OfficeError("ItemNotFound", `No sheet ${this.ref.lookup}`);
    if (prop === "name") return sheet?.name ?? null;
    if (prop === "visibility") return sheet ? (sheet.visibility ?? "Visible") : null;
    return super.compute(prop);
  }
}
