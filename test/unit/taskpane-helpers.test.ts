import { parseString } from "@fast-csv/parse";
import fc from "fast-check";
import { FindingCodeSchema, type Finding } from "../../src/core/findings";
import { sortBands, DEFAULT_BANDS } from "../../src/core/bands";
import {
  CSV_COLUMNS,
  HELP_COLUMNS,
  findingsCsv,
  findingsCsvFile,
  helpFor,
} from "../../src/taskpane/finding-help";
import {
  bandStyles,
  contrastRatio,
  HEAT_FILLS,
  shortLabel,
  textOn,
} from "../../src/core/band-colours";
import { outputName } from "../../src/taskpane/hosts/file-host";
import { exportBaseName, exportLabel } from "../../src/taskpane/components/ExportFindings";

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on("data", (row: string[]) => rows.push(row))
      .on("error", reject)
      .on("end", () => resolve(rows));
  });
}

const finding = (over: Partial<Finding>): Finding => ({
  severity: "error",
  code: "score-mismatch",
  sheet: "Risks",
  cell: "D9",
  message: "Score is 4 but likelihood 2 × impact 3 = 6",
  expected: 6,
  actual: 4,
  ...over,
});

describe("finding help", () => {
  it("has a why and a how for every finding code", () => {
    for (const code of FindingCodeSchema.options) {
      const help = helpFor(code);
      expect(help?.why).toMatch(/\.$/);
      expect(help?.fix).toMatch(/\.$/);
    }
    expect(helpFor("no-such-code")).toBeUndefined();
  });
});

describe("findings as CSV", () => {
  it("round-trips through @fast-csv/parse, quotes and all, with a header", async () => {
    const findings = [
      finding({}),
      finding({ sheet: 'Risks, "2025"', message: "line one\nline two", table: "A4:L16" }),
      finding({ severity: "warning", code: "review-overdue", expected: undefined, actual: null }),
    ];
    const rows = await parseCsv(findingsCsv(findings));
    expect(rows[0]).toEqual([...CSV_COLUMNS, ...HELP_COLUMNS]);
    expect(rows.slice(1)).toEqual(
      findings.map((f) => [
        ...CSV_COLUMNS.map((c) => (f[c] === undefined || f[c] === null ? "" : String(f[c]))),
        helpFor(f.code)?.why ?? "",
        helpFor(f.code)?.fix ?? "",
      ]),
    );
  });

  it("states the file, the as-at date and the filter above the table", async () => {
    const context = { file: "risks.xlsx", asAt: "28/11/2025", filter: "Errors; all codes" };
    const rows = await parseCsv(findingsCsv([finding({ code: "review-overdue" })], context));
    expect(rows.slice(0, 3)).toEqual([
      ["File", "risks.xlsx"],
      ["As at", "28/11/2025"],
      ["Filter", "Errors; all codes"],
    ]);
    expect(rows[4]).toEqual([...CSV_COLUMNS, ...HELP_COLUMNS]);
    expect(rows[5]?.slice(-2)).toEqual([
      helpFor("review-overdue")?.why,
      helpFor("review-overdue")?.fix,
    ]);
  });

  it("saves with a UTF-8 byte-order mark, so Excel reads £ as £, and says what it exports", () => {
    const csv = findingsCsvFile([finding({ message: "Budget £1,200 over" })]);
    const bytes = new TextEncoder().encode(csv);
    // The UTF-8 BOM is EF BB BF (Unicode §23.8); the rest is the plain CSV.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes)).toBe(
      findingsCsv([finding({ message: "Budget £1,200 over" })]),
    );
    expect(exportLabel(1, "CSV")).toBe("Export 1 shown as CSV");
  });

  it("never lets a spreadsheet read a field as a formula, and keeps negative numbers", async () => {
    const rows = await parseCsv(
      findingsCsv([finding({ sheet: "=HYPERLINK(1)", message: "+1", expected: -5, actual: "@x" })]),
    );
    expect(rows[1]?.[2]).toBe("'=HYPERLINK(1)");
    expect(rows[1]?.[5]).toBe("'+1");
    expect(rows[1]?.[6]).toBe("-5");
    expect(rows[1]?.[7]).toBe("'@x");
  });

  it("keeps any text intact (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (sheet, message) => {
        const rows = await parseCsv(findingsCsv([finding({ sheet, message })]));
        const defuse = (t: string) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t);
        expect(rows[1]?.[2]).toBe(defuse(sheet));
        expect(rows[1]?.[5]).toBe(defuse(message));
      }),
      { numRuns: 200 },
    );
  });
});

