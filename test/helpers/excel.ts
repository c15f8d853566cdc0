import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-changes";
import { readSnapshot } from "../../src/adapters/excel/read";
import type { ExcelRuntime } from "../../src/adapters/excel/runtime";
import { applyPlanInExcel } from "../../src/adapters/excel/write";
import { sheetFromRows, type Double, type DoubleSheet } from "../shims/excel-double";
import { TODAY } from "./builders";

export const LIMIT = 5 * 1024 * 1024;
export const runtime = (d: Double) => d.runtime as unknown as ExcelRuntime;

/** A risk register: Ref, Likelihood, Impact (and a stated Score). */
export function register(rows: number, withScore = true, name = "Register"): DoubleSheet {
  const data: (string | number)[][] = [
    ["Ref", "Likelihood", "Impact", ...(withScore ? ["Score"] : [])],
  ];
  for (let i = 0; i < rows; i++) {
    const l = (i % 5) + 1;
    const im = ((i * 3) % 5) + 1;
    data.push([`R${i + 1}`, l, im, ...(withScore ? [l * im] : [])]);
  }
  return sheetFromRows(name, data);
}

/** Check then Write, as the task pane does them. */
export async function checkAndWrite(d: Double, backup = true) {
  const snapshot = await readSnapshot(runtime(d));
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  const { changed } = describePlan(snapshot, analysis.plan, { valuesOnly: false });
  const result = await applyPlanInExcel(runtime(d), analysis.plan, {
    valuesOnly: false,
    backup,
    changes: changed,
    when: "2026-11-22 10:00",
  });
  return { snapshot, analysis, changed, result };
}

/** A cell's stored state by A1 address ("D9"). */
export function cellOf(sheet: DoubleSheet | undefined, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m || !sheet) return undefined;
  let c = 0;
  for (const ch of m[1] ?? "") c = c * 26 + ch.charCodeAt(0) - 64;
  return sheet.cells.get(`${Number(m[2]) - 1},${c - 1}`);
}
