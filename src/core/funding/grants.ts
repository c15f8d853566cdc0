import { finding, type Finding } from "../findings";
import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import { memoByText } from "../memo";
import { roundToMicroUnits } from "../tables/money";
import { parseMoney } from "../values";
import { headerText, moneyText, sameAmount, type TableRef } from "../tables/totals";
import type { FundingColumn } from "../tables/funding-columns";

/**
 * A grants register kept without years: Grant | Funder | Award £ | Paid to date £ | Balance £
 * (or Remaining), perhaps a Decision ref. Each grant's balance is what is still to be paid,
 * award less paid to date; its totals row adds each money column. It is a funding table (money
 * by grant and funder), read as one with its money in three roles instead of years.
 */
type GrantRole = "award" | "paid" | "balance";

const SPECS: readonly FieldSpec<GrantRole>[] = [
  {
    field: "award",
    synonyms: [
      "award",
      "grant award",
      "amount awarded",
      "awarded",
      "award amount",
      "grant awarded",
      "grant amount",
      "total award",
    ],
  },
  {
    field: "paid",
    synonyms: [
      "paid to date",
      "paid",
      "claimed to date",
      "drawn down",
      "drawn down to date",
      "payments to date",
      "received to date",
      "amount paid",
      "claimed",
    ],
  },
  {
    field: "balance",
    synonyms: [
      "balance",
      "remaining",
      "balance remaining",
      "balance outstanding",
      "outstanding",
      "unpaid",
      "balance to pay",
      "remaining balance",
    ],
  },
];

export const classifyGrantHeader = memoByText((text: string): GrantRole | null => {
  if (text.length > 40) return null;
  const header = normaliseHeader(text);
  if (!header) return null;
  const match = matchField(header, SPECS);
  return match && match.quality >= 0.8 ? match.field : null;
});

/**
 * The columns of a grants header, or null when it is not one: an award and a paid-to-date column
 * and a column naming the grant or its funder. "Grant" names the line here (the grant itself),
 * not a funding source as in a table of years.
 */
export function classifyGrantHeaders(
  texts: ReadonlyMap<number, string>,
  classify: (text: string) => FundingColumn | null,
): Map<number, FundingColumn> | null {
  const columns = new Map<number, FundingColumn>();
  for (const [column, text] of texts) {
    const role = classifyGrantHeader(text);
    if (role) {
      columns.set(column, { role });
      continue;
    }
    const other = classify(text);
    if (!other || other.role === "money" || other.role === "ambiguous-year") continue;
    if (other.role === "amount" || other.role === "allocated" || other.role === "difference")
      continue;
    const own = /^grants?( name| title)?$/i.test(normaliseHeader(text))
      ? { role: "label" as const }
      : other;
    columns.set(column, own);
  }
  const roles = [...columns.values()].map((r) => r.role);
  const named = roles.some((r) => r === "label" || r === "source");
  return roles.includes("award") && roles.includes("paid") && named ? columns : null;
}

/** The award, paid and balance columns of a grants table, if it is one. */
export interface GrantColumns {
  award: number;
  paid: number;
  balance: number | null;
}

export function grantColumns(columns: ReadonlyMap<number, FundingColumn>): GrantColumns | null {
  let award: number | null = null;
  let paid: number | null = null;
  let balance: number | null = null;
  for (const [column, role] of columns) {
    if (role.role === "award") award ??= column;
    else if (role.role === "paid") paid ??= column;
    else if (role.role === "balance") balance ??= column;
  }
  return award !== null && paid !== null ? { award, paid, balance } : null;
}

/** Each grant's stated balance against its award less what has been paid. */
export function checkBalances(
  ref: TableRef,
  grant: GrantColumns,
  lineRows: readonly number[],
  out: Finding[],
): void {
  const column = grant.balance;
  if (column === null) return;
  const amount = (row: number, c: number) => {
    const parsed = parseMoney(ref.sheet.rows[row]?.[c]?.value ?? null);
    return parsed.kind === "number" ? parsed.value : null;
  };
  for (const row of lineRows) {
    const award = amount(row, grant.award);
    const paid = amount(row, grant.paid);
    const stated = amount(row, column);
    if (award === null || paid === null || stated === null) continue;
    const expected = roundToMicroUnits(award - paid);
    if (sameAmount(ref, column, stated, expected)) continue;
    const money = (n: number) => moneyText(ref, column, n);
    out.push(
      finding(
        "variance-mismatch",
        ref.sheet.name,
        row,
        column,
        `${headerText(ref, column)} is ${money(stated)} but ${headerText(ref, grant.award)} ${money(award)} − ${headerText(ref, grant.paid)} ${money(paid)} = ${money(expected)}`,
        { table: ref.range, expected, actual: stated },
      ),
    );
  }
}
