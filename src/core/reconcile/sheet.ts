import { cellAddress, type A1 } from "../a1";
import type { AddSheet, SheetCell } from "../plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { HALF_PENNY, sheetRef, sumFormula, type At } from "../tables/money";
import { uniqueSheetName } from "../sheet-names";
import { parseMoney } from "../values";
import type { Reconciliation } from ".";

const HEAD = ["Year", "Source", "Available", "Allocated", "Difference", "Status", "Note"];
const MONEY = "#,##0;-#,##0";
/** Excel refuses formulas over 8,192 characters; stay well under. */
const MAX_FORMULA = 8000;

function status(c: string, d: string, e: string): string {
  return `=IF(ISNUMBER(${c}),IF(ABS(${e})<${HALF_PENNY},"Reconciled","Difference"),IF(${d}>0,"Unconfirmed",""))`;
}

function statusValue(
  available: number | string,
  allocated: number,
  difference: number | "",
): string {
  if (typeof available === "number")
    return Math.abs(difference === "" ? 0 : difference) < HALF_PENNY ? "Reconciled" : "Difference";
  return allocated > 0 ? "Unconfirmed" : "";
}

const topLeft = (range: string) => range.split(":")[0] ?? range;

/** The "Reconciliation" sheet: source × year, available against allocated, as live formulas. */
export function planReconciliationSheet(snapshot: WorkbookSnapshot, r: Reconciliation): AddSheet {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const cells: SheetCell[] = [];
  const put = (
    row: number,
    column: number,
    value: SheetCell["value"],
    extra: Partial<SheetCell> = {},
  ) => cells.push({ row, column, formula: null, value, ...extra });
  put(0, 0, "Match-funding reconciliation", { bold: true });
  put(
    1,
    0,
    // Tables are named by their top-left cell: a range would grow with the calculated columns we
    // add, and a second apply would then rewrite this sheet for nothing.
    `Sources: the table at ${r.sources.sheet}!${topLeft(r.sources.range)}. Allocations: ${r.allocations.map((a) => `${a.sheet}!${topLeft(a.range)}`).join(", ")}. Written by Council Sheets.`,
  );
  HEAD.forEach((h, c) => put(3, c, h, { bold: true }));
  let row = 4;
  for (const year of r.years.map((y) => y.year)) {
    const first = row;
    r.lines.forEach((line, i) => {
      if (line.year !== year) return;
      const source = r.cells[i];
      const [C, D, E] = [2, 3, 4].map((c) => cellAddress(row, c)) as [A1, A1, A1];
      put(row, 0, line.year);
      put(row, 1, line.source);
      const available = availableCell(sheets, r.sources.sheet, source?.available ?? null);
      cells.push({
        row,
        column: 2,
        formula: available.formula,
        value: available.value,
        numberFormat: MONEY,
      });
      const allocated = allocatedCell(sheets, source?.allocated ?? []);
      // An allocation still "tbc" adds nothing yet: the note says which cells, and the status
      // stays Unconfirmed until every one of them holds a number.
      const tbc = allocated.unconfirmed.length > 0 && typeof available.value === "number";
      const tbcNote = tbc
        ? `${allocated.unconfirmed.map((at) => at.shown).join(", ")} not confirmed: not counted`
        : "";
      const note = [available.note, tbcNote].filter(Boolean).join("; ");
      if (note) put(row, 6, note);
      cells.push({
        row,
        column: 3,
        formula: allocated.formula,
        value: allocated.value,
        numberFormat: MONEY,
      });
      const difference =
        typeof available.value === "number" ? allocated.value - available.value : "";
      cells.push({
        row,
        column: 4,
        formula: `=IF(ISNUMBER(${C}),${D}-${C},"")`,
        value: difference,
        numberFormat: MONEY,
      });
      const usual = status(C, D, E);
      const overspent = typeof difference === "number" && difference > HALF_PENNY;
      cells.push({
        row,
        column: 5,
        formula:
          tbc && !overspent
            ? `=IF(AND(${allocated.unconfirmed.map((at) => `ISNUMBER(${at.ref})`).join(",")}),${usual.slice(1)},"Unconfirmed")`
            : usual,
        value:
          tbc && !overspent
            ? "Unconfirmed"
            : statusValue(available.value, allocated.value, difference),
      });
      row++;
    });
    const [C, D, E] = [2, 3, 4].map((c) => cellAddress(row, c)) as [A1, A1, A1];
    const sumOf = (column: number) =>
      cells
        .filter((c) => c.column === column && c.row >= first && c.row < row)
        .reduce((s, c) => s + (typeof c.value === "number" ? c.value : 0), 0);
    const availableTotal = sumOf(2);
    const allocatedTotal = sumOf(3);
    put(row, 0, `Total ${year}`, { bold: true });
    cells.push({
      row,
      column: 2,
      formula: `=SUM(${cellAddress(first, 2)}:${cellAddress(row - 1, 2)})`,
      value: availableTotal,
      numberFormat: MONEY,
      bold: true,
    });
    cells.push({
      row,
      column: 3,
      formula: `=SUM(${cellAddress(first, 3)}:${cellAddress(row - 1, 3)})`,
      value: allocatedTotal,
      numberFormat: MONEY,
      bold: true,
    });
    cells.push({
      row,
      column: 4,
      formula: `=IF(ISNUMBER(${C}),${D}-${C},"")`,
      value: allocatedTotal - availableTotal,
      numberFormat: MONEY,
      bold: true,
    });
    const onTbc = r.lines.filter((l) => l.year === year && l.available === null);
    if (onTbc.some((l) => l.allocated !== 0)) {
      const split = unconfirmedSplit(cells, { first, total: row, sources: onTbc });
      cells.push(...split.cells);
      row = split.nextRow;
    } else {
      cells.push({
        row,
        column: 5,
        formula: status(C, D, E),
        value: statusValue(availableTotal, allocatedTotal, allocatedTotal - availableTotal),
        bold: true,
      });
    }
    row += 2;
  }
  put(row, 0, "How source names were matched", { bold: true });
  row++;
  ["Allocation column", "Source", "How"].forEach((h, c) => put(row, c, h, { bold: true }));
  for (const m of r.mapping) {
    row++;
    put(row, 0, m.allocation);
    put(row, 1, m.source);
    put(row, 2, m.how);
  }
  for (const name of r.unmatched) {
    row++;
    put(row, 0, name);
    put(row, 1, "(no matching source: reported as unconfirmed)");
  }
  // A Reconciliation sheet we wrote before is refreshed in place, never added a second time.
  const earlier = snapshot.sheets.find((s) => s.ours === "reconciliation");
  const name =
    earlier?.name ??
    uniqueSheetName(
      "Reconciliation",
      snapshot.sheets.map((s) => s.name),
    );
  return {
    kind: "add-sheet",
    sheet: name,
    role: "reconciliation",
    ...(earlier ? { replaces: earlier.name } : {}),
    table: `${r.sources.sheet}!${r.sources.range}`,
    title: "Reconciliation",
    cells,
    columnWidths: [12, 44, 14, 14, 14, 14, 40],
  };
}

