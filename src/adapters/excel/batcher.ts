import type { CellValue } from "../../core";
import { batches } from "./blocks";

/** Bytes Office.js spends on one command besides its data (object path, method, ids). */
export const COMMAND_BYTES = 200;

export const bytes = (data: unknown) => JSON.stringify(data).length;

/** Splits rows into pieces of at most `budget` bytes each, so no single write passes the limit. */
export const pieces = <T>(rows: readonly T[], budget: number): T[][] =>
  batches(rows, (row) => bytes(row) + 1, budget);

/**
 * A value as Office.js must receive it so that text stays text. Excel parses strings written to
 * `values` and `formulas` as if typed (en-US): "2010/11" and "01/04/2025" become dates, "00123"
 * becomes 123, "TRUE" a boolean, "=…", "+…", "-…", "@…" formulas. A leading apostrophe makes any
 * string land as exactly that text (the apostrophe is not part of the value), so every string
 * gets one.
 */
export function asInput(value: CellValue): string | number | boolean {
  if (value === null || value === "") return "";
  return typeof value === "string" ? `'${value}` : value;
}

/** Carries queued work to Excel whenever the request would pass the budget. */
export class Batcher {
  private used = 0;
  private trips = 0;
  /** What the queued commands write, reported as written once their sync succeeds. */
  private queued: string[] = [];
  readonly written: string[] = [];
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    /** Told before each round trip what it carries (the pane shows it as the phase). */
    private readonly onSync: (writes: readonly string[], trip: number) => void = () => undefined,
  ) {}
  /** Counts a command and its data; syncs first if the request would pass the budget. */
  async add(dataBytes: number, writes?: string): Promise<void> {
    const size = dataBytes + COMMAND_BYTES;
    if (this.used > 0 && this.used + size > this.budget) await this.flush();
    this.used += size;
    if (writes) this.queued.push(writes);
  }
  /**
   * What the batch being built writes: when its sync fails, Excel has done the commands before
   * the failing one and kept them (not rolled back), so these are possibly written.
   */
  get pending(): readonly string[] {
    return this.queued;
  }
  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.onSync(this.queued, ++this.trips);
    await this.context.sync();
    this.written.push(...this.queued);
    this.queued = [];
    this.used = 0;
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }
}
