import path from "node:path";
import { type Entry } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * LibreOffice, as an independent engine, holds the RAGs we write: a budget table under a rule
 * written as a list of cells (Green below 2% kept), and a monthly profile's empty RAG column.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: RAG list recalculation test skipped");

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
// Overspends of 1%, 3% and 8% on £1.2m.
const SHARES = [1.01, 1.03, 1.08];
const BUDGET: Entry[][] = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ...SHARES.map((s, k): Entry[] => [`Line ${k + 1}`, 1_200_000, 1_200_000 * s, null, null]),
  [],
  ["RAG rating"],
  ["Green: variance below 2% of budget"],
  ["Amber: 2% to 5%"],
  ["Red: over 5% adverse"],
];
const PROFILE: Entry[][] = [
  ["Service", "Budget", ...MONTHS, "Full year", "RAG"],
  ...SHARES.map((s, k): Entry[] => [
    `Line ${k + 1}`,
    1_200_000,
    ...MONTHS.map(() => 100_000 * s),
    null,
    null,
  ]),
  [],
  ["G - below 2%"],
  ["A - 2% to 5%"],
  ["R - over 5%"],
];

async function appliedAndRecalculated() {
  const dir = tempDir("cs-rag-lists-");
  const input = path.join(dir, "rag.xlsx");
  await writeXlsx(input, [
    { name: "Budget", rows: BUDGET },
    { name: "Profile", rows: PROFILE },
  ]);
  return (await appliedInLibreOffice(soffice ?? "", input)).sheets;
}

withOffice("RAGs written under a rule kept as a list of cells, after LibreOffice", () => {
  it("hold Green, Amber and Red in the budget table and in the profile's empty RAG column", async () => {
    const [budget, profile] = await appliedAndRecalculated();
    const rag = (rows: typeof budget, column: number) =>
      [1, 2, 3].map((r) => rows?.rows[r]?.[column]?.value ?? null);
    expect(rag(budget, 4)).toEqual(["Green", "Amber", "Red"]);
    expect(rag(profile, 15)).toEqual(["Green", "Amber", "Red"]);
    expect(profile?.rows[1]?.[15]?.formula).toMatch(/^=?IF\(/);
  });
});