/**
 * A year whose allocations run against funding still "tbc" has a difference that is not one yet:
 * allocated less the confirmed money available counts what is spent from the tbc source. The
 * year's total is split in two rows under it — what is allocated against unconfirmed funding,
 * and the difference on confirmed funding — and the total's status says "Unconfirmed" when the
 * whole gap is the unconfirmed part, "Difference" only when confirmed funding is short or over.
 */
function unconfirmedSplit(
  cells: readonly SheetCell[],
  at: { first: number; total: number; sources: readonly { source: string; allocated: number }[] },
): { cells: SheetCell[]; nextRow: number } {
  const { first, total } = at;
  const last = total - 1;
  const range = (column: number) => `${cellAddress(first, column)}:${cellAddress(last, column)}`;
  const value = (row: number, column: number) => {
    const v = cells.find((c) => c.row === row && c.column === column)?.value;
    return typeof v === "number" ? v : null;
  };
  const rows = Array.from({ length: total - first }, (_, k) => first + k);
  const onTbc = rows.reduce((sum, r) => sum + (value(r, 2) === null ? (value(r, 3) ?? 0) : 0), 0);
  const confirmed = rows.reduce((sum, r) => sum + (value(r, 4) ?? 0), 0);
  const [tbcRow, confirmedRow] = [total + 1, total + 2];
  const Etotal = cellAddress(total, 4);
  const Econfirmed = cellAddress(confirmedRow, 4);
  const names = [...new Set(at.sources.filter((s) => s.allocated !== 0).map((s) => s.source))];
  const text = (row: number, column: number, v: string): SheetCell => ({
    row,
    column,
    formula: null,
    value: v,
  });
  return {
    nextRow: confirmedRow,
    cells: [
      {
        row: total,
        column: 5,
        formula: `=IF(ABS(${Econfirmed})<${HALF_PENNY},IF(ABS(${Etotal})<${HALF_PENNY},"Reconciled","Unconfirmed"),"Difference")`,
        value:
          Math.abs(confirmed) >= HALF_PENNY
            ? "Difference"
            : Math.abs(value(total, 4) ?? 0) < HALF_PENNY
              ? "Reconciled"
              : "Unconfirmed",
        bold: true,
      },
      text(tbcRow, 0, "of which allocated against unconfirmed funding (tbc)"),
      {
        row: tbcRow,
        column: 3,
        formula: `=SUMPRODUCT(--NOT(ISNUMBER(${range(2)})),${range(3)})`,
        value: onTbc,
        numberFormat: MONEY,
      },
      text(tbcRow, 5, "Unconfirmed"),
      text(tbcRow, 6, `${names.join(", ")}: funding not confirmed, not a difference yet`),
      text(confirmedRow, 0, "Difference on confirmed funding"),
      {
        row: confirmedRow,
        column: 4,
        formula: `=SUM(${range(4)})`,
        value: confirmed,
        numberFormat: MONEY,
      },
      {
        row: confirmedRow,
        column: 5,
        formula: `=IF(ABS(${Econfirmed})<${HALF_PENNY},"Reconciled","Difference")`,
        value: Math.abs(confirmed) < HALF_PENNY ? "Reconciled" : "Difference",
      },
    ],
  };
}

