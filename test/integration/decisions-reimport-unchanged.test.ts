import path from "node:path";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";

/**
 * Importing a record the register already holds as the record states it changes nothing, and
 * says so: "unchanged", in the text and in --json, with nothing written. A record that does
 * change a value is "updated", and only its changed cells are written.
 */
const SEEDS = `${__dirname}/../../../shared/seeds`;
const DONCASTER = `${SEEDS}/000_27967092dd3fa8cc.txt`;
const BANES = `${SEEDS}/001_f88c53d8f01fb2f7.txt`;
const EMIEP = `${FIXTURES}/emiep-funding-2008.xlsx`;

describe("re-importing the same decision record", () => {
  const dir = tempDir("cs-decisions-again-");

  test("the second import says unchanged and writes no cell", async () => {
    const first = path.join(dir, "first.xlsx");
    const once = await cli(
      "decisions",
      "import",
      DONCASTER,
      BANES,
      "--into",
      EMIEP,
      "--out",
      first,
      "--json",
    );
    expect(once.err).toBe("");
    expect(JSON.parse(once.out).rows.map((r: { action: string }) => r.action)).toEqual([
      "added",
      "added",
    ]);
    const again = await cli(
      "decisions",
      "import",
      DONCASTER,
      BANES,
      "--into",
      first,
      "--out",
      path.join(dir, "again.xlsx"),
      "--json",
    );
    expect(again.err).toBe("");
    const doc = JSON.parse(again.out);
    expect(doc.rows.map((r: { action: string; row: number }) => [r.action, r.row])).toEqual([
      ["unchanged", 2],
      ["unchanged", 3],
    ]);
    expect(doc.written).toEqual([]);
    expect(doc.changed).toEqual([]);
    const text = await cli(
      "decisions",
      "import",
      DONCASTER,
      "--into",
      first,
      "--out",
      path.join(dir, "text.xlsx"),
    );
    expect(text.out).toContain("0 added, 0 updated, 1 unchanged");
    expect(text.out).toMatch(/ {2}unchanged {2}row 2 {2}AHWB\.012\.2021/);
    expect(text.out).not.toMatch(/\bupdated {2}row/);
  });
});
