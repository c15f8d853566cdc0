/*
 * Remakes the README's pictures, docs/taskpane.png and docs/pid.png. Tests never write into the
 * repository; run this by hand (`npm run docs:screenshots`, which builds first) when the pane or
 * the PID layout changes, and commit the pictures. Needs Chromium, LibreOffice and poppler-utils.
 */
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { chromium } = require("playwright-core");
// The same arguments the tests render with (test/helpers/render-args.json).
const RENDER_ARGS = require("../test/helpers/render-args.json");

const ROOT = path.join(__dirname, "..");
const DOCS = path.join(ROOT, "docs");
const FIXTURES = path.join(ROOT, "..", "shared", "fixtures");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".png": "image/png" };

function serve(root) {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent((req.url || "/").split("?")[0]));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    fs.readFile(file, (error, data) => {
      if (error) return void res.writeHead(404).end();
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      });
      res.end(data);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

async function taskpane() {
  const server = await serve(path.join(ROOT, "dist", "web"));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: RENDER_ARGS.chromium,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 380, height: 600 } });
    await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("Open: sample-council-workbook.xlsx").waitFor();
    await page
      .getByLabel("Workbook file")
      .setInputFiles(path.join(FIXTURES, "bcp-risk-registers.xlsx"));
    await page.getByRole("status").filter({ hasText: "4 tables" }).waitFor();
    await page.getByRole("button", { name: /D9\s*Score is 4/ }).waitFor();
    await page.screenshot({ path: path.join(DOCS, "taskpane.png") });
  } finally {
    await browser.close();
    server.close();
  }
}

async function pid() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-docs-"));
  const all = path.join(dir, "pids.xlsx");
  // Exit 1 only says the workbook has error findings (it has one); 2 is a failure.
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "dist", "cli", "bin.js"),
      "pid",
      path.join(FIXTURES, "bcp-pid-inputs.xlsx"),
      "--project",
      "How We Work",
      "--out",
      all,
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`council-sheets pid failed: ${run.stderr}`);
  // Print the PID sheet alone.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(all);
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith("PID")) wb.removeWorksheet(ws.id);
  const only = path.join(dir, "pid-how-we-work.xlsx");
  await wb.xlsx.writeFile(only);
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  const toPdf = [profile, ...RENDER_ARGS.sofficeToPdf, "--outdir", dir, only];
  execFileSync("soffice", toPdf, { timeout: 180_000 });
  const pdf = path.join(dir, "pid-how-we-work.pdf");
  execFileSync("pdftoppm", [...RENDER_ARGS.pdfFirstPageToPng, pdf, path.join(DOCS, "pid")]);
}

(async () => {
  await taskpane();
  await pid();
  console.log("Wrote docs/taskpane.png and docs/pid.png");
})().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
