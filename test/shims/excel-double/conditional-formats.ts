/**
 * Range.conditionalFormats (ExcelApi 1.6): ConditionalFormatCollection.add and the custom
 * (formula) type with its font and fill colours, and loading the formats that intersect a range
 * with their type and rule formula. Sources in README.md ("Conditional formats").
 */
import { intersects, type Area } from "./a1";
import type { DoubleContext, SheetRef } from "./context";
import { OfficeError, type DoubleConditionalFormat } from "./model";
import { Proxy_ } from "./proxy";

const COLOUR = /^#[0-9a-f]{6}$/i;

/** What a queued conditional-format command carries; applied by applyConditionalFormatOp. */
export interface CfCommand {
  format: DoubleConditionalFormat;
  field?: "formula" | "fill" | "fontColor";
  value?: string;
}

/** Applies "cfAdd" (the format joins the sheet, over the range) and "cfSet" (one property). */
export function applyConditionalFormatOp(
  formats: DoubleConditionalFormat[],
  op: string,
  data: CfCommand,
  area: Area,
): void {
  if (op === "cfAdd") {
    data.format.area = area;
    formats.push(data.format);
    return;
  }
  const { format, field, value = "" } = data;
  if (field === "formula") {
    // A rule formula is a formula: Excel refuses text that is not one.
    if (!value.startsWith("=")) throw new OfficeError("InvalidArgument", `Not a formula: ${value}`);
    format.formula = value;
  } else if (field === "fill" || field === "fontColor") {
    if (!COLOUR.test(value)) throw new OfficeError("InvalidArgument", `Not a colour: ${value}`);
    format[field] = value;
  }
}

/** One loaded ConditionalFormat: `type`, and `custom.rule.formula` for the custom type. */
class DoubleConditionalFormatItem extends Proxy_ {
  readonly custom: { rule: Proxy_ & { readonly formula: string } };
  constructor(
    ctx: DoubleContext,
    private readonly format: DoubleConditionalFormat,
  ) {
    super(ctx);
    class Rule extends Proxy_ {
      get formula(): string {
        return this.read("formula");
      }
      protected override compute(prop: string): unknown {
        if (prop === "formula") return format.formula;
        if (prop === "isNullObject") return false;
        return super.compute(prop);
      }
    }
    this.custom = { rule: new Rule(ctx) };
  }
  get type(): string {
    return this.read("type");
  }
  protected override compute(prop: string): unknown {
    if (prop === "type") return this.format.type;
    if (prop === "isNullObject") return false;
    return super.compute(prop);
  }
}

/** A custom format just added: setters queue commands, as on any proxy. */
function addedFormat(
  queue: (op: string, data: CfCommand) => void,
  format: DoubleConditionalFormat,
) {
  const set = (field: CfCommand["field"]) => ({
    set: (value: string) => queue("cfSet", { format, field, value }),
  });
  const rule = Object.defineProperty({}, "formula", set("formula"));
  const fill = Object.defineProperty({}, "color", set("fill"));
  const font = Object.defineProperty({}, "color", set("fontColor"));
  return { custom: { rule, format: { fill, font } } };
}

/** Range.conditionalFormats: the formats that intersect the range. */
export class DoubleConditionalFormats extends Proxy_ {
  constructor(
    ctx: DoubleContext,
    private readonly sheetRef: SheetRef,
    private readonly area: () => Area | null,
    private readonly queue: (op: string, data: CfCommand) => void,
  ) {
    super(ctx);
    ctx.require("1.6", "Range.conditionalFormats");
  }
  get items(): DoubleConditionalFormatItem[] {
    return this.read("items");
  }
  override load(props: string): this {
    this.pending.add("items");
    this.itemProps = props
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.track(this);
    return this;
  }
  private itemProps: string[] = [];
  override resolve(): Record<string, unknown> {
    if (!this.pending.has("items")) return {};
    this.pending.clear();
    const sheet = this.ctx.resolveSheet(this.sheetRef);
    const within = this.area();
    const found =
      sheet && within
        ? (sheet.conditionalFormats ?? []).filter((f) => f.area && intersects(f.area, within))
        : [];
    const items = found.map((f) => {
      const item = new DoubleConditionalFormatItem(this.ctx, f);
      item.pending = new Set(this.itemProps);
      return item;
    });
    this.loaded.set("items", items);
    return { items: items.map((i) => i.resolve()) };
  }
  /** ConditionalFormatCollection.add(type): the double models the custom (formula) type. */
  add(type: string) {
    if (type !== "Custom") throw new Error(`The double models custom conditional formats only`);
    const format: DoubleConditionalFormat = { type: "Custom", formula: "", area: null };
    this.queue("cfAdd", { format });
    return addedFormat(this.queue, format);
  }
}
