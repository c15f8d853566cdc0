import { execFileSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import RENDER_ARGS from "../helpers/render-args.json";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/core/analyse";
import { PidError } from "../../src/core/pid/build";
import { planPids } from "../../src/core/pid-sources-from-kinds";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { FIXTURES, TODAY } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { havePoppler } from "../helpers/render";
import { loadFile, tempDir, writeXlsx } from "../helpers/xlsx";

async function generate(input: string, wanted: string[] | "all") {
  const { snapshot, workbook } = await loadFile(input);
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  const result = planPids(analysis, snapshot, wanted, TODAY);
  applyPlan(workbook, { operations: result.operations }, { valuesOnly: false });
  const out = path.join(tempDir(), "pids.xlsx");
  writeFileSync(out, await saveWorkbook(workbook));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { wb, out, ...result };
}

/** "Label" in column A → the value beside it (column B). */
function field(ws: ExcelJS.Worksheet | undefined, label: string): unknown {
  let found: unknown;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === label && found === undefined) found = row.getCell(2).value;
  });
  return found;
}

function rowOf(
  ws: ExcelJS.Worksheet | undefined,
  text: string,
  exact = false,
): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  ws?.eachRow((row) => {
    const first = String(row.getCell(1).value ?? "");
    if (!found && (exact ? first === text : first.startsWith(text))) found = row;
  });
  return found;
}

