/**
 * A faithful double of the part of Excel's JavaScript API that Council Sheets uses.
 *
 * Like the real thing: nothing reaches the workbook until context.sync(); reading a property that
 * was not loaded and synced throws; methods above the configured ExcelApi version throw; a request
 * or response over 5 MB fails with RequestPayloadSizeLimitExceeded (as Excel on the web does).
 * It counts syncs and measures the bytes of every request and response.
 */
import { cellAddress, columnIndex, parseAddress } from "../../src/core/a1";
import { shiftRows } from "../../src/core/formula-shift";

export type Value = string | number | boolean;
export interface DoubleCell {
  value: Value;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}
export interface DoubleSheet {
  name: string;
  cells: Map<string, DoubleCell>;
  hiddenRows: Set<number>;
  protected?: boolean;
}
export interface Stats {
  syncs: number;
  requests: number[];
  responses: number[];
}

const LIMIT = 5 * 1024 * 1024;
const key = (r: number, c: number) => `${r},${c}`;

class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sheetFromRows(
  name: string,
  rows: (Value | null | { formula: string; value: Value })[][],
  hiddenRows: number[] = [],
): DoubleSheet {
  const cells = new Map<string, DoubleCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      cells.set(
        key(r, c),
        typeof v === "object" ? { value: v.value, formula: v.formula } : { value: v },
      );
    }),
  );
  return { name, cells, hiddenRows: new Set(hiddenRows) };
}

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function areaOf(address: string): Area {
  const bare = address.slice(address.lastIndexOf("!") + 1);
  if (/^[A-Z]+:[A-Z]+$/i.test(bare)) {
    const [a, b] = bare.split(":") as [string, string];
    return { r1: 0, c1: columnIndex(a), r2: 1048575, c2: columnIndex(b) };
  }
  const [from, to] = bare.split(":");
  const a = parseAddress(from ?? "A1");
  const b = parseAddress(to ?? from ?? "A1");
  return { r1: a.row, c1: a.column, r2: b.row, c2: b.column };
}

const addressOf = (sheet: string, a: Area) =>
  `${sheet}!${cellAddress(a.r1, a.c1)}${a.r1 === a.r2 && a.c1 === a.c2 ? "" : `:${cellAddress(a.r2, a.c2)}`}`;

