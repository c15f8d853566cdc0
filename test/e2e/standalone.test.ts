import { spawnSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { FIXTURES, TODAY } from "../helpers/builders";
import { analyseWorkbook } from "../../src/core/analyse";
import { countBySeverity } from "../../src/core/findings";
import { findChromium, launch, serve } from "../helpers/browser";
import { loadFile, tempDir } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "../..");
const chromiumPath = findChromium();
const withBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn("Chromium not found: browser tests skipped (they fail in CI)");

withBrowser("the standalone task pane in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
      { cwd: ROOT, encoding: "utf8", timeout: 300_000 },
    );
    if (build.status !== 0)
      throw new Error(`webpack build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serve(path.join(ROOT, "dist/web"));
    browser = await launch(chromiumPath as string);
    page = await browser.newPage({ viewport: { width: 380, height: 600 }, acceptDownloads: true });
    // No network here: office.js cannot load, exactly as in a plain browser offline.
    await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the bundled sample, already checked, with the core's own results", async () => {
    const { snapshot } = await loadFile(path.join(ROOT, "assets/sample-council-workbook.xlsx"));
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const errors = countBySeverity(analysis.findings).error;
    expect(analysis.tables.length).toBeGreaterThanOrEqual(8);
    await page.getByText("Open: sample-council-workbook.xlsx").waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${analysis.tables.length} tables · ${errors} error` })
      .waitFor();
  });

  it("opens the BCP registers, checks them, and lists the How We Work D9 score mismatch", async () => {
    await page.getByLabel("Workbook file").setInputFiles(`${FIXTURES}/bcp-risk-registers.xlsx`);
    await page.getByText("Open: bcp-risk-registers.xlsx").waitFor();
    const idle = () => page.waitForSelector('button:text-is("Check"):enabled');
    await idle();
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await idle();
    await page.getByRole("status").filter({ hasText: "4 tables · 1 error ·" }).waitFor();
    const finding = page.getByRole("button", {
      name: /D9\s*Score is 4 but likelihood 2 × impact 3 = 6/,
    });
    await finding.waitFor();
    await page.screenshot({ path: path.join(ROOT, "docs/taskpane.png") });
  });

  it("writes the calculated columns and offers a download that is right", async () => {
    await page.getByRole("button", { name: "Write calculated columns" }).click();
    const link = page.getByRole("link", {
      name: /Download bcp-risk-registers \(Council Sheets\)\.xlsx/,
    });
    await link.waitFor();
    await page.getByRole("status").filter({ hasText: "4 tables · 0 errors" }).waitFor();
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
  });
});
