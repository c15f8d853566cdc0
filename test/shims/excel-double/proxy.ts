/** Base of every proxy object: properties are readable only after load() and a sync. */
import type { DoubleContext } from "./context";

export class Proxy_ {
  protected loaded = new Map<string, unknown>();
  pending = new Set<string>();
  constructor(protected readonly ctx: DoubleContext) {}
  load(props: string): this {
    for (const p of props.split(",").map((s) => s.trim().replace(/^items\//, "")))
      if (p) this.pending.add(p);
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
  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
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
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
  protected compute(prop: string): unknown {
    throw new Error(`The double cannot load '${prop}'`);
  }
}
