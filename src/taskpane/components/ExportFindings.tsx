import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress, type Finding, reportRow } from "../../core";
import {
  contextLines,
  CSV_COLUMNS,
  findingsCsvFile,
  HELP_COLUMNS,
  helpCells,
  type ExportContext,
} from "../finding-help";
import { countText } from "../counts";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "register.xlsx" → "register findings". */
export function exportBaseName(fileName: string | null): string {
  return `${(fileName ?? "workbook").replace(/\.xlsx$/i, "")} findings`;
}

/** "Export 3 shown as CSV": the export holds what the filters show, and says so. */
export function exportLabel(count: number, format: string): string {
  return `Export ${countText(count)} shown as ${format}`;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const title = (c: string) => c.charAt(0).toUpperCase() + c.slice(1);

/**
 * The findings as a one-sheet workbook: the context on top (file, as-at date, filter), then the
 * table with each finding's help; ExcelJS is loaded only when asked for.
 */
export async function findingsWorkbook(
  findings: readonly Finding[],
  context?: ExportContext,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "xlsx" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Findings");
  const lines = context ? contextLines(context) : [];
  for (const line of lines) ws.addRow(line).getCell(1).font = { bold: true };
  if (lines.length > 0) ws.addRow([]);
  // The header row (0-based): below the lines about the workbook and a blank row, if any.
  const headerRow = lines.length > 0 ? lines.length + 1 : 0;
  const header = ws.addRow([...CSV_COLUMNS, ...HELP_COLUMNS].map(title));
  header.font = { bold: true };
  const widths: Record<string, number> = { message: 60, "why it matters": 45, "how to fix": 45 };
  [...CSV_COLUMNS, ...HELP_COLUMNS].forEach(
    (c, i) => (ws.getColumn(i + 1).width = widths[c] ?? 16),
  );
  // Cell values are set as values, never formulas: a message starting "=" stays text.
  for (const f of findings) ws.addRow([...CSV_COLUMNS.map((c) => f[c] ?? null), ...helpCells(f)]);
  ws.views = [{ state: "frozen", ySplit: reportRow(headerRow) }];
  const lastColumn = CSV_COLUMNS.length + HELP_COLUMNS.length - 1;
  ws.autoFilter = {
    from: cellAddress(headerRow, 0),
    to: cellAddress(headerRow + findings.length, lastColumn),
  };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Exports the findings the list shows (its filters applied). */
export function ExportFindings({
  findings,
  name,
  context,
}: {
  findings: readonly Finding[];
  name: string | null;
  context?: ExportContext;
}) {
  const styles = useStyles();
  const base = exportBaseName(name);
  return (
    <span className={styles.row}>
      <Button
        size="small"
        disabled={findings.length === 0}
        onClick={() =>
          save(
            new Blob([findingsCsvFile(findings, context)], { type: "text/csv;charset=utf-8" }),
            `${base}.csv`,
          )
        }
      >
        {exportLabel(findings.length, "CSV")}
      </Button>
      <Button
        size="small"
        disabled={findings.length === 0}
        onClick={() =>
          void findingsWorkbook(findings, context).then((bytes) =>
            save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), `${base}.xlsx`),
          )
        }
      >
        {exportLabel(findings.length, ".xlsx")}
      </Button>
    </span>
  );
}