describe("PID sheets from bcp-pid-inputs.xlsx", () => {
  let generated: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    generated = await generate(`${FIXTURES}/bcp-pid-inputs.xlsx`, "all");
  });

  it("writes one PID sheet per project", () => {
    expect(generated.summaries.map((s) => [s.sheet, s.risks, s.fundingLines])).toEqual([
      ["PID - Short Term Support", 4, 1],
      ["PID - Support at Home", 5, 1],
      ["PID - Self-Directed Support", 4, 2],
      ["PID - How We Work", 4, 3],
    ]);
    expect(
      generated.wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("PID")),
    ).toHaveLength(4);
  });

  it("holds each project's SRO and Lead Officer", () => {
    const sds = generated.wb.getWorksheet("PID - Self-Directed Support");
    expect(field(sds, "SRO")).toBe(
      "Siobain Hann (Head of Strategic Commissioning for Disabilities Quality and Commissioning)",
    );
    expect(field(sds, "Lead Officer")).toBe(
      "Kate Garner (Interim Commissioning Manager for Self-Directed Support)",
    );
    expect(field(generated.wb.getWorksheet("PID - How We Work"), "SRO")).toBe(
      "Betty Butlin (Director of ASC)",
    );
  });

  it("scores the project's risks, states the bands and prints the key", () => {
    const hww = generated.wb.getWorksheet("PID - How We Work");
    const risk = rowOf(hww, "Inability to deliver financial benefits");
    expect([risk?.getCell(2).value, risk?.getCell(3).value]).toEqual([2, 3]);
    expect(risk?.getCell(4).formula).toMatch(/^IF\(COUNT\(B\d+,C\d+\)=2,B\d+\*C\d+,""\)$/);
    expect(risk?.getCell(4).result).toBe(6);
    expect(risk?.getCell(5).result).toBe("Medium");
    const ratings = rowOf(hww, "Priority Ratings:");
    expect([2, 3, 4].map((c) => ratings?.getCell(c).value)).toEqual([
      "1-2 Low",
      "3-6 Medium",
      "8-16 High",
    ]);
    expect(rowOf(hww, "Definitions:")?.getCell(2).value).toBe("L = Likelihood (1-4)");
  });

  it("lists funding with budget and variance, Self-Directed Support at project level", () => {
    const sds = generated.wb.getWorksheet("PID - Self-Directed Support");
    const commissioner = rowOf(sds, "Senior Commissioner");
    expect([
      commissioner?.getCell(2).value,
      commissioner?.getCell(3).value,
      commissioner?.getCell(4).value,
    ]).toEqual([129690, 204690, "AW7002"]);
    expect(commissioner?.getCell(5).formula).toMatch(
      /^IF\(ISNUMBER\(C\d+\),SUM\(B\d+:B\d+\)-C\d+,""\)$/,
    );
    expect(commissioner?.getCell(5).result).toBe(0);
    expect(commissioner?.getCell(3).numFmt).toBe('"£"#,##0');
    expect(rowOf(sds, "CME Development Costs")?.getCell(2).value).toBe(75000);
  });

  it("lays out every seed section, with drop-downs and A4 print set-up", () => {
    const ws = generated.wb.getWorksheet("PID - How We Work");
    for (const section of [
      "Programmes & Project Management",
      "Project Objectives",
      "Project Approach",
      "Quality Approach",
      "Stakeholder Approach",
      "Communications Approach",
      "Risks",
      "Funding Approach",
      "Highlight Report",
      "Project Governance",
      "Handover Approach",
      "Approval",
    ]) {
      expect([section, rowOf(ws, section)?.getCell(1).font?.bold]).toEqual([section, true]);
    }
    const stakeholder = rowOf(ws, "Stakeholder", true)?.number ?? 0;
    expect(ws?.getCell(stakeholder + 1, 2).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"High,Medium,Low"'],
    });
    expect(field(ws, "Frequency")).toBe("Monthly");
    expect(ws?.pageSetup).toMatchObject({
      orientation: "portrait",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: "1:2",
    });
    const date = rowOf(ws, "Date")?.getCell(2);
    expect(date?.numFmt).toBe("dd/mm/yyyy");
  });

  it("reports an unknown project with the names it knows", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-pid-inputs.xlsx`);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    expect(() => planPids(analysis, snapshot, ["Nope"], TODAY)).toThrow(
      new PidError(
        "unknown-project",
        'No project named "Nope"; the projects are: Short Term Support, Support at Home, Self-Directed Support, How We Work',
      ),
    );
  });
});

describe("hostile text in a projects table", () => {
  const HOSTILE = {
    sro: '=HYPERLINK("http://evil.example","Click")',
    ppm: "+44 1202 123456",
    lead: "@SUM(A1:A9)",
    objectives: "-2 FTE from April",
  };

  it("is written as exactly that text, never as a formula", async () => {
    const input = await writeXlsx(path.join(tempDir(), "hostile.xlsx"), [
      {
        name: "Projects",
        rows: [
          ["Project Name", "SRO", "PPM Officer", "Lead Officer", "Objectives"],
          ["Hostile", HOSTILE.sro, HOSTILE.ppm, HOSTILE.lead, HOSTILE.objectives],
        ],
      },
    ]);
    const { wb } = await generate(input, ["Hostile"]);
    const ws = wb.getWorksheet("PID - Hostile");
    const cells: ExcelJS.Cell[] = [];
    ws?.eachRow((row) =>
      row.eachCell((c) => void (c.isMerged && c.master !== c ? 0 : cells.push(c))),
    );
    const hostile = cells.filter((c) => Object.values(HOSTILE).includes(String(c.value)));
    expect(hostile.map((c) => c.value).sort()).toEqual(Object.values(HOSTILE).sort());
    for (const c of hostile) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
    // Only the PID's own calculations are formulas: none in this project (no risks or funding).
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });
});

const soffice = findSoffice();
const renders = soffice !== null && havePoppler();
if (!renders) console.warn("LibreOffice or poppler not found: PID printing not checked (CI fails)");

(renders ? describe : describe.skip)("a PID rendered by LibreOffice", () => {
  // The README's picture of this page is made by `npm run docs:screenshots`; tests never write
  // into the repository.
  it("prints as PDF pages, and the first page renders as an image", async () => {
    const { wb } = await generate(`${FIXTURES}/bcp-pid-inputs.xlsx`, ["How We Work"]);
    for (const ws of [...wb.worksheets]) if (!ws.name.startsWith("PID")) wb.removeWorksheet(ws.id);
    const dir = tempDir();
    const only = path.join(dir, "pid-how-we-work.xlsx");
    await wb.xlsx.writeFile(only);
    const profile = `-env:UserInstallation=file://${dir}/profile`;
    const toPdf = [profile, ...RENDER_ARGS.sofficeToPdf, "--outdir", dir, only];
    execFileSync(soffice as string, toPdf, { timeout: 180_000 });
    const pdf = path.join(dir, "pid-how-we-work.pdf");
    expect(existsSync(pdf)).toBe(true);
    const pages = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(pages).toMatch(/Pages:\s+[12]\n/);
    const png = path.join(dir, "pid");
    execFileSync("pdftoppm", [...RENDER_ARGS.pdfFirstPageToPng, pdf, png]);
    expect(statSync(path.join(dir, "pid.png")).size).toBeGreaterThan(10_000);
  });
});
