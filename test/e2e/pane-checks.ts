import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

// axe-core's source, injected into the page under test (it is a dev dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AXE_SOURCE = (require("axe-core") as { source: string }).source;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * This test run's screenshot folder, made once per process under the OS temp folder (never in
 * the repository): a fresh one each run, so two runs at once (or engineers sharing a machine)
 * never write over each other's pictures.
 */
let runDir: string | undefined;

/** Screenshots of one journey (`run`), in this test run's folder. */
export function screenshotDir(run: string): string {
  runDir ??= mkdtempSync(path.join(os.tmpdir(), "council-sheets-e2e-"));
  const dir = path.join(runDir, run);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** What a view must satisfy after every step of the journey. */
export async function checkPane(page: Page, dir: string, step: string): Promise<void> {
  // Fluent's panels fade in (Web Animations); judge the view once they have settled, as a
  // reader sees it, not half-transparent.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    // Blank pane: something outside the app (a portal's mount node, sized to the viewport by
    // the provider's classes) would be what lies at the middle of the view, not the app itself.
    const app = document.getElementById("root");
    const hit = document.elementFromPoint(root.clientWidth / 2, window.innerHeight / 2);
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      bodyScrollWidth: document.body.scrollWidth,
      appOnTop: Boolean(app && hit && app.contains(hit) && hit !== app),
      textLength: document.body.innerText.trim().length,
    };
  });
  expect({ step, ...layout }).toEqual({
    step,
    scrollWidth: expect.any(Number),
    clientWidth: expect.any(Number),
    bodyScrollWidth: expect.any(Number),
    appOnTop: true,
    textLength: expect.any(Number),
  });
  if (layout.scrollWidth > layout.clientWidth || layout.bodyScrollWidth > layout.clientWidth)
    throw new Error(
      `${step}: the pane scrolls sideways (scrollWidth ${layout.scrollWidth}/${layout.bodyScrollWidth} > clientWidth ${layout.clientWidth})`,
    );
  expect(layout.textLength).toBeGreaterThan(100);
  await page.screenshot({ path: path.join(dir, `${step}.png`), fullPage: true });
  const serious = await axeSerious(page);
  if (serious.length > 0)
    throw new Error(
      `${step}: axe-core reports ${serious
        .map(
          (v) =>
            `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        )
        .join("; ")}`,
    );
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[]).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
}

/**
 * An element's text colour and the colour it sits on (its own background, else the nearest
 * ancestor's that is not transparent), as "#rrggbb", for contrast checks.
 */
export function coloursOf(locator: Locator): Promise<{ text: string; background: string }> {
  return locator.evaluate((element) => {
    const hex = (css: string) =>
      `#${(css.match(/\d+(\.\d+)?/g) ?? [])
        .slice(0, 3)
        .map((n) => Math.round(Number(n)).toString(16).padStart(2, "0"))
        .join("")}`;
    const opaque = (css: string) => !/^rgba\(.*,\s*0\)$/.test(css) && css !== "transparent";
    let at: Element | null = element;
    while (at && !opaque(getComputedStyle(at).backgroundColor)) at = at.parentElement;
    const background = at ? getComputedStyle(at).backgroundColor : "rgb(255, 255, 255)";
    return { text: hex(getComputedStyle(element).color), background: hex(background) };
  });
}

/** Words in a table that the layout broke across lines ("Allocate" / "d"). */
export function wordsBrokenIn(page: Page, name: string): Promise<string[]> {
  return page.getByRole("table", { name }).evaluate((table) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // A word on one line has its boxes on one line.
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}