describe("heat map colours", () => {
  it("draws every band's text at 4.5:1 or more on its fill", () => {
    for (const fill of HEAT_FILLS)
      expect(contrastRatio(textOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
  });

  it("agrees with WCAG's published ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("draws High in red, never orange, wherever it sits among the bands", () => {
    const three = bandStyles(sortBands(DEFAULT_BANDS[4]));
    expect(three.map((s) => s.short)).toEqual(["L", "M", "H"]);
    expect(three[2]?.background).toBe("#c50f1f");
    expect(bandStyles(sortBands(DEFAULT_BANDS[5]))[2]?.background).toBe("#c50f1f");
    const four = bandStyles([
      { from: 1, to: 3, label: "Low" },
      { from: 4, to: 6, label: "Medium" },
      { from: 8, to: 12, label: "High" },
      { from: 15, to: 25, label: "Very High" },
    ]);
    expect(four.map((s) => [s.short, s.background])).toEqual([
      ["L", "#8fd18f"],
      ["M", "#fde300"],
      ["H", "#c50f1f"],
      ["VH", "#6b0a1a"],
    ]);
  });

  it("gives bands with no telling words a colour by position, and distinct short labels", () => {
    const styles = bandStyles([
      { from: 1, to: 4, label: "Minor" },
      { from: 5, to: 9, label: "Moderate" },
      { from: 10, to: 25, label: "Band C" },
    ]);
    expect(styles.map((s) => s.background)).toEqual(["#8fd18f", "#fde300", "#c50f1f"]);
    expect(new Set(styles.map((s) => s.short)).size).toBe(3);
    expect(shortLabel("Medium risk")).toBe("M");
  });
});

describe("file names", () => {
  it("names the output once, however often it is written", () => {
    expect(outputName("register.xlsx")).toBe("register (Council Sheets).xlsx");
    expect(outputName(outputName(outputName("register.xlsx")))).toBe(
      "register (Council Sheets).xlsx",
    );
    expect(outputName("a (Council Sheets) b.XLSX")).toBe(
      "a (Council Sheets) b (Council Sheets).xlsx",
    );
    expect(exportBaseName("register (Council Sheets).xlsx")).toBe(
      "register (Council Sheets) findings",
    );
    expect(exportBaseName(null)).toBe("workbook findings");
  });
});

describe("findings as a workbook", () => {
  it("writes one row per finding under a header, text that looks like a formula kept as text", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { findingsWorkbook } = await import("../../src/taskpane/components/ExportFindings");
    const findings = [finding({}), finding({ sheet: "=SUM(A1)", code: "review-overdue" })];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await findingsWorkbook(findings)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Findings");
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      ...[...CSV_COLUMNS, ...HELP_COLUMNS].map((c) => c.charAt(0).toUpperCase() + c.slice(1)),
    ]);
    expect(ws?.rowCount).toBe(3);
    expect(ws?.getCell("C3").value).toBe("=SUM(A1)");
    expect(ws?.getCell("C3").formula).toBeUndefined();
    expect(ws?.getCell("G2").value).toBe(6);
    expect(ws?.autoFilter).toBe("A1:J3");
  });

  it("puts the context above the table when given it", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { findingsWorkbook } = await import("../../src/taskpane/components/ExportFindings");
    const context = { file: "risks.xlsx", asAt: "28/11/2025", filter: "All severities; all codes" };
    const wb = new ExcelJS.Workbook();
    const bytes = await findingsWorkbook([finding({ code: "review-overdue" })], context);
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Findings");
    expect([1, 2, 3].map((r) => ws?.getRow(r).values)).toEqual([
      [undefined, "File", "risks.xlsx"],
      [undefined, "As at", "28/11/2025"],
      [undefined, "Filter", "All severities; all codes"],
    ]);
    expect(ws?.getCell("A5").value).toBe("Severity");
    expect(ws?.getCell("J6").value).toBe(helpFor("review-overdue")?.fix);
    // The filter spans the header (row 5) to the last finding, and the pane freezes above row 6.
    expect(ws?.autoFilter).toBe("A5:J6");
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
  });
});
