import type { DoubleContext } from "./context";
import { addressOf, key, Proxy_, type Area, type DoubleCell, type Value } from "./model";

export class DoubleRange extends Proxy_ {
  readonly format: {
    font: { bold: boolean; italic: boolean };
    wrapText: boolean;
    columnWidth: number;
    rowHeight: number;
    fill: { color: string };
    borders: { getItem(edge: string): { style: string } };
  };
  readonly dataValidation: { rule: unknown };
  constructor(
    ctx: DoubleContext,
    readonly sheetName: string | null,
    readonly area: Area | null,
    private readonly kind: "range" | "special" = "range",
    private readonly special?: () => Area[] | null,
  ) {
    super(ctx);
    const range = this;
    this.format = {
      font: {
        set bold(v: boolean) {
          range.queue("bold", v);
        },
        get bold(): boolean {
          throw new Error("PropertyNotLoaded: format.font.bold");
        },
        set italic(v: boolean) {
          range.queue("italic", v);
        },
        get italic(): boolean {
          throw new Error("PropertyNotLoaded: format.font.italic");
        },
      },
      set rowHeight(v: number) {
        range.queue("height", v);
      },
      fill: {
        set color(v: string) {
          range.queue("fill", v);
        },
        get color(): string {
          throw new Error("PropertyNotLoaded: format.fill.color");
        },
      },
      borders: {
        getItem: (edge: string) => ({
          set style(v: string) {
            range.queue("border", { edge, style: v });
          },
          get style(): string {
            throw new Error("PropertyNotLoaded: format.borders.style");
          },
        }),
      },
      get rowHeight(): number {
        throw new Error("PropertyNotLoaded: format.rowHeight");
      },
      set wrapText(v: boolean) {
        range.queue("wrap", v);
      },
      get wrapText(): boolean {
        throw new Error("PropertyNotLoaded: format.wrapText");
      },
      set columnWidth(v: number) {
        range.queue("width", v);
      },
      get columnWidth(): number {
        throw new Error("PropertyNotLoaded: format.columnWidth");
      },
    };
    this.dataValidation = {
      set rule(v: unknown) {
        ctx.require("1.8", "dataValidation");
        range.queue("validation", v);
      },
      get rule(): unknown {
        throw new Error("PropertyNotLoaded: dataValidation.rule");
      },
    };
  }
  private queue(op: string, data: unknown): void {
    this.ctx.queue({ op, sheet: this.sheetName, area: this.area, data });
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get values(): Value[][] {
    return this.read("values");
  }
  set values(v: Value[][]) {
    this.queue("values", v);
  }
  get formulas(): Value[][] {
    return this.read("formulas");
  }
  set formulas(v: Value[][]) {
    this.queue("formulas", v);
  }
  set numberFormat(v: string[][]) {
    this.queue("numberFormat", v);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  copyFrom(source: DoubleRange, type: string): void {
    this.ctx.require("1.9", "Range.copyFrom");
    this.queue("copyFrom", { from: source.area, type });
  }
  merge(across: boolean): void {
    this.queue("merge", across);
  }
  autoFill(destination: DoubleRange, type: string): void {
    this.ctx.require("1.9", "Range.autoFill");
    this.queue("autoFill", { to: destination.area, type });
  }
  insert(direction: string): void {
    this.queue("insert", direction);
  }
  select(): void {
    this.queue("select", null);
  }
  getSpecialCellsOrNullObject(type: string): DoubleRange {
    this.ctx.require("1.9", "getSpecialCellsOrNullObject");
    const sheetName = this.sheetName;
    return new DoubleRange(this.ctx, sheetName, this.area, "special", () =>
      sheetName ? this.ctx.specialAreas(sheetName, type) : null,
    );
  }
  protected override compute(prop: string): unknown {
    if (this.kind === "special") {
      const areas = this.special?.() ?? null;
      if (prop === "isNullObject") return areas === null || areas.length === 0;
      if (prop === "address")
        return areas && areas.length > 0
          ? areas.map((a) => addressOf(this.sheetName ?? "", a)).join(",")
          : "";
      if (prop === "rowCount") return areas?.[0] ? areas[0].r2 - areas[0].r1 + 1 : null;
    }
    const sheet = this.sheetName === null ? undefined : this.ctx.sheet(this.sheetName);
    if (prop === "isNullObject") return !sheet || this.area === null;
    if (!sheet || !this.area) return null;
    const a = this.area;
    if (prop === "address") return addressOf(sheet.name, a);
    if (prop === "rowCount") return a.r2 - a.r1 + 1;
    const grid = (pick: (c: DoubleCell | undefined) => Value) =>
      Array.from({ length: a.r2 - a.r1 + 1 }, (_, i) =>
        Array.from({ length: a.c2 - a.c1 + 1 }, (_, j) =>
          pick(sheet.cells.get(key(a.r1 + i, a.c1 + j))),
        ),
      );
    if (prop === "values") return grid((c) => c?.value ?? "");
    if (prop === "formulas") return grid((c) => c?.formula ?? c?.value ?? "");
    if (prop === "numberFormat") return grid((c) => c?.numberFormat ?? "General");
    return super.compute(prop);
  }
}
