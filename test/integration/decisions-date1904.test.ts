import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { loadWorkbook } from "../../src/adapters/xlsx/read";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { planDecisionImport } from "../../src/core/decisions/import";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { detectDecisionRegisters } from "../../src/core/decisions/register";
import { dateToSerial } from "../../src/core/values";
import { nativeZlib } from "../../src/cli/zlib";
import { importDecisions } from "../helpers/cli";
import { DONCASTER_NOTICE } from "../helpers/decisions-workbook";
import { tempDir } from "../helpers/xlsx";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";

/**
 * Workbooks on the 1904 date system (workbookPr date1904="1", ECMA-376 Part 1 §18.2.28): their
 * serials count from 1 January 1904, 1,462 days below the 1900 system's. The direct reader moves
 * date cells into the 1900 system the core counts in, and the writer stores new dates back in
 * the file's own system. openpyxl, reading the file with its own epoch handling, is the oracle.
 */

const MAKE = `
import sys, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = sys.argv[2]
if sys.argv[2] == "Decisions":
    ws.append(["Decision ref", "Title", "Decision maker", "Status", "Date of decision", "Publication date", "Amount approved"])
    ws.append(["CAB/24/031", "Hubs", "Cabinet", "Approved", datetime.date(2024, 3, 12), datetime.date(2024, 3, 14), 240000])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for c in row:
            c.number_format = "dd/mm/yyyy"
else:
    ws.append(["Notes"])
wb.save(sys.argv[1])
`;

const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps({"epoch1904": wb.epoch.year == 1904,
  "rows": [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=3)]}, default=str))
`;

const python = (script: string, ...args: string[]) =>
  execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8" });

(hasOpenpyxl("1904 date system tests") ? describe : describe.skip)(
  "a workbook on the 1904 date system",
  () => {
    const dir = tempDir("cs-decisions-1904-");

    test("register dates read as their true days, and new dates are written in the file's system", async () => {
      const into = path.join(dir, "register-1904.xlsx");
      python(MAKE, into, "Decisions");
      const document = await openWorkbook(
        new Uint8Array(readFileSync(into)),
        "r.xlsx",
        nativeZlib(),
      );
      expect(document.snapshot.date1904).toBe(true);
      const register = detectDecisionRegisters(document.snapshot.sheets[0]!, new Set())[0];
      expect(register?.decisions[0]?.dateOfDecision).toBe(dateToSerial(2024, 3, 12));
      expect(register?.decisions[0]?.publicationDate).toBe(dateToSerial(2024, 3, 14));

      const out = path.join(dir, "register-1904-out.xlsx");
      const { err } = await importDecisions([DONCASTER_NOTICE], into, out);
      expect(err).toBe("");
      const read = JSON.parse(python(READ, out, "Decisions"));
      expect(read.epoch1904).toBe(true);
      expect(read.rows[0].slice(4, 6)).toEqual(["2024-03-12 00:00:00", "2024-03-14 00:00:00"]);
      expect(read.rows[1].slice(0, 1)).toEqual(["AHWB.012.2021"]);
      expect(read.rows[1].slice(4, 6)).toEqual(["2021-03-30 00:00:00", "2021-07-29 00:00:00"]);
    });

    test("a new Decisions sheet in a 1904 workbook holds its dates on their true days", async () => {
      const into = path.join(dir, "plain-1904.xlsx");
      python(MAKE, into, "Notes");
      const out = path.join(dir, "plain-1904-out.xlsx");
      const { err } = await importDecisions([DONCASTER_NOTICE], into, out);
      expect(err).toBe("");
      const read = JSON.parse(python(READ, out, "Decisions"));
      // Date of decision and publication date: the 7th and 8th register columns.
      expect(read.rows[0].slice(6, 8)).toEqual(["2021-03-30 00:00:00", "2021-07-29 00:00:00"]);
    });

    test("through ExcelJS too: read as true days, written back in the file's system", async () => {
      const into = path.join(dir, "exceljs-1904.xlsx");
      python(MAKE, into, "Decisions");
      const { workbook, snapshot } = await loadWorkbook(
        new Uint8Array(readFileSync(into)),
        "e.xlsx",
      );
      const register = detectDecisionRegisters(snapshot.sheets[0]!, new Set())[0];
      expect(register?.decisions[0]?.dateOfDecision).toBe(dateToSerial(2024, 3, 12));
      const record = readDecisionRecord(readFileSync(DONCASTER_NOTICE, "utf8"), "000.txt");
      applyPlan(workbook, planDecisionImport(snapshot, [record]), { valuesOnly: false });
      const out = path.join(dir, "exceljs-1904-out.xlsx");
      writeFileSync(out, await saveWorkbook(workbook));
      const read = JSON.parse(python(READ, out, "Decisions"));
      expect(read.rows[0].slice(4, 6)).toEqual(["2024-03-12 00:00:00", "2024-03-14 00:00:00"]);
      expect(read.rows[1].slice(4, 6)).toEqual(["2021-03-30 00:00:00", "2021-07-29 00:00:00"]);
    });
  },
);
