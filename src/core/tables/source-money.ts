import type { SheetSnapshot } from "../snapshot";
import type { At } from "./money";

/**
 * A funding table as reconciliation reads it. Reconciliation is the one operation that reads
 * another kind's tables (it sets funding sources against allocations), so it does not import the
 * funding kind: the funding kind fills in this model (funding/source-money.ts), src/core/analyse.ts
 * hands it over, and the kind-folders lint rule keeps reconcile/ free of other kinds.
 */
export interface SourceMoneyTable {
  sheet: SheetSnapshot;
  /** The table as an A1 range, header row to last row. */
  range: string;
  /**
   * "sources": says what each source makes available; "spends": its lines spend sources' money
   * (long allocations with a Source column, wide plans of source × year); "neither": plain years.
   */
  role: "sources" | "spends" | "neither";
  /** What a sources table says is available. */
  available(): Available[];
  /** What a table that spends sources' money allocates. */
  allocated(): Allocated[];
}

/** What a sources table says is available: per source and year, an amount, "tbc", or nothing. */
export interface Available {
  source: string;
  year: string;
  cell: At;
  amount: number | null;
  unconfirmed: boolean;
  /** What the cell says where the amount is unconfirmed ("tbc", "awaiting", "n/a"), for messages. */
  stated?: string;
}

/** What an allocations table spends: per source name (as that table spells it) and year. */
export interface Allocated {
  name: string;
  year: string;
  cells: At[];
  /** Where to point a person: the column header (wide) or the first amount (long). */
  anchor: At;
  sheet: string;
}
