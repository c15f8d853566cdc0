/** The double's data model and the base of its proxies (see ../excel-double.ts). */
import { cellAddress, columnIndex, parseAddress } from "../../../src/core/a1";
import type { DoubleContext } from "./context";

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

export const LIMIT = 5 * 1024 * 1024;
export const key = (r: number, c: number) => `${r},${c}`;

export class OfficeError extends Error {
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

export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function areaOf(address: string): Area {
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

export const addressOf = (sheet: string, a: Area) =>
  `${sheet}!${cellAddress(a.r1, a.c1)}${a.r1 === a.r2 && a.c1 === a.c2 ? "" : `:${cellAddress(a.r2, a.c2)}`}`;

/** Base of every proxy: loaded properties, and the pending loads of the next sync. */
export class Proxy_ {
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
