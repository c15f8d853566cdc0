import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { FIXTURES } from "../helpers/builders";
import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import { countBySeverity } from "../../src/core/findings";
import { describePlan } from "../../src/core/plan-changes";
import { serialOfDay } from "../../src/core/values";
import { contrastRatio, heatMapRisks } from "../../src/core";
import { codeLabel } from "../../src/taskpane/finding-help";
import { findChromium, launch, serve } from "../helpers/browser";
import { loadFile, tempDir } from "../helpers/xlsx";
import { buildPane } from "./pane-build";
import { checkPane, coloursOf, screenshotDir, wordsBrokenIn } from "./pane-checks";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets/sample-council-workbook.xlsx");
const chromiumPath = findChromium();
const withBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn("Chromium not found: browser tests skipped (they fail in CI)");

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The summary line the pane must show for an analysis: the core's own counts. */
function statusOf(analysis: Analysis): string {
  const c = countBySeverity(analysis.findings);
  return [
    plural(analysis.tables.length, "table"),
    plural(c.error, "error"),
    plural(c.warning, "warning"),
    plural(c.info, "note"),
  ].join(" · ");
}

async function analyseFile(file: string) {
  const { snapshot } = await loadFile(file);
  // The page judges review dates as at today, as an officer's browser does.
  return { snapshot, analysis: analyseWorkbook(snapshot, { asOf: serialOfDay(new Date()) }) };
}

/** Retries `read` until it returns `want` (React re-renders after the click resolves). */
async function eventually<T>(read: () => Promise<T>, want: T, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let got = await read();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toBe(want);
}

const status = (page: Page) => page.getByRole("status");