/** Base of every proxy: loaded properties, and the pending loads of the next sync. */
class Proxy_ {
  protected loaded = new Map<string, unknown>();
  pending = new Set<string>();
  constructor(protected readonly ctx: DoubleContext) {}
  load(props: string): this {
    for (const p of props.split(",").map((s) => s.trim().replace(/^items\//, "")))
      this.pending.add(p);
    this.ctx.track(this);
    return this;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new Error(
        `PropertyNotLoaded: '${prop}' was read before load("${prop}") and context.sync()`,
      );
    return this.loaded.get(prop) as T;
  }
  /** Called by sync: fills the pending properties; returns the response payload. */
  resolve(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Office.js fills isNullObject for any loaded *OrNullObject proxy.
    if (this.pending.size > 0) this.pending.add("isNullObject");
    for (const p of this.pending) {
      const v = this.compute(p);
      this.loaded.set(p, v);
      out[p] = v;
    }
    this.pending.clear();
    return out;
  }
  protected compute(prop: string): unknown {
    throw new Error(`The double cannot load '${prop}'`);
  }
}

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

interface Op {
  op: string;
  sheet: string | null;
  area: Area | null;
  data: unknown;
}

export class DoubleContext {
  private ops: Op[] = [];
  private tracked = new Set<Proxy_>();
  readonly workbook: {
    worksheets: {
      items: DoubleWorksheet[];
      load(p: string): void;
      getItem(n: string): DoubleWorksheet;
      getItemOrNullObject(n: string): DoubleWorksheet;
      add(n: string): DoubleWorksheet;
    };
    application: { suspendApiCalculationUntilNextSync(): void };
  };
  selected: string | null = null;
  constructor(
    private readonly book: DoubleSheet[],
    private readonly version: number,
    private readonly stats: Stats,
    private readonly failWith: string | null,
  ) {
    const ctx = this;
    let items: DoubleWorksheet[] | null = null;
    let itemsPending = false;
    const itemsHolder = { load: () => void 0 } as unknown as Proxy_;
    this.workbook = {
      worksheets: {
        get items(): DoubleWorksheet[] {
          if (!items) throw new Error("PropertyNotLoaded: worksheets.items");
          return items;
        },
        load(_p: string) {
          itemsPending = true;
          ctx.tracked.add(
            Object.assign(itemsHolder, {
              pending: new Set(["items"]),
              resolve: () => {
                if (!itemsPending) return {};
                itemsPending = false;
                items = ctx.book.map((s) => {
                  const ws = new DoubleWorksheet(ctx, s.name);
                  ws.setLoaded("name", s.name);
                  return ws;
                });
                return { items: ctx.book.map((s) => ({ name: s.name })) };
              },
            }),
          );
        },
        getItem: (n: string) => new DoubleWorksheet(ctx, n),
        getItemOrNullObject: (n: string) => new DoubleWorksheet(ctx, n),
        add: (n: string) => {
          ctx.queue({ op: "addSheet", sheet: n, area: null, data: n });
          return new DoubleWorksheet(ctx, n);
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () =>
          ctx.queue({ op: "suspendCalc", sheet: null, area: null, data: null }),
      },
    };
  }
  track(p: Proxy_): void {
    this.tracked.add(p);
  }
  queue(op: Op): void {
    this.ops.push(op);
  }
  require(version: string, what: string): void {
    if (Number(version.split(".")[1]) > this.version)
      throw new OfficeError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version}; this Excel has 1.${this.version}`,
      );
  }
  sheet(name: string): DoubleSheet | undefined {
    return this.book.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  usedArea(name: string): Area[] | null {
    const s = this.sheet(name);
    if (!s || s.cells.size === 0) return null;
    let r2 = 0;
    let c2 = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return [{ r1: 0, c1: 0, r2, c2 }];
  }
  specialAreas(name: string, type: string): Area[] | null {
    const s = this.sheet(name);
    if (!s) return null;
    if (type === "Formulas") {
      return [...s.cells.entries()]
        .filter(([, c]) => c.formula)
        .map(([k]) => {
          const [r, c] = k.split(",").map(Number) as [number, number];
          return { r1: r, c1: c, r2: r, c2: c };
        });
    }
    const used = this.usedArea(name)?.[0];
    if (!used) return null;
    const areas: Area[] = [];
    let start: number | null = null;
    for (let r = 0; r <= 1048575; r++) {
      const visible = !s.hiddenRows.has(r);
      if (visible && start === null) start = r;
      if ((!visible || r === 1048575) && start !== null) {
        areas.push({ r1: start, c1: 0, r2: visible ? r : r - 1, c2: 16383 });
        start = null;
      }
      if (r > used.r2 + 1 && start !== null) {
        areas.push({ r1: start, c1: 0, r2: 1048575, c2: 16383 });
        break;
      }
    }
    return areas;
  }
  async sync(): Promise<void> {
    this.stats.syncs++;
    if (this.failWith) throw new OfficeError(this.failWith, `Simulated ${this.failWith}`);
    const request = JSON.stringify({
      ops: this.ops,
      loads: [...this.tracked].map((p) => [...p.pending]),
    }).length;
    this.stats.requests.push(request);
    if (request > LIMIT)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `Request of ${request} bytes`);
    for (const op of this.ops) this.apply(op);
    this.ops = [];
    const responses = [...this.tracked].map((p) => p.resolve());
    this.tracked.clear();
    const response = JSON.stringify(responses).length;
    this.stats.responses.push(response);
    if (response > LIMIT)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `Response of ${response} bytes`);
  }
  private apply(op: Op): void {
    const sheet = op.sheet ? this.sheet(op.sheet) : undefined;
    if (op.op === "addSheet") {
      if (this.sheet(String(op.data)))
        throw new OfficeError("ItemAlreadyExists", `A sheet named ${String(op.data)} exists`);
      this.book.push({ name: String(op.data), cells: new Map(), hiddenRows: new Set() });
      return;
    }
    if (op.op === "suspendCalc" || op.op.startsWith("page.") || op.op === "printTitles") return;
    if (!sheet) throw new OfficeError("ItemNotFound", `No sheet ${op.sheet}`);
    if (sheet.protected && !["activate", "select", "copySheet"].includes(op.op))
      throw new OfficeError("AccessDenied", "The sheet is protected");
    const a = op.area;
    if (op.op === "copySheet")
      this.book.push({
        name: String(op.data),
        cells: new Map([...sheet.cells].map(([k, c]) => [k, { ...c }])),
        hiddenRows: new Set(sheet.hiddenRows),
      });
    else if (op.op === "rename") sheet.name = String(op.data);
    else if (op.op === "select")
      this.selected = `${sheet.name}!${a ? cellAddress(a.r1, a.c1) : ""}`;
    else if (op.op === "insert" && a) {
      const count = a.c2 - a.c1 + 1;
      const moved = new Map<string, DoubleCell>();
      for (const [k, c] of sheet.cells) {
        const [r, col] = k.split(",").map(Number) as [number, number];
        moved.set(key(r, col >= a.c1 ? col + count : col), c);
      }
      sheet.cells = moved;
    } else if ((op.op === "values" || op.op === "formulas" || op.op === "numberFormat") && a) {
      const grid = op.data as Value[][];
      if (grid.length !== a.r2 - a.r1 + 1 || grid.some((row) => row.length !== a.c2 - a.c1 + 1))
        throw new OfficeError("InvalidArgument", "The array does not match the range");
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(a.r1 + i, a.c1 + j);
          const cell = sheet.cells.get(k) ?? { value: "" };
          if (op.op === "numberFormat") cell.numberFormat = String(v);
          else if (typeof v === "string" && v.startsWith("'")) cell.value = v.slice(1);
          else if (typeof v === "string" && v.startsWith("=")) {
            // Both `values` and `formulas` turn "=..." into a formula, as Excel does.
            cell.formula = v;
            cell.value = 0;
          } else {
            cell.value = v;
            delete cell.formula;
          }
          if (cell.value === "" && !cell.formula && !cell.numberFormat) sheet.cells.delete(k);
          else sheet.cells.set(k, cell);
        }),
      );
    } else if (op.op === "autoFill" && a) {
      const to = (op.data as { to: Area }).to;
      const head = sheet.cells.get(key(a.r1, a.c1));
      if (!head) throw new OfficeError("InvalidArgument", "AutoFill from an empty cell");
      for (let r = to.r1; r <= to.r2; r++) {
        const filled: DoubleCell = head.formula
          ? { value: 0, formula: shiftRows(head.formula, r - a.r1) }
          : { value: head.value };
        if (head.numberFormat) filled.numberFormat = head.numberFormat;
        sheet.cells.set(key(r, a.c1), filled);
      }
    } else if (op.op === "bold" && a) {
      const cell = sheet.cells.get(key(a.r1, a.c1)) ?? { value: "" };
      cell.bold = Boolean(op.data);
      sheet.cells.set(key(a.r1, a.c1), cell);
    }
  }
}

export interface Double {
  runtime: {
    run<T>(
      options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean },
      batch: (ctx: never) => Promise<T>,
    ): Promise<T>;
    supports(version: string): boolean;
  };
  stats: Stats;
  book: DoubleSheet[];
  runs: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }[];
  lastContext: () => DoubleContext | null;
}

/** An Excel with these sheets, supporting ExcelApi up to 1.`version`. */
export function excelDouble(
  book: DoubleSheet[],
  options: { version?: number; failWith?: string } = {},
): Double {
  const stats: Stats = { syncs: 0, requests: [], responses: [] };
  const version = options.version ?? 20;
  const runs: Double["runs"] = [];
  let last: DoubleContext | null = null;
  return {
    stats,
    book,
    runs,
    lastContext: () => last,
    runtime: {
      async run(runOptions, batch) {
        runs.push(runOptions);
        last = new DoubleContext(book, version, stats, options.failWith ?? null);
        return batch(last as never);
      },
      supports: (v: string) => Number(v.split(".")[1]) <= version,
    },
  };
}
