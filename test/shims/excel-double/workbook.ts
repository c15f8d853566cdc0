/** Workbook collections: worksheets and workbook-scoped defined names. */
import { DoubleCollection } from "./collection";
import type { DoubleContext } from "./context";
import { Proxy_ } from "./proxy";
import { DoubleWorksheet } from "./worksheet";

export class DoubleWorksheets extends DoubleCollection<DoubleWorksheet> {
  /** Only "items/…" names a sheet's property here; a bare name loads nothing on the items. */
  protected override itemPropsOf(props: string): string[] {
    return props
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
  }
  protected itemsNow(): DoubleWorksheet[] {
    return this.ctx.book.sheets.map((s) => {
      const ws = new DoubleWorksheet(this.ctx, this.ctx.newRef(s.name));
      ws.bindTo(s);
      return ws;
    });
  }
  getItem(name: string): DoubleWorksheet {
    return new DoubleWorksheet(this.ctx, this.ctx.newRef(name), "item");
  }
  getItemOrNullObject(name: string): DoubleWorksheet {
    this.ctx.require("1.4", "getItemOrNullObject");
    return new DoubleWorksheet(this.ctx, this.ctx.newRef(name), "orNull");
  }
  add(name: string): DoubleWorksheet {
    const ref = this.ctx.newRef(null);
    this.ctx.queue({ op: "addSheet", sheet: ref, area: null, data: name });
    return new DoubleWorksheet(this.ctx, ref, "item");
  }
}

export class DoubleNamedItem extends Proxy_ {
  constructor(
    ctx: DoubleContext,
    readonly ref: string,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  /** NamedItem.visible is read/write (ExcelApi 1.1): a hidden name is not listed in Name Manager. */
  set visible(v: boolean) {
    this.ctx.queue({ op: "nameVisible", sheet: null, area: null, data: { name: this.ref, v } });
  }
  protected override compute(prop: string): unknown {
    const item = this.ctx.book.names.find((n) => n.name.toLowerCase() === this.ref.toLowerCase());
    if (prop === "isNullObject") return !item;
    if (!item) return null;
    if (prop === "name") return item.name;
    if (prop === "formula") {
      this.ctx.require("1.7", "NamedItem.formula");
      return item.formula;
    }
    if (prop === "visible") return item.visible;
    if (prop === "type") return "Range";
    return super.compute(prop);
  }
}

export class DoubleNames extends DoubleCollection<DoubleNamedItem> {
  protected itemsNow(): DoubleNamedItem[] {
    return this.ctx.book.names.map((n) => new DoubleNamedItem(this.ctx, n.name));
  }
  /** NamedItemCollection.add(name, reference, comment), ExcelApi 1.4. */
  add(name: string, reference: string, comment?: string): DoubleNamedItem {
    this.ctx.require("1.4", "NamedItemCollection.add");
    this.ctx.queue({ op: "addName", sheet: null, area: null, data: { name, reference, comment } });
    return new DoubleNamedItem(this.ctx, name);
  }
}
