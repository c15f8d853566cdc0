import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli, importDecisions } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import {
  ALLOCATIONS,
  BANES_NOTICE,
  DONCASTER_NOTICE,
  MINUTES_NOTICE,
  REGISTER,
  SOURCES,
} from "../helpers/decisions-workbook";
import { loadFile, tempDir, writeXlsx } from "../helpers/xlsx";

const EMIEP = `${FIXTURES}/emiep-funding-2008.xlsx`;

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("council-sheets decisions import", () => {
  const dir = tempDir("cs-decisions-");

  test("a workbook without a register gets a Decisions sheet with the three seeds; nothing else changes", async () => {
    const out = path.join(dir, "emiep-decisions.xlsx");
    const before = hash(EMIEP);
    const {
      code,
      out: stdout,
      err,
    } = await importDecisions(
      [DONCASTER_NOTICE, BANES_NOTICE, MINUTES_NOTICE],
      EMIEP,
      out,
      "--json",
    );
    expect(err).toBe("");
    expect(hash(EMIEP)).toBe(before);
    const doc = JSON.parse(stdout);
    expect(doc.created).toBe(true);
    expect(doc.sheet).toBe("Decisions");
    expect(doc.rows.map((r: { action: string; row: number }) => [r.action, r.row])).toEqual([
      ["added", 2],
      ["added", 3],
      ["added", 4],
    ]);
    // Every field with the sentence it came from.
    expect(doc.records[0].fields.amountApproved).toEqual({
      value: 97710,
      sentence: expect.stringContaining("a total of £97,710"),
    });
    expect(doc.records[1].fields.effectiveFrom).toEqual({
      value: "2023-11-18",
      sentence: "Effective from: 18/11/2023",
    });
    expect(doc.records[2].amountStatement).toMatch(/^No amount approved/);
    // The new register is a council table: found as a decisions table, and the late Doncaster
    // publication (121 days) is reported on it.
    expect(doc.findings.filter((f: { sheet: string }) => f.sheet === "Decisions")).toEqual([
      expect.objectContaining({ code: "late-publication", sheet: "Decisions", cell: "H2" }),
    ]);
    expect(code).toBe(0);

    const written = await loadFile(out);
    const sheet = written.snapshot.sheets.find((s) => s.name === "Decisions");
    const row = (r: number) => (sheet?.rows[r] ?? []).map((c) => c?.value ?? null);
    expect(row(0).slice(0, 3)).toEqual(["Decision reference", "Title", "Decision maker"]);
    expect(row(1)[0]).toBe("AHWB.012.2021");
    expect(row(1)[6]).toBe(44285); // 30/03/2021
    expect(row(1)[9]).toBe(97710);
    expect(row(2)[9]).toBe(18116521);
    expect(row(2)[13]).toBe("E3393; E3469");
    expect(row(3)[9]).toBeNull();
    expect(row(3)[11]).toBe(45017); // 01/04/2023
    expect(row(3)[12]).toBe(45382); // 31/03/2024
    expect(sheet?.rows[1]?.[6]?.numberFormat).toBe("dd/mm/yyyy");
    // The workbook's own sheets read exactly as before.
    const original = await loadFile(EMIEP);
    for (const s of original.snapshot.sheets)
      expect(written.snapshot.sheets.find((w) => w.name === s.name)?.rows).toEqual(s.rows);
  });

  test("an existing register is extended in place (direct writer): updated and added rows", async () => {
    const into = await writeXlsx(path.join(dir, "with-register.xlsx"), [
      { name: "Decisions", rows: REGISTER },
      { name: "Sources", rows: SOURCES },
      { name: "Allocations", rows: ALLOCATIONS },
    ]);
    const out = path.join(dir, "with-register-out.xlsx");
    const {
      code,
      out: stdout,
      err,
    } = await importDecisions([DONCASTER_NOTICE, MINUTES_NOTICE], into, out, "--json");
    expect(err).toBe("");
    const doc = JSON.parse(stdout);
    expect(doc.engine).toBe("direct");
    expect(doc.created).toBe(false);
    expect(
      doc.rows.map((r: { action: string; row: number; notWritten: string[] }) => [
        r.action,
        r.row,
        r.notWritten,
      ]),
    ).toEqual([
      ["updated", 4, ["fundingSource", "sourceFile"]],
      ["added", 9, ["sourceFile"]],
    ]);
    // Without --json the same is said in the register's own words, not field names.
    const text = await importDecisions(
      [DONCASTER_NOTICE],
      into,
      path.join(dir, "with-register-text.xlsx"),
    );
    expect(text.out).toContain("the register has no column for: Funding source, Source file");
    // The Doncaster row's short title gives way to the record's full title; nothing else differs.
    expect(doc.changed.map((c: { cell: string }) => c.cell)).toEqual(["B4"]);
    // The planted findings of the allocations table still stand: exit 1.
    expect(code).toBe(1);
    const written = await loadFile(out);
    const register = written.snapshot.sheets.find((s) => s.name === "Decisions");
    expect(register?.rows[8]?.[2]?.value).toBe("Cabinet");
    expect(register?.rows[8]?.[10]?.value).toBe(45017); // 01/04/2023
    const original = await loadFile(into);
    for (const name of ["Sources", "Allocations"])
      expect(written.snapshot.sheets.find((s) => s.name === name)?.rows).toEqual(
        original.snapshot.sheets.find((s) => s.name === name)?.rows,
      );
  });

  test("a record saved as HTML reads as its text does", async () => {
    const html = path.join(dir, "decision.html");
    const text = readFileSync(BANES_NOTICE, "utf8");
    writeFileSync(
      html,
      `<html><body>${text
        .split("\n")
        .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/£/g, "&pound;")}</p>`)
        .join("")}</body></html>`,
    );
    const { code, out } = await importDecisions(
      [html],
      EMIEP,
      path.join(dir, "html.xlsx"),
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).records[0].fields.amountApproved.value).toBe(18116521);
  });

  test("bad input: one line on stderr, exit 2, nothing written", async () => {
    const notes = path.join(dir, "notes.txt");
    writeFileSync(notes, "Shopping list: milk, eggs.");
    const binary = path.join(dir, "binary.txt");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
    const folder = path.join(dir, "a-folder");
    mkdirSync(folder);
    const cases: [string[], RegExp][] = [
      [
        [path.join(dir, "missing.txt"), "--into", EMIEP, "--out", path.join(dir, "x.xlsx")],
        /does not exist/,
      ],
      [[DONCASTER_NOTICE, "--into", EMIEP, "--out", EMIEP], /never writes over its input/],
      [
        [DONCASTER_NOTICE, "--into", EMIEP, "--out", DONCASTER_NOTICE],
        /never writes over its input/,
      ],
      [
        [DONCASTER_NOTICE, "--into", EMIEP, "--out", folder],
        /is a folder; Council Sheets only writes a regular file/,
      ],
      [
        [DONCASTER_NOTICE, "--into", EMIEP, "--out", "/dev/null"],
        /is a device; Council Sheets only writes a regular file/,
      ],
      [
        [notes, "--into", EMIEP, "--out", path.join(dir, "y.xlsx")],
        /does not read as a decision record/,
      ],
      [[binary, "--into", EMIEP, "--out", path.join(dir, "z.xlsx")], /binary data/],
      [[DONCASTER_NOTICE, "--into", notes, "--out", path.join(dir, "w.xlsx")], /./],
      [
        [
          DONCASTER_NOTICE,
          "--into",
          EMIEP,
          "--out",
          path.join(dir, "v.xlsx"),
          "--key-threshold",
          "lots",
        ],
        /--key-threshold wants an amount in pounds above 0, not "lots"/,
      ],
      [
        [
          DONCASTER_NOTICE,
          "--into",
          EMIEP,
          "--out",
          path.join(dir, "t.xlsx"),
          "--key-threshold",
          "0",
        ],
        /--key-threshold wants an amount in pounds above 0, not "0"/,
      ],
      [
        [DONCASTER_NOTICE, "--into", EMIEP, "--out", path.join(dir, "no-such-folder", "s.xlsx")],
        /no-such-folder/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await cli("decisions", "import", ...args);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.trimEnd().split("\n")).toHaveLength(1);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
