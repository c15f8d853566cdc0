import type { Host, SettingsStore } from "./host";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * "register.xlsx" → "register (Council Sheets).xlsx". Writing the output again (the written file
 * becomes the open one) keeps that name instead of growing "(Council Sheets) (Council Sheets)".
 */
export function outputName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "").replace(/(\s*\(Council Sheets\))+$/i, "");
  return `${base} (Council Sheets).xlsx`;
}

export interface FileHost extends Host {
  open(bytes: Uint8Array, name: string): void;
}

/**
 * The file reader and writer (the direct XML path, with ExcelJS for new sheets), loaded only in
 * standalone mode (a separate chunk) so the Excel task pane stays small.
 */
async function openDocument(bytes: Uint8Array, name: string) {
  const { openWorkbook } = await import(
    /* webpackChunkName: "xlsx" */ "../../adapters/xlsx/document"
  );
  return openWorkbook(bytes, name);
}

/**
 * Standalone mode: a workbook file opened in the browser, read and written the same way as the
 * CLI does, so everything in the file outside the calculated columns is kept.
 */
export function fileHost(settings: SettingsStore): FileHost {
  let current: { bytes: Uint8Array; name: string } | null = null;
  const need = () => {
    if (!current) throw new Error("Open a workbook first: choose an .xlsx file or drop one here.");
    return current;
  };
  return {
    kind: "file",
    fileName: () => current?.name ?? null,
    open(bytes, name) {
      current = { bytes, name };
    },
    async read() {
      const { bytes, name } = need();
      return (await openDocument(bytes, name)).snapshot;
    },
    async apply({ plan, valuesOnly }) {
      const { bytes, name } = need();
      const { bytes: saved } = await (await openDocument(bytes, name)).save(plan, { valuesOnly });
      const outName = outputName(name);
      // The updated workbook becomes the open one, so a second Check shows what is left to fix.
      current = { bytes: saved, name: outName };
      return {
        summary: `Written to ${outName}. Your original file is unchanged.`,
        download: {
          name: outName,
          blob: new Blob([saved as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }),
        },
      };
    },
    select: async () => undefined,
    settings,
  };
}
