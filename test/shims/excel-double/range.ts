import { parseLocal, renderAddress, type Area } from "./a1";
import { formulaAreas, isUnbounded, visibleAreas } from "./areas";
import type { DoubleContext, SheetRef } from "./context";
import { key, type DoubleCell, type DoubleSheet, type Value } from "./model";
import { Proxy_ } from "./proxy";
import { DoubleConditionalFormats } from "./conditional-formats";

type Grid = Value[][] | Value;

/** Excel.Range (and, from getSpecialCellsOrNullObject, Excel.RangeAreas). */
export class DoubleRange extends Proxy_ {
  readonly format: {
    font: { bold: boolean; italic: boolean; color: string };
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    columnWidth: number;
    rowHeight: number;
    fill: { color: string };
    borders: { getItem(edge: string): { style: string } };
  };
  readonly dataValidation: { rule: unknown };
  constructor(
    ctx: DoubleContext,
    readonly sheetRef: SheetRef,
    /** The area, worked out when the command runs (a used range is known only then). */
    readonly areaNow: () => Area | null,
    private readonly areas?: () => Area[] | null,
    /** Set for ranges got by address: known before any sync. */
    private readonly address_?: Area,
  ) {
    super(ctx);
    const range = this;
    const setter = (op: string) => ({
      set: (v: unknown) => range.queue(op, v),
      get: () => {
        throw new Error(`PropertyNotLoaded: format.${op}`);
      },
    });
    const font = {};
    Object.defineProperty(font, "bold", setter("bold"));
    Object.defineProperty(font, "italic", setter("italic"));
    Object.defineProperty(font, "color", setter("fontColor"));
    // RangeFill.color and RangeFormat.columnWidth are read back after load() and a sync
    // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill, …/excel.rangeformat).
    const loadAs = (prefix: string, target: object) => (props: string) => {
      range.load(
        props
          .split(",")
          .map((p) => `${prefix}${p.trim()}`)
          .join(","),
      );
      return target;
    };
    const fill: Record<string, unknown> = {};
    Object.defineProperty(fill, "color", {
      set: (v: unknown) => range.queue("fill", v),
      get: () => range.read("format/fill/color"),
    });
    fill.load = loadAs("format/fill/", fill);
    const format: Record<string, unknown> = {
      font,
      fill,
      borders: {
        getItem: (edge: string) => {
          const border = {};
          Object.defineProperty(border, "style", {
            set: (v: string) => range.queue("border", { edge, style: v }),
          });
          return border;
        },
      },
    };
    Object.defineProperty(format, "wrapText", setter("wrap"));
    Object.defineProperty(format, "horizontalAlignment", setter("horizontalAlignment"));
    Object.defineProperty(format, "verticalAlignment", setter("verticalAlignment"));
    Object.defineProperty(format, "columnWidth", {
      set: (v: unknown) => range.queue("columnWidth", v),
      get: () => range.read("format/columnWidth"),
    });
    format.load = loadAs("format/", format);
    Object.defineProperty(format, "rowHeight", setter("rowHeight"));
    this.format = format as unknown as DoubleRange["format"];
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
  /** Range.conditionalFormats (ExcelApi 1.6): the formats that intersect the range. */
  get conditionalFormats(): DoubleConditionalFormats {
    return new DoubleConditionalFormats(this.ctx, this.sheetRef, this.areaNow, (op, data) =>
      this.queue(op, data),
    );
  }
  queue(op: string, data: unknown): void {
    // The area is worked out when the command runs (a used range is only known then); a range
    // got by address names it in the request, as Office.js sends the address.
    this.ctx.queue({
      op,
      sheet: this.sheetRef,
      area: this.address_ ?? null,
      data,
      at: this.areaNow,
    });
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }
  get values(): Value[][] {
    return this.read("values");
  }
  set values(v: Grid) {
    this.queue("values", v);
  }
  get formulas(): Value[][] {
    return this.read("formulas");
  }
  set formulas(v: Grid) {
    this.queue("formulas", v);
  }
  set formulasR1C1(v: Grid) {
    this.ctx.require("1.2", "formulasR1C1");
    this.queue("formulasR1C1", v);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: Grid) {
    this.queue("numberFormat", v);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  copyFrom(source: DoubleRange, type: string): void {
    this.ctx.require("1.9", "Range.copyFrom");
    this.queue("copyFrom", { from: source.areaNow(), type });
  }
  merge(across = false): void {
    this.ctx.require("1.2", "Range.merge");
    this.queue("merge", across);
  }
  autoFill(destination: DoubleRange, type: string): void {
    this.ctx.require("1.9", "Range.autoFill");
    this.queue("autoFill", { to: destination.areaNow(), type });
  }
  insert(direction: string): void {
    this.queue("insert", direction);
  }
  clear(applyTo = "All"): void {
    this.queue("clear", applyTo);
  }
  select(): void {
    this.queue("select", null);
  }
  getSpecialCellsOrNullObject(type: string): DoubleRange {
    this.ctx.require("1.9", "getSpecialCellsOrNullObject");
    return this.areasWithin((sheet, within) => {
      this.ctx.noteSpecial(renderAddress(sheet.name, [within]));
      return type === "Formulas" ? formulaAreas(sheet, within) : visibleAreas(sheet, within);
    });
  }
  /**
   * A range of the areas `find` picks inside this one, picked when a command runs (after the
   * commands queued before it); a null object when it picks none.
   */
  private areasWithin(find: (sheet: DoubleSheet, within: Area) => Area[]): DoubleRange {
    const sheetRef = this.sheetRef;
    return new DoubleRange(
      this.ctx,
      sheetRef,
      () => null,
      () => {
        const sheet = this.ctx.resolveSheet(sheetRef);
        const within = this.areaNow();
        if (!sheet || !within) return null;
        const found = find(sheet, within);
        return found.length > 0 ? found : null;
      },
    );
  }
  /** VBA's Range.Address stops at the last whole area within 255 characters (VBA-Docs#49). */
  private areasAddress(sheet: string, areas: Area[]): string {
    const limit = this.ctx.addressLimit;
    const whole = renderAddress(sheet, areas);
    if (limit === null || whole.length <= limit) return whole;
    let shown = 1;
    while (shown < areas.length && renderAddress(sheet, areas.slice(0, shown + 1)).length <= limit)
      shown++;
    return renderAddress(sheet, areas.slice(0, shown));
  }
  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell lies in
   * this range; a merge that only reaches into it from above or the left is not listed
   * (OfficeDev/office-js#3611, reported as marked "not a bug").
   */
  getMergedAreasOrNullObject(): DoubleRange {
    this.ctx.require("1.13", "getMergedAreasOrNullObject");
    return this.areasWithin((sheet, within) =>
      (sheet.merges ?? []).filter(
        (m) => m.r1 >= within.r1 && m.r1 <= within.r2 && m.c1 >= within.c1 && m.c1 <= within.c2,
      ),
    );
  }
  protected override compute(prop: string): unknown {
    const sheet = this.ctx.resolveSheet(this.sheetRef);
    if (this.areas) {
      const areas = sheet ? this.areas() : null;
      if (prop === "isNullObject") return areas === null;
      if (prop === "address") return areas && sheet ? this.areasAddress(sheet.name, areas) : "";
      if (prop === "areaCount") return areas?.length ?? 0;
      return super.compute(prop);
    }
    const a = sheet ? this.areaNow() : null;
    if (prop === "isNullObject") return a === null;
    if (!sheet || !a) return null;
    if (prop === "address") return renderAddress(sheet.name, [a]);
    if (prop === "rowIndex") return a.r1;
    if (prop === "columnIndex") return a.c1;
    if (prop === "rowCount") return a.r2 - a.r1 + 1;
    if (prop === "columnCount") return a.c2 - a.c1 + 1;
    const uniform = (test: (i: number) => boolean, from: number, to: number) => {
      let hidden = 0;
      for (let i = from; i <= to; i++) if (test(i)) hidden++;
      return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
    };
    if (prop === "rowHidden") return uniform((r) => sheet.hiddenRows.has(r), a.r1, a.r2);
    if (prop === "columnHidden")
      return uniform((c) => sheet.hiddenColumns?.has(c) === true, a.c1, a.c2);
    // A whole column's width in points: 48 for Excel's default 8.43 characters, 0 when hidden.
    if (prop === "format/columnWidth")
      return sheet.hiddenColumns?.has(a.c1) ? 0 : (sheet.columnWidths?.get(a.c1) ?? 48);
    // A cell without a fill reads as white.
    if (prop === "format/fill/color") return sheet.cells.get(key(a.r1, a.c1))?.fill ?? "#FFFFFF";
    // Cell-level properties of an unbounded range ("A:B", "1:4") come back as null.
    if (isUnbounded(a)) return null;
    if (prop === "values" || prop === "valueTypes") this.ctx.calculated();
    // Only the top-left cell of a merged area holds a value; the cells it covers read as empty.
    const merges = (sheet.merges ?? []).filter(
      (m) => m.r1 <= a.r2 && m.r2 >= a.r1 && m.c1 <= a.c2 && m.c2 >= a.c1,
    );
    const covered = (r: number, c: number) =>
      merges.some(
        (m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1),
      );
    const grid = (pick: (c: DoubleCell | undefined) => unknown) =>
      Array.from({ length: a.r2 - a.r1 + 1 }, (_, i) =>
        Array.from({ length: a.c2 - a.c1 + 1 }, (_, j) => {
          const r = a.r1 + i;
          const c = a.c1 + j;
          const cell = sheet.cells.get(key(r, c));
          return pick(
            cell && merges.length > 0 && covered(r, c)
              ? { ...cell, value: "", formula: undefined }
              : cell,
          );
        }),
      );
    if (prop === "values") return grid((c) => c?.value ?? "");
    if (prop === "formulas") return grid((c) => c?.formula ?? c?.value ?? "");
    if (prop === "numberFormat") return grid((c) => c?.numberFormat ?? "General");
    if (prop === "valueTypes")
      return grid((c) => {
        if (!c || (c.value === "" && !c.formula)) return "Empty";
        if (c.error) return "Error";
        return typeof c.value === "number"
          ? "Double"
          : typeof c.value === "boolean"
            ? "Boolean"
            : "String";
      });
    return super.compute(prop);
  }
}

export const areaOf = parseLocal;