function availableCell(
  sheets: Map<string, SheetSnapshot>,
  sheetName: string,
  available: Reconciliation["cells"][number]["available"],
): { formula: string | null; value: number | string; note?: string } {
  if (!available) return { formula: null, value: "" };
  const [r, c] = available.cell;
  const raw = sheets.get(sheetName)?.rows[r]?.[c]?.value ?? null;
  const where = `${sheetName}!${cellAddress(r, c)}`;
  if (typeof raw === "number")
    return { formula: `=${sheetRef(sheetName)}${cellAddress(r, c)}`, value: raw };
  if (available.amount !== null)
    return {
      formula: null,
      value: available.amount,
      note: `Copied as a number: ${where} holds it as text`,
    };
  return { formula: null, value: typeof raw === "string" ? raw : "" };
}

function allocatedCell(
  sheets: Map<string, SheetSnapshot>,
  parts: Reconciliation["cells"][number]["allocated"],
): { formula: string | null; value: number; unconfirmed: { ref: string; shown: string }[] } {
  const bySheet = new Map<string, At[]>();
  const unconfirmed: { ref: string; shown: string }[] = [];
  for (const p of parts) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), ...p.cells]);
  let value = 0;
  let textAmount = false;
  const sums: string[] = [];
  for (const [name, at] of bySheet) {
    const sheet = sheets.get(name);
    for (const [r, c] of at) {
      const v = sheet?.rows[r]?.[c]?.value;
      if (typeof v === "number") value += v;
      else if (parseMoney(v ?? null).kind === "unconfirmed")
        unconfirmed.push({
          ref: `${sheetRef(name)}${cellAddress(r, c)}`,
          shown: `${name}!${cellAddress(r, c)}`,
        });
      else if (typeof v === "string" && /\d/.test(v) && !/^(tbc|n\/a)$/i.test(v.trim()))
        textAmount = true;
    }
    sums.push(sumFormula(at, sheetRef(name)).slice(1));
  }
  const formula = sums.length === 0 ? "=0" : `=${sums.join("+")}`;
  return {
    formula: textAmount || formula.length > MAX_FORMULA ? null : formula,
    value,
    unconfirmed,
  };
}
