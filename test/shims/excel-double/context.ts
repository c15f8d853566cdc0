/**
 * The request context: commands queue up and reach the workbook only at context.sync(), which
 * measures the request and the response against Excel on the web's 5 MB limits.
 */
import { applyOp, type Op } from "./apply";
import { recalculate } from "./calc";
import { LIMIT, OfficeError, type DoubleBook, type DoubleSheet, type Stats } from "./model";
import { Proxy_ } from "./proxy";
import { DoubleTables } from "./tables";
import { DoubleNames, DoubleWorksheets } from "./workbook";

/** A worksheet as a proxy names it: by name, or by the command that created it. */
export interface SheetRef {
  token: number;
  lookup: string | null;
}

export class DoubleContext {
  private ops: Op[] = [];
  private tracked = new Set<Proxy_>();
  private bound = new Map<number, DoubleSheet>();
  private nextToken = 1;
  dirty = false;
  selected: string | null = null;
  readonly workbook: {
    worksheets: DoubleWorksheets;
    names: DoubleNames;
    tables: DoubleTables;
    protection: Proxy_ & { readonly protected: boolean };
    application: { suspendApiCalculationUntilNextSync(): void };
  };
  constructor(
    readonly book: DoubleBook,
    readonly version: number,
    private readonly stats: Stats,
    private readonly failWith: string | null,
    private readonly failAt: { sync: number; code: string } | null = null,
    /** A RangeAreas address stops at the last whole area within this many characters. */
    readonly addressLimit: number | null = null,
  ) {
    const ctx = this;
    class WorkbookProtection extends Proxy_ {
      get protected(): boolean {
        return this.read("protected");
      }
      override load(props: string): this {
        ctx.require("1.7", "WorkbookProtection");
        return super.load(props);
      }
      protected override compute(prop: string): unknown {
        if (prop === "protected") return ctx.book.structureProtected;
        if (prop === "isNullObject") return false;
        return super.compute(prop);
      }
    }
    this.workbook = {
      worksheets: new DoubleWorksheets(this),
      names: new DoubleNames(this),
      tables: new DoubleTables(this),
      protection: new WorkbookProtection(this),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          ctx.require("1.6", "suspendApiCalculationUntilNextSync");
          ctx.queue({ op: "suspendCalc", sheet: null, area: null, data: null });
        },
      },
    };
  }
  newRef(lookup: string | null): SheetRef {
    return { token: this.nextToken++, lookup };
  }
  bind(ref: SheetRef, sheet: DoubleSheet): void {
    this.bound.set(ref.token, sheet);
  }
  /** The sheet a reference names now, or undefined. */
  resolveSheet(ref: SheetRef | null): DoubleSheet | undefined {
    if (!ref) return undefined;
    const known = this.bound.get(ref.token);
    if (known) return this.book.sheets.includes(known) ? known : undefined;
    const found = ref.lookup === null ? undefined : this.sheetNamed(ref.lookup);
    if (found) this.bound.set(ref.token, found);
    return found;
  }
  sheetNamed(name: string): DoubleSheet | undefined {
    return this.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  noteSpecial(address: string): void {
    this.stats.specialCells.push(address);
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
        `ApiNotFound: ${what} needs ExcelApi ${version}; this Excel has 1.${this.version}`,
      );
  }
  /** Values read after a write see recalculated results, as with automatic calculation. */
  calculated(): void {
    if (!this.dirty) return;
    this.dirty = false;
    recalculate(this.book);
  }
  async sync(): Promise<void> {
    this.stats.syncs++;
    if (this.failWith) throw new OfficeError(this.failWith, `Simulated ${this.failWith}`);
    if (this.failAt?.sync === this.stats.syncs)
      throw new OfficeError(this.failAt.code, `Simulated ${this.failAt.code}`);
    const request = JSON.stringify({
      ops: this.ops,
      loads: [...this.tracked].map((p) => [...p.pending]),
    }).length;
    this.stats.requests.push(request);
    const ops = this.ops;
    this.ops = [];
    const tracked = [...this.tracked];
    this.tracked.clear();
    if (request > LIMIT)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `Request of ${request} bytes`);
    // Commands run in order; the first that fails ends the batch, and earlier ones stay done.
    for (const op of ops) applyOp(this, op);
    const responses = tracked.map((p) => p.resolve());
    const response = JSON.stringify(responses).length;
    this.stats.responses.push(response);
    if (response > LIMIT)
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", `Response of ${response} bytes`);
  }
}
