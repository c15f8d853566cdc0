import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readDecisionRecord } from "../../src/core/decisions/read";
import type { DecisionRecord } from "../../src/core/decisions/record";
import {
  detectDecisionRegisters,
  referenceKey,
  type DecisionRow,
  type DecisionsTable,
} from "../../src/core/decisions/register";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { formatMoney } from "../../src/core/tables/money";
import { serialToIsoDate } from "../../src/core/values";
import { findChromium, launch, serve } from "../helpers/browser";
import { loadFile, tempDir } from "../helpers/xlsx";
import { buildPane } from "./pane-build";
import { checkPane, screenshotDir } from "./pane-checks";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets/sample-council-workbook.xlsx");
const SEEDS = `${__dirname}/../../../shared/seeds`;
/** What the pane names a pasted record's source (the register's "Source file"). */
const PASTED = "Pasted in the task pane";
const chromiumPath = findChromium();
const withBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn("Chromium not found: browser tests skipped (they fail in CI)");

/** Each seed with the issue's own figures, written out here so the reader is checked too. */
const SEEDS_AND_FIGURES: { file: string; figures: Record<string, string> }[] = [
  {
    file: "000_27967092dd3fa8cc.txt",
    figures: {
      "Decision reference": "AHWB.012.2021",
      "Amount approved": "£97,710",
      "Date of decision": "30/03/2021",
      "Publication date": "29/07/2021",
      "Period start": "01/04/2021",
    },
  },
  {
    file: "001_f88c53d8f01fb2f7.txt",
    figures: { "Amount approved": "£18,116,521", "Effective from": "18/11/2023" },
  },
  {
    file: "002_3de8d25dc0189705.txt",
    figures: {
      "Period start": "01/04/2023",
      "Period end": "31/03/2024",
      "Amount approved": "",
    },
  },
];

const TEXT_FIELDS = [
  ["reference", "Decision reference"],
  ["title", "Title"],
  ["decisionMaker", "Decision maker"],
  ["status", "Status"],
  ["fundingSource", "Funding source"],
] as const;
const DATE_FIELDS = [
  ["dateOfDecision", "Date of decision"],
  ["publicationDate", "Publication date"],
  ["effectiveFrom", "Effective from"],
  ["periodStart", "Period start"],
  ["periodEnd", "Period end"],
] as const;

const ukDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");
const yesNo = (v: boolean | null) => (v === null ? "not stated" : v ? "Yes" : "No");

/** What the review must show for a record: the core reader's fields, as the pane words them. */
function shownFields(record: DecisionRecord): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [field, label] of TEXT_FIELDS) shown[label] = record[field].value ?? "";
  for (const [field, label] of DATE_FIELDS) shown[label] = ukDate(record[field].value);
  const amount = record.amountApproved.value;
  shown["Amount approved"] = amount === null ? "" : formatMoney(amount);
  return shown;
}

function registers(snapshot: WorkbookSnapshot): DecisionsTable[] {
  return snapshot.sheets
    .filter((s) => s.ours === undefined)
    .flatMap((s) => detectDecisionRegisters(s, new Set()));
}

/** The register row holding a record: by reference, or by title where the record has none. */
function rowOf(tables: DecisionsTable[], record: DecisionRecord) {
  for (const table of tables) {
    const ref = record.reference.value;
    const row = table.decisions.find((d: DecisionRow) =>
      ref ? referenceKey(d.reference) === referenceKey(ref) : d.title === record.title.value,
    );
    if (row) return { table, row };
  }
  return null;
}

