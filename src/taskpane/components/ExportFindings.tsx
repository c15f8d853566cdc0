import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core";
import { CSV_COLUMNS, findingsCsvFile } from "../finding-help";
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

/** The findings as a one-sheet workbook; ExcelJS is loaded only when asked for. */
export async function findingsWorkbook(findings: readonly Finding[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "xlsx" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Findings");
  ws.columns = CSV_COLUMNS.map((c) => ({
    header: c.charAt(0).toUpperCase() + c.slice(1),
    key: c,
    width: c === "message" ? 60 : 16,
  }));
  // Cell values are set as values, never formulas: a message starting "=" stays text.
  for (const f of findings)
    ws.addRow(Object.fromEntries(CSV_COLUMNS.map((c) => [c, f[c] ?? null])));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: "A1", to: `H${findings.length + 1}` };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Exports the findings the list shows (its filters applied). */
export function ExportFindings({
  findings,
  name,
}: {
  findings: readonly Finding[];
  name: string | null;
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
            new Blob([findingsCsvFile(findings)], { type: "text/csv;charset=utf-8" }),
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
          void findingsWorkbook(findings).then((bytes) =>
            save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), `${base}.xlsx`),
          )
        }
      >
        {exportLabel(findings.length, ".xlsx")}
      </Button>
    </span>
  );
}
