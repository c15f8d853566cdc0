import type { FundingTable } from "./detect";

export interface YearColumns {
  year: string;
  /** Per-source money columns of the year (wide tables). */
  sources: { column: number; source: string }[];
  /** The year's stated total column, if any. */
  total: number | null;
  /** Plain year columns (long tables, sources tables). */
  plain: number[];
}

/** The roles of a funding table's columns, grouped the way the checks need them. */
export interface FundingColumnGroups {
  labels: number[];
  sourceColumn: number | null;
  years: YearColumns[];
  /** The total-across-years column, if the sheet has one. */
  totalColumn: number | null;
  /** Every money column: sources, year totals, plain years, the total column, the others. */
  money: number[];
  /** Money that is neither available nor a year: a sources sheet's allocated and difference columns. */
  others: number[];
  /** Columns of shares typed as percentages (0–100%), not money. */
  percents: number[];
  ambiguous: { column: number; text: string }[];
}

export function columnGroupsOf(table: FundingTable): FundingColumnGroups {
  const labels: number[] = [];
  const years = new Map<string, YearColumns>();
  const ambiguous: { column: number; text: string }[] = [];
  let sourceColumn: number | null = null;
  let totalColumn: number | null = null;
  const others: number[] = [];
  const percents: number[] = [];
  for (const [column, role] of [...table.columns.entries()].sort((a, b) => a[0] - b[0])) {
    if (role.role === "ref" || role.role === "label") labels.push(column);
    else if (role.role === "source") {
      sourceColumn ??= column;
      labels.push(column);
    } else if (role.role === "total") totalColumn ??= column;
    else if (role.role === "ambiguous-year") ambiguous.push({ column, text: role.text });
    else if (
      role.role === "allocated" ||
      role.role === "difference" ||
      role.role === "award" ||
      role.role === "paid" ||
      role.role === "balance"
    )
      others.push(column);
    else if (role.role === "percent") percents.push(column);
    else if (role.role === "money") {
      const entry = years.get(role.year) ?? {
        year: role.year,
        sources: [],
        total: null,
        plain: [],
      };
      if (role.total) entry.total ??= column;
      else if (role.source !== null) entry.sources.push({ column, source: role.source });
      else entry.plain.push(column);
      years.set(role.year, entry);
    }
  }
  const ordered = [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
  const money = [
    ...ordered.flatMap((y) => [
      ...y.sources.map((s) => s.column),
      ...y.plain,
      ...(y.total === null ? [] : [y.total]),
    ]),
    ...(totalColumn === null ? [] : [totalColumn]),
    ...others,
  ].sort((a, b) => a - b);
  return { labels, sourceColumn, years: ordered, totalColumn, money, others, percents, ambiguous };
}

/** The columns whose sum is a row's total for one year. */
export function yearParts(year: YearColumns): number[] {
  return [...year.sources.map((s) => s.column), ...year.plain];
}