withBrowser("Add decision in the standalone task pane (Chromium)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve(buildPane(ROOT));
    browser = await launch(chromiumPath as string);
  }, 660_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("at 320 px: pastes each seed record, shows the reader's fields, adds the rows, downloads them", async () => {
    const dir = screenshotDir("add-decision-320");
    const context = await browser.newContext({
      viewport: { width: 320, height: 700 },
      acceptDownloads: true,
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page: Page = await context.newPage();
    await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    let n = 0;
    const step = (name: string) => checkPane(page, dir, `${String(++n).padStart(2, "0")}-${name}`);
    const before = registers((await loadFile(SAMPLE)).snapshot);

    // 1. The sample opens and is checked; the Add decision tab is opened with the mouse.
    await page.getByText("Open: sample-council-workbook.xlsx").waitFor();
    await page.getByRole("status").waitFor({ timeout: 60_000 });
    await step("sample-opened");
    await page.getByRole("tab", { name: "Add decision", exact: true }).click();
    const view = page.getByRole("region", { name: "Add decision" });
    const recordBox = view.getByRole("textbox", { name: "Decision record", exact: true });
    await recordBox.waitFor();
    await step("add-decision-tab");

    const records: DecisionRecord[] = [];
    for (const { file, figures } of SEEDS_AND_FIGURES) {
      const text = readFileSync(`${SEEDS}/${file}`, "utf8");
      // 2. Paste the record's text, as an officer pastes it from the council's page.
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await recordBox.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("ControlOrMeta+V");
      const pasted = await recordBox.inputValue();
      // The textarea keeps the text as pasted (a browser normalises line breaks to \n).
      expect(pasted).toBe(text.replace(/\r\n?/g, "\n"));
      const record = readDecisionRecord(pasted, PASTED);
      records.push(record);

      // 3. The review shows exactly the core reader's fields, and the figures.
      const field = (label: string) => view.getByRole("textbox", { name: label, exact: true });
      const want = shownFields(record);
      const shown: Record<string, string> = {};
      for (const label of Object.keys(want)) shown[label] = await field(label).inputValue();
      expect(shown).toEqual(want);
      expect(shown).toEqual(expect.objectContaining(figures));
      await view
        .getByText(
          `Key decision: ${yesNo(record.keyDecision.value)} · Subject to call-in: ${yesNo(record.subjectToCallIn.value)}`,
          { exact: true },
        )
        .waitFor();
      const related = record.relatedReferences.map((r) => r.value);
      await expect(view.getByText(/^Related decisions:/).count()).resolves.toBe(
        related.length > 0 ? 1 : 0,
      );
      if (related.length > 0)
        await expect(view.getByText(/^Related decisions:/).textContent()).resolves.toBe(
          `Related decisions: ${related.join(", ")}`,
        );
      if (record.amountApproved.value === null)
        await view.getByText(record.amountStatement, { exact: true }).waitFor();
      await step(`${file.slice(0, 3)}-reviewed`);

      // 4. Add the row with the mouse; the pane says where, and offers the updated workbook.
      await view.getByRole("button", { name: "Add to decisions register" }).click();
      await view.getByText(/^(Added|Updated) .* on ".*", row \d+/).waitFor({ timeout: 60_000 });
      await page
        .getByRole("link", { name: "Download sample-council-workbook (Council Sheets).xlsx" })
        .waitFor({ timeout: 60_000 });
      await page.waitForSelector('button:text-is("Check"):enabled', { timeout: 60_000 });
      await step(`${file.slice(0, 3)}-added`);
    }

    // The literal figures, read by the core reader the pane uses.
    const [doncaster, banes, minutes] = records;
    expect(doncaster).toMatchObject({
      reference: { value: "AHWB.012.2021" },
      amountApproved: { value: 97710 },
      keyDecision: { value: false },
      subjectToCallIn: { value: false },
      dateOfDecision: { value: "2021-03-30" },
      publicationDate: { value: "2021-07-29" },
    });
    expect(banes).toMatchObject({
      keyDecision: { value: true },
      subjectToCallIn: { value: true },
      amountApproved: { value: 18116521 },
      effectiveFrom: { value: "2023-11-18" },
    });
    expect(banes?.relatedReferences.map((r) => r.value)).toEqual(["E3393", "E3469"]);
    expect(minutes).toMatchObject({
      amountApproved: { value: null },
      periodStart: { value: "2023-04-01" },
      periodEnd: { value: "2024-03-31" },
    });

    // 5. Download: the core's xlsx reader finds the three decisions in the register.
    const link = page.getByRole("link", {
      name: "Download sample-council-workbook (Council Sheets).xlsx",
    });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    const { snapshot } = await loadFile(saved);
    const after = registers(snapshot);
    const rowsBefore = before.reduce((a, t) => a + t.decisions.length, 0);
    const already = records.filter((r) => rowOf(before, r) !== null).length;
    expect(after.reduce((a, t) => a + t.decisions.length, 0)).toBe(
      rowsBefore + records.length - already,
    );
    for (const record of records) {
      const hit = rowOf(after, record);
      if (!hit) throw new Error(`no register row for ${record.title.value}`);
      const { table, row } = hit;
      const iso = (serial: number | null) => (serial === null ? null : serialToIsoDate(serial));
      expect({
        reference: row.reference || null,
        title: row.title,
        decisionMaker: row.decisionMaker,
        status: row.status,
        keyDecision: row.keyDecision,
        subjectToCallIn: row.subjectToCallIn,
        dateOfDecision: iso(row.dateOfDecision),
        publicationDate: iso(row.publicationDate),
        effectiveFrom: iso(row.effectiveFrom),
        amountApproved: row.amountApproved,
        periodStart: iso(row.periodStart),
        periodEnd: iso(row.periodEnd),
      }).toEqual({
        reference: record.reference.value,
        title: record.title.value,
        decisionMaker: record.decisionMaker.value,
        status: record.status.value,
        keyDecision: record.keyDecision.value,
        subjectToCallIn: record.subjectToCallIn.value,
        dateOfDecision: record.dateOfDecision.value,
        publicationDate: record.publicationDate.value,
        effectiveFrom: record.effectiveFrom.value,
        amountApproved: record.amountApproved.value,
        periodStart: record.periodStart.value,
        periodEnd: record.periodEnd.value,
      });
      // Fields the register row type does not carry, read from their cells.
      const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
      const cell = (column: number | undefined) =>
        column === undefined ? undefined : (sheet?.rows[row.row]?.[column]?.value ?? null);
      if (table.columns.relatedReferences !== undefined)
        expect(cell(table.columns.relatedReferences)).toBe(
          record.relatedReferences.map((r) => r.value).join("; ") || null,
        );
      if (table.columns.fundingSource !== undefined)
        expect(cell(table.columns.fundingSource)).toBe(record.fundingSource.value);
      if (table.columns.sourceFile !== undefined)
        expect(cell(table.columns.sourceFile)).toBe(PASTED);
    }
    await step("downloaded");
    await context.close();
  }, 300_000);
});
