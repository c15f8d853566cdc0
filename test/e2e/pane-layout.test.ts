import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { findChromium, launch, serve } from "../helpers/browser";
import { buildPane } from "./pane-build";
import { checkPane, screenshotDir, wordsBrokenIn } from "./pane-checks";

/**
 * The narrow-pane layouts earlier trials found broken, on workbooks with long words: a heat map
 * whose scale is in words ("Catastrophic", "Almost certain") and a reconciliation whose sources
 * have long names. Nothing may break inside a word, and the reconciliation fits the pane.
 */
const ROOT = path.join(__dirname, "../..");
const CORPUS = path.join(ROOT, "../shared/corpus");
const WORD_SCALES = path.join(CORPUS, "02-castlemere-strategic-risks-word-scales.xlsx");
const LONG_SOURCES = path.join(CORPUS, "13-fenwick-ukspf-investment-plan.xlsx");
const chromiumPath = findChromium();
const withBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn("Chromium not found: browser tests skipped (they fail in CI)");

withBrowser("the task pane's tables in a narrow pane", () => {
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

  async function openFile(page: Page, file: string) {
    await page.getByLabel("Workbook file").setInputFiles(file);
    await page.getByText(`Open: ${path.basename(file)}`).waitFor();
    await page.getByRole("status").waitFor({ timeout: 60_000 });
  }

  describe.each([
    [320, "light"],
    [320, "dark"],
    [360, "light"],
    [360, "dark"],
    [420, "light"],
  ] as const)("at %i px, %s theme", (width, scheme) => {
    it("wraps heat-map scale words between words and fits the reconciliation", async () => {
      const dir = screenshotDir(`layout-${width}-${scheme}`);
      const context = await browser.newContext({
        viewport: { width, height: 700 },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByText("Open: sample-council-workbook.xlsx").waitFor({ timeout: 60_000 });

      await openFile(page, WORD_SCALES);
      await page.getByRole("tab", { name: "Heat map", exact: true }).click();
      const map = "Risk heat map for Strategic Risks (residual ratings)";
      await page.getByRole("table", { name: map }).waitFor();
      // The scale's words are on the page (cut ones whole in their title), none split.
      await page.getByRole("columnheader", { name: "5 Catastrophic" }).waitFor();
      await page.getByRole("rowheader", { name: "5 Almost certain" }).waitFor();
      await expect(wordsBrokenIn(page, map)).resolves.toEqual([]);
      await checkPane(page, dir, "word-scale-heat-map");

      await openFile(page, LONG_SOURCES);
      await page.getByRole("tab", { name: "Reconcile", exact: true }).click();
      const table = page.getByRole("table", { name: "Match-funding reconciliation" });
      await table.waitFor();
      await table.getByRole("cell", { name: "unconfirmed", exact: true }).waitFor();
      // The whole table in its box: no column (the Status) cut off or scrolled out of sight.
      const box = page.getByRole("region", { name: "Reconciliation table" });
      const fit = await box.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      await expect(wordsBrokenIn(page, "Match-funding reconciliation")).resolves.toEqual([]);
      await checkPane(page, dir, "long-source-reconciliation");
      await context.close();
    }, 180_000);
  });
});
