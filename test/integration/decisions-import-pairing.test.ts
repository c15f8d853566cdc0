import path from "node:path";
import { importDecisions } from "../helpers/cli";
import { tempDir, writeXlsx } from "../helpers/xlsx";
import { BANES_NOTICE, DONCASTER_NOTICE, REGISTER_HEADER } from "../helpers/decisions-workbook";

/**
 * The import report pairs each record with the row it went to, by the record, not by position:
 * a batch naming one decision twice, or a register listing a reference twice, must not shift
 * later records onto other rows; a register's duplicate stays visible as a warning.
 */

describe("decisions import: records paired with their rows", () => {
  const dir = tempDir("cs-decisions-pairing-");

  test("a register holding a reference twice: the first row is updated and the duplicate is a warning", async () => {
    const into = await writeXlsx(path.join(dir, "dupes.xlsx"), [
      {
        name: "Decisions",
        rows: [
          REGISTER_HEADER,
          ["AHWB.012.2021", "BCF leadership", "Director", "Approved", null, 90000],
          ["CAB/24/031", "Hubs", "Cabinet", "Approved", null, 1000],
          ["AHWB.012.2021", "BCF leadership (copy)", "Director", "Approved", null, 90000],
        ],
      },
    ]);
    const out = path.join(dir, "dupes-out.xlsx");
    const json = await importDecisions(
      [BANES_NOTICE, DONCASTER_NOTICE],
      into,
      path.join(dir, "dupes-json.xlsx"),
      "--json",
    );
    const doc = JSON.parse(json.out);
    expect(
      doc.rows.map(
        (r: {
          record: number;
          action: string;
          row: number;
          reference: string;
          duplicateRows: number[];
        }) => [r.record, r.action, r.row, r.reference, r.duplicateRows],
      ),
    ).toEqual([
      // B&NES's record states no reference of its own.
      [0, "added", 5, null, []],
      [1, "updated", 2, "AHWB.012.2021", [4]],
    ]);
    const text = await importDecisions([BANES_NOTICE, DONCASTER_NOTICE], into, out);
    expect(text.err).toBe("");
    const lines = text.out.split("\n");
    const at = lines.findIndex((l) => l.includes("row 2") && l.includes("AHWB.012.2021"));
    expect(lines[at]).toMatch(/^\s+updated\s+row 2\s+AHWB\.012\.2021/);
    expect(lines[at + 1]?.trim()).toBe("£97,710 approved");
    expect(lines[at + 2]?.trim()).toBe(
      "warning: the register holds AHWB.012.2021 more than once (rows 2, 4); only row 2 was updated",
    );
    const banes = lines.findIndex((l) => l.includes("Community Services Transformation"));
    expect(lines[banes]).toMatch(/^\s+added\s+row 5\s+\(no reference in the record\)/);
    expect(lines[banes + 1]?.trim()).toBe("£18,116,521 approved for 2024/25");
  });

  test("a batch naming one decision twice reports each record against its own row", async () => {
    const into = await writeXlsx(path.join(dir, "plain.xlsx"), [
      { name: "Notes", rows: [["Anything"], ["else"]] },
    ]);
    const { out } = await importDecisions(
      [DONCASTER_NOTICE, DONCASTER_NOTICE, BANES_NOTICE],
      into,
      path.join(dir, "plain-out.xlsx"),
      "--json",
    );
    const doc = JSON.parse(out);
    expect(
      doc.rows.map((r: { record: number; action: string; row: number }) => [
        r.record,
        r.action,
        r.row,
      ]),
    ).toEqual([
      [0, "added", 2],
      [1, "updated", 2],
      [2, "added", 3],
    ]);
  });
});
