import { cellAddress } from "../../../src/core/a1";
import { shiftRows } from "../../../src/core/formula-shift";
import {
  key,
  LIMIT,
  OfficeError,
  type Area,
  type DoubleCell,
  type DoubleSheet,
  type Proxy_,
  type Stats,
  type Value,
} from "./model";
import { DoubleWorksheet } from "./worksheet";

export interface Op {
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
