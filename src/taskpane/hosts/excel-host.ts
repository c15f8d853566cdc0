import { readSnapshot } from "../../adapters/excel/read";
import { officeRuntime, type ExcelRuntime } from "../../adapters/excel/runtime";
import { applyPlanInExcel, selectCell } from "../../adapters/excel/write";
import type { Host, SettingsStore } from "./host";

function now(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function excelHost(settings: SettingsStore, runtime: ExcelRuntime = officeRuntime()): Host {
  return {
    kind: "excel",
    fileName: () => null,
    read: (onProgress) => readSnapshot(runtime, undefined, onProgress),
    apply: async ({ plan, valuesOnly, backup, changes }, onProgress) => {
      const result = await applyPlanInExcel(
        runtime,
        plan,
        { valuesOnly, backup, changes, when: now() },
        undefined,
        onProgress,
      );
      const backups = result.backups.length > 0 ? ` Backups: ${result.backups.join(", ")}.` : "";
      const ranges = result.written.length;
      return {
        summary: `Written: ${ranges} range${ranges === 1 ? "" : "s"}. ${result.logged} changed cell${result.logged === 1 ? "" : "s"} listed on the "Council Sheets log" sheet.${backups}`,
      };
    },
    select: (sheet, cell) => selectCell(runtime, sheet, cell),
    settings,
  };
}
