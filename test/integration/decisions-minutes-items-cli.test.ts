import path from "node:path";
import { importDecisions } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";

const EMIEP = `${FIXTURES}/emiep-funding-2008.xlsx`;
const MINUTES = path.join(
  __dirname,
  "../fixtures/decision-records/cabinet-minutes-several-items.txt",
);

describe("decisions import of minutes with several items", () => {
  const dir = tempDir("cs-minutes-items-");

  test("one register row per item that resolves something, each with its own status", async () => {
    const out = path.join(dir, "items.xlsx");
    const { code, out: stdout, err } = await importDecisions([MINUTES], EMIEP, out, "--json");
    expect([code, err]).toEqual([0, ""]);
    const doc = JSON.parse(stdout);
    const rows = doc.rows.map((r: { reference: string | null; action: string }) => [
      r.reference,
      r.action,
    ]);
    expect(rows).toEqual([
      ["KD.2024.21", "added"],
      ["KD.2024.22", "added"],
      [null, "added"],
    ]);
    const statuses = doc.records.map(
      (r: { file: string; fields: { status: { value: string } } }) => [
        path.basename(r.file),
        r.fields.status.value,
      ],
    );
    expect(statuses).toEqual([
      ["cabinet-minutes-several-items.txt", "Resolved"],
      ["cabinet-minutes-several-items.txt", "Deferred"],
      ["cabinet-minutes-several-items.txt", "Resolved"],
    ]);
  });
});
