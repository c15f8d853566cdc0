import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { WorkbookError } from "../../src/adapters/xlsx/errors";
import { run } from "../../src/cli/program";
import { nativeZlib } from "../../src/cli/zlib";
import { convertArgs, findSoffice, recalcProfile } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";

/** A funding workbook as openpyxl writes one: inline strings, absolute targets, no shared strings. */
const FUNDING = `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Funding sources"
ws.append(["Funding source", "2025/26 £", "2026/27 £"])
ws.append(["Public Health Grant", 100000, 120000])
ws.append(["Council match", 50000, "tbc"])
al = wb.create_sheet("Allocations")
al.append(["Ref", "Service", "PHG 2025/26 £", "Council 2025/26 £", "PHG 2026/27 £", "Council 2026/27 £"])
al.append(["1", "Stop smoking", 60000, 30000, 70000, 10000])
al.append(["2", "Healthy weight", 40000, 20000, 50000, 5000])
al.append(["3", "=not a formula", 0, 0, 0, 0])
al["B4"].data_type = "s"
wb.save(sys.argv[1])
`;

const READ_BACK = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({
  "sheets": wb.sheetnames,
  "names": sorted(n.name for n in wb.defined_names.definedName) if hasattr(wb.defined_names, "definedName") else sorted(wb.defined_names.keys()),
  "a1": wb["Reconciliation"]["A1"].value,
  "c5": wb["Reconciliation"]["C5"].value,
}))
`;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...args, "--json", "--as-of", "2026-01-01"], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: () => new Date("2026-01-01T12:00:00Z"),
  });
  return { code, err: err.join("\n"), json: out.length ? JSON.parse(out.join("\n")) : null };
}

const withOpenpyxl = hasOpenpyxl("other-tools package tests") ? describe : describe.skip;

withOpenpyxl("packages written by openpyxl", () => {
  const dir = tempDir("cs-openpyxl-");
  const input = path.join(dir, "openpyxl-funding.xlsx");
  const out = path.join(dir, "applied.xlsx");
  const again = path.join(dir, "applied-twice.xlsx");

  beforeAll(() => {
    execFileSync(PYTHON, ["-c", FUNDING, input]);
  });

  it("are the raw form: absolute targets, inline strings, no shared-strings part", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(input)));
    expect(Object.keys(parts)).not.toContain("xl/sharedStrings.xml");
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).toContain(
      'Target="/xl/worksheets/sheet1.xml"',
    );
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"] ?? new Uint8Array())).toContain(
      't="inlineStr"',
    );
  });

  it("are read directly, and written directly with a Reconciliation sheet", async () => {
    const document = await openWorkbook(new Uint8Array(readFileSync(input)), "in", nativeZlib());
    expect(document.engine).toBe("direct");
    expect(document.snapshot.sheets.find((s) => s.name === "Allocations")?.rows[3]?.[1]).toEqual({
      value: "=not a formula",
    });
    const applied = await cli("apply", input, "--out", out);
    expect(applied.err).toBe("");
    expect(applied.json.written.map((w: { sheet: string }) => w.sheet)).toContain("Reconciliation");
    const reread = await openWorkbook(new Uint8Array(readFileSync(out)), "out", nativeZlib());
    expect(reread.engine).toBe("direct");
    expect(reread.snapshot.sheets.map((s) => [s.name, s.ours ?? null])).toEqual([
      ["Funding sources", null],
      ["Allocations", null],
      ["Reconciliation", "reconciliation"],
    ]);
    // Text that looked like a formula is still text.
    expect(reread.snapshot.sheets[1]?.rows[3]?.[1]).toEqual({ value: "=not a formula" });
    // The new sheet follows the package's own form: an absolute target beside the others.
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).toContain(
      'Target="/xl/worksheets/sheet3.xml"',
    );
    expect(Object.keys(parts)).not.toContain("xl/sharedStrings.xml");
  });

  it("are read back by openpyxl itself, with our mark and our sheet", () => {
    const read = JSON.parse(execFileSync(PYTHON, ["-c", READ_BACK, out], { encoding: "utf8" }));
    expect(read.sheets).toEqual(["Funding sources", "Allocations", "Reconciliation"]);
    expect(read.names).toContain("_CouncilSheets_Reconciliation_1");
    expect(read.a1).toBe("Match-funding reconciliation");
    expect(read.c5).toBe("='Funding sources'!B2");
  });

  it("change nothing on a second apply", async () => {
    const second = await cli("apply", out, "--out", again);
    expect(second.json.changed).toEqual([]);
    const reread = await openWorkbook(new Uint8Array(readFileSync(again)), "again", nativeZlib());
    expect(reread.snapshot.sheets).toHaveLength(3);
  });

  it("are called damaged only when they are", async () => {
    const bytes = new Uint8Array(readFileSync(input));
    const cut = bytes.slice(0, Math.floor(bytes.length * 0.6));
    const error = await openWorkbook(cut, "cut.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("damaged");
    await expect(openWorkbook(bytes, "whole.xlsx")).resolves.toMatchObject({ engine: "direct" });
  });
});

const soffice = findSoffice();
const withBoth = soffice && hasOpenpyxl("other-tools package tests") ? describe : describe.skip;

withBoth("the same workbook saved by LibreOffice", () => {
  it("is read and written directly, and LibreOffice opens our output", async () => {
    const dir = tempDir("cs-lo-package-");
    const source = path.join(dir, "funding.xlsx");
    execFileSync(PYTHON, ["-c", FUNDING, source]);
    const loDir = path.join(dir, "lo");
    execFileSync(soffice as string, convertArgs(recalcProfile(), loDir, [source]), {
      stdio: "pipe",
      timeout: 180_000,
    });
    const saved = path.join(loDir, "funding.xlsx");
    const parts = unzipSync(new Uint8Array(readFileSync(saved)));
    expect(Object.keys(parts)).toContain("xl/sharedStrings.xml");
    const out = path.join(dir, "applied.xlsx");
    const applied = await cli("apply", saved, "--out", out);
    expect(applied.err).toBe("");
    const reread = await openWorkbook(new Uint8Array(readFileSync(out)), "out", nativeZlib());
    expect(reread.engine).toBe("direct");
    expect(reread.snapshot.sheets.find((s) => s.name === "Reconciliation")?.ours).toBe(
      "reconciliation",
    );
    // LibreOffice opens what we wrote and saves it again with the sheet and the mark.
    const reDir = path.join(dir, "again");
    execFileSync(soffice as string, convertArgs(recalcProfile(), reDir, [out]), {
      stdio: "pipe",
      timeout: 180_000,
    });
    const resaved = await openWorkbook(
      new Uint8Array(readFileSync(path.join(reDir, "applied.xlsx"))),
      "resaved",
      nativeZlib(),
    );
    expect(resaved.snapshot.sheets.find((s) => s.name === "Reconciliation")?.ours).toBe(
      "reconciliation",
    );
  }, 240_000);
});
