import type { DoubleContext } from "./context";
import { areaOf, Proxy_ } from "./model";
import { DoubleRange } from "./range";

export class DoubleWorksheet extends Proxy_ {
  readonly pageLayout: Record<string, unknown> & { setPrintTitleRows(r: string): void };
  constructor(
    ctx: DoubleContext,
    private ref: string | null,
  ) {
    super(ctx);
    const ws = this;
    const layout: Record<string, unknown> = {};
    this.pageLayout = new Proxy(
      Object.assign(layout, {
        setPrintTitleRows: (r: string) =>
          ctx.queue({ op: "printTitles", sheet: ws.ref, area: null, data: r }),
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
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    const from = this.ref;
    this.ctx.queue({ op: "rename", sheet: from, area: null, data: v });
    this.ref = v;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  getRange(address?: string): DoubleRange {
    return new DoubleRange(
      this.ctx,
      this.ref,
      address ? areaOf(address) : { r1: 0, c1: 0, r2: 1048575, c2: 16383 },
    );
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): DoubleRange {
    const ref = this.ref;
    return new DoubleRange(this.ctx, ref, null, "special", () =>
      ref ? this.ctx.usedArea(ref) : null,
    );
  }
  copy(_position: string): DoubleWorksheet {
    this.ctx.require("1.7", "Worksheet.copy");
    const copyRef = `${this.ref} (copy ${Math.random()})`;
    this.ctx.queue({ op: "copySheet", sheet: this.ref, area: null, data: copyRef });
    return new DoubleWorksheet(this.ctx, copyRef);
  }
  activate(): void {
    this.ctx.queue({ op: "activate", sheet: this.ref, area: null, data: null });
  }
  protected override compute(prop: string): unknown {
    const sheet = this.ref === null ? undefined : this.ctx.sheet(this.ref);
    if (prop === "isNullObject") return !sheet;
    if (prop === "name") return sheet?.name;
    return super.compute(prop);
  }
}