/** Text in the heat map's cells that its box cuts off (wider or taller than the box shows). */
function clippedHeatMapText(page: Page): Promise<string[]> {
  return page.getByRole("table", { name: /^Risk heat map for / }).evaluate((table) =>
    [...table.querySelectorAll("td")]
      .flatMap((td) => [td, ...td.querySelectorAll("button, span")])
      // The screen reader's label is clipped to a pixel on purpose.
      .filter((e) => getComputedStyle(e).position !== "absolute")
      .filter((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1)
      .map((e) => e.textContent ?? ""),
  );
}

const idle = (page: Page) =>
  page.waitForSelector('button:text-is("Check"):enabled', { timeout: 60_000 });

withBrowser("the standalone task pane in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    // One build for every e2e file in the run (see pane-build.ts).
    server = await serve(buildPane(ROOT));
    browser = await launch(chromiumPath as string);
  }, 660_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(width: number, colorScheme: "light" | "dark") {
    const context = await browser.newContext({
      viewport: { width, height: 700 },
      colorScheme,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // No network here: office.js cannot load, exactly as in a plain browser offline.
    await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    return page;
  }

  describe.each([
    [320, "light"],
    [320, "dark"],
    [420, "light"],
    [420, "dark"],
  ] as const)("the user journey at %i px, %s theme", (width, scheme) => {
    it("opens, checks, shows every view and drop-down, writes, downloads, survives a bad file", async () => {
      const dir = screenshotDir(`${width}-${scheme}`);
      const sample = await analyseFile(SAMPLE);
      const page = await openPane(width, scheme);
      let n = 0;
      const step = (name: string) =>
        checkPane(page, dir, `${String(++n).padStart(2, "0")}-${name}`);

      // 1. The sample opens and is checked at once; the theme follows the system.
      await page.getByText("Open: sample-council-workbook.xlsx").waitFor();
      await status(page)
        .filter({ hasText: statusOf(sample.analysis) })
        .waitFor();
      const background = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector(".fui-FluentProvider") as Element)
            .backgroundColor,
      );
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
      expect((r + g + b) / 3 < 128).toBe(scheme === "dark");
      await step("sample-opened");

      // 2. Check again: the same results.
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await idle(page);
      await expect(status(page).textContent()).resolves.toBe(statusOf(sample.analysis));
      // The date field is drawn in the theme's scheme (its picker too) and reads at 4.5:1.
      const asAt = page.getByLabel("Review dates judged as at");
      await expect(asAt.evaluate((e) => getComputedStyle(e).colorScheme)).resolves.toBe(scheme);
      const dateColours = await coloursOf(asAt);
      expect(contrastRatio(dateColours.text, dateColours.background)).toBeGreaterThanOrEqual(4.5);
      // A severity filter's pressed and unpressed looks differ by 3:1 (WCAG 1.4.11), and the
      // pressed one carries a check mark besides colour.
      const errorsFilter = page
        .getByRole("group", { name: "Filter findings" })
        .getByRole("button", { name: /^(✓\s*)?Errors \(/ });
      const looks = async () => {
        await page.mouse.move(0, 0);
        // Judge the colours once the button's transition has run, as a reader sees them.
        await page.evaluate(() =>
          Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
        );
        return {
          pressed: await errorsFilter.getAttribute("aria-pressed"),
          text: (await errorsFilter.textContent()) ?? "",
          fill: (await coloursOf(errorsFilter)).background,
        };
      };
      const on = await looks();
      await errorsFilter.click();
      const off = await looks();
      await errorsFilter.click();
      expect([on.pressed, off.pressed]).toEqual(["true", "false"]);
      expect([on.text.startsWith("✓"), off.text.startsWith("✓")]).toEqual([true, false]);
      expect(contrastRatio(on.fill, off.fill)).toBeGreaterThanOrEqual(3);
      await step("checked");

      // 3. Every view.
      const tab = (name: string) => page.getByRole("tab", { name, exact: true });
      await tab("Heat map").click();
      const first = sample.analysis.riskContexts[0];
      if (!first) throw new Error("the sample has no risk register");
      await page
        .getByRole("table", { name: new RegExp(`^Risk heat map for ${first.table.sheet}`) })
        .waitFor();
      await expect(clippedHeatMapText(page)).resolves.toEqual([]);
      await step("heat-map");
      await tab("Reconcile").click();
      await page.getByRole("table", { name: "Match-funding reconciliation" }).waitFor();
      await expect(wordsBrokenIn(page, "Match-funding reconciliation")).resolves.toEqual([]);
      await step("reconcile");
      await tab("PID").click();
      await page.getByLabel("PID preview").waitFor();
      await step("pid");
      await tab("Settings").click();
      await page.getByRole("textbox", { name: /Priority bands/ }).waitFor();
      await step("settings");

      // 4. Every drop-down, opened and picked from with the mouse.
      await tab("Heat map").click();
      const second = sample.analysis.riskContexts[1];
      if (!second) throw new Error("the sample has one risk register only");
      await page.getByRole("combobox", { name: "Register" }).click();
      await step("register-drop-down-open");
      await page.getByRole("option", { name: second.table.sheet }).click();
      const map = page.getByRole("table", {
        name: new RegExp(`^Risk heat map for ${second.table.sheet}`),
      });
      await map.waitFor();
      const risks = heatMapRisks(
        sample.snapshot.sheets.find((s) => s.name === second.table.sheet) ??
          sample.snapshot.sheets[0]!,
        second,
      );
      const cellNames = await map
        .getByRole("button")
        .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
      const shownRisks = cellNames
        .map((t) => Number(/(\d+) risks?$/.exec(t)?.[1] ?? 0))
        .reduce((a, c) => a + c, 0);
      expect(shownRisks).toBe(risks.length);
      const firstCell = map.getByRole("button").first();
      const inFirst = Number(/(\d+) risks?$/.exec((await firstCell.textContent()) ?? "")?.[1]);
      await firstCell.click();
      await expect(
        page
          .getByRole("region", { name: "Risks in the chosen cell" })
          .getByRole("listitem")
          .count(),
      ).resolves.toBe(inFirst);
      await expect(clippedHeatMapText(page)).resolves.toEqual([]);
      await step("register-picked-cell-chosen");

      await tab("PID").click();
      const projects = sample.analysis.projects.flatMap((t) => t.projects);
      const project = projects[1] ?? projects[0];
      await page.getByRole("combobox", { name: "Project" }).click();
      await step("project-drop-down-open");
      await page.getByRole("option", { name: project?.values.name ?? "" }).click();
      const sro = page
        .getByLabel("PID preview")
        .locator("dt", { hasText: /^SRO$/ })
        .locator("xpath=following-sibling::dd[1]");
      await eventually(() => sro.textContent(), project?.values.sro ?? "—");
      await step("project-picked");

      await tab("Check results").click();
      const codes = [...new Set(sample.analysis.findings.map((f) => f.code))].sort();
      const code = codes[0] ?? "";
      await page.getByRole("combobox", { name: "Finding code" }).click();
      await step("code-drop-down-open");
      // Options name the codes in words, from the same table as the findings' help.
      await expect(page.getByRole("option", { name: code, exact: true }).count()).resolves.toBe(0);
      await page.getByRole("option", { name: codeLabel(code), exact: true }).click();
      await expect(
        page.getByRole("combobox", { name: "Finding code" }).textContent(),
      ).resolves.toContain(codeLabel(code));
      const ofCode = sample.analysis.findings.filter((f) => f.code === code);
      await page
        .getByText(
          ofCode.length === sample.analysis.findings.length
            ? plural(ofCode.length, "finding")
            : `${ofCode.length} of ${sample.analysis.findings.length} findings shown`,
          { exact: true },
        )
        .waitFor();
      await step("code-picked");
      await page.getByRole("combobox", { name: "Finding code" }).click();
      await page.getByRole("option", { name: "All codes" }).click();

      // 5. Choose a finding: its cell, in context, holds what the file holds.
      const finding = sample.analysis.findings.find((f) => f.code === "score-mismatch");
      if (!finding) throw new Error("the sample has no score mismatch");
      await page
        .getByRole("button", {
          name: new RegExp(`${finding.cell}\\s*${finding.message.slice(0, 20)}`),
        })
        .first()
        .click();
      const context = page.getByRole("region", {
        name: `Cell ${finding.cell} on ${finding.sheet}`,
      });
      await context.waitFor();
      await expect(context.locator('[aria-current="true"]').textContent()).resolves.toBe(
        String(finding.actual),
      );
      await step("finding-chosen");

      // 6. Preview, then write.
      await page.getByRole("button", { name: "Write calculated columns…" }).click();
      const preview = page.getByRole("region", { name: "Preview of Write" });
      await preview.waitFor();
      const { written } = describePlan(sample.snapshot, sample.analysis.plan, {
        valuesOnly: false,
      });
      // Sheets of our own the plan adds are listed as sheets, not as columns.
      const added = new Set(
        sample.analysis.plan.operations.flatMap((op) =>
          op.kind === "add-sheet" ? [op.sheet] : [],
        ),
      );
      const columns = written.filter((w) => !added.has(w.sheet));
      await expect(
        preview.getByRole("list", { name: "Columns to write" }).getByRole("listitem").count(),
      ).resolves.toBe(new Set(columns.map((w) => w.sheet)).size);
      if (added.size > 0)
        await expect(
          preview.getByRole("list", { name: "Sheets to write" }).getByRole("listitem").count(),
        ).resolves.toBe(added.size);
      await preview
        .getByText(new RegExp(`^Write will write ${columns.length} columns? on`))
        .waitFor();
      await step("preview");
      await preview.getByRole("button", { name: "Write now" }).click();
      const link = page.getByRole("link", {
        name: "Download sample-council-workbook (Council Sheets).xlsx",
      });
      await link.waitFor({ timeout: 60_000 });
      await idle(page);
      await step("written");
      // Dismissing the message about the write keeps the file to download.
      await page.getByRole("button", { name: "Dismiss the message" }).click();
      await expect(page.getByText(/^Written/).count()).resolves.toBe(0);
      await expect(link.isVisible()).resolves.toBe(true);

      // 7. Download: the file says what the pane says.
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const saved = path.join(tempDir(), download.suggestedFilename());
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe("sample-council-workbook (Council Sheets).xlsx");
      const after = await analyseFile(saved);
      await expect(status(page).textContent()).resolves.toBe(statusOf(after.analysis));
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: /^Export \d+ shown as CSV$/ }).click(),
      ]);
      const csvFile = path.join(tempDir(), csv.suggestedFilename());
      await csv.saveAs(csvFile);
      // File, as-at and filter lines, the header, then one line per finding.
      expect(readFileSync(csvFile, "utf8").split("\r\n").filter(Boolean)).toHaveLength(
        after.analysis.findings.length + 4,
      );
      await step("downloaded");

      // 8. A file that is not a workbook: a message, and nothing of the last file left.
      await page.getByLabel("Workbook file").setInputFiles({
        name: "quarterly-monitoring-return-with-a-very-long-name-from-finance-2025-26-final-v3.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from("this is not a zip file"),
      });
      await page.getByRole("button", { name: "Dismiss the error" }).waitFor();
      await idle(page);
      await expect(status(page).count()).resolves.toBe(0);
      await expect(page.getByRole("region", { name: /Cell / }).count()).resolves.toBe(0);
      const write = page.getByRole("button", { name: "Write calculated columns…" });
      await expect(write.isDisabled()).resolves.toBe(true);
      // It says why, beside it and as its description.
      const reasonId = (await write.getAttribute("aria-describedby")) ?? "";
      await expect(page.locator(`[id="${reasonId}"]`).textContent()).resolves.toMatch(
        /^Nothing to check or write: quarterly-monitoring-return.* could not be opened\. Open another workbook\.$/,
      );
      // The pane does not present the file that failed as the open one.
      await page.getByText(/^Not opened: quarterly-monitoring-return/).waitFor();
      await expect(page.getByText(/^Open: /).count()).resolves.toBe(0);
      await step("bad-file");
      await page.getByRole("button", { name: "Dismiss the error" }).click();
      await expect(page.getByText("That did not work.").count()).resolves.toBe(0);

      // 9. A good file again.
      const bcp = await analyseFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
      await page.getByLabel("Workbook file").setInputFiles(`${FIXTURES}/bcp-risk-registers.xlsx`);
      await page.getByText("Open: bcp-risk-registers.xlsx").waitFor();
      await status(page)
        .filter({ hasText: statusOf(bcp.analysis) })
        .waitFor();
      await step("good-file-again");
      await page.context().close();
    }, 240_000);
  });

  it("writes the BCP registers and offers a download that is right", async () => {
    const page = await openPane(380, "light");
    await page.getByText("Open: sample-council-workbook.xlsx").waitFor();
    await page.getByLabel("Workbook file").setInputFiles(`${FIXTURES}/bcp-risk-registers.xlsx`);
    await status(page).filter({ hasText: "4 tables · 1 error ·" }).waitFor();
    await page
      .getByRole("button", { name: /D9\s*Score is 4 but likelihood 2 × impact 3 = 6/ })
      .waitFor();
    await page.getByRole("button", { name: "Write calculated columns…" }).click();
    await page.getByRole("button", { name: "Write now" }).click();
    const link = page.getByRole("link", {
      name: "Download bcp-risk-registers (Council Sheets).xlsx",
    });
    await link.waitFor({ timeout: 60_000 });
    await status(page).filter({ hasText: "4 tables · 0 errors" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = path.join(tempDir(), "downloaded.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet("How We Work");
    expect(ws?.getCell("D9").formula).toBe('IF(COUNT(B9,C9)=2,B9*C9,"")');
    expect(ws?.getCell("D9").result).toBe(6);
    expect(ws?.getCell("E5").value).toBe("Priority");
    expect(ws?.getCell("E8").result).toBe("High");
    expect(ws?.getCell("A12").value).toBe("Priority Ratings:");
    await page.context().close();
  }, 120_000);
});
