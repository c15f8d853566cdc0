/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import { isOldWebview, whereAmI } from "../../src/taskpane/startup";

const HostType = { Excel: "Excel" };
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

describe("8. Inside Excel the pane waits for Office, however long it takes", () => {
  afterEach(() => jest.useRealTimers());

  it("is the Excel pane when Office.onReady reports Excel after 8 seconds", async () => {
    jest.useFakeTimers();
    const onSlow = jest.fn();
    const office = {
      HostType,
      onReady: () =>
        new Promise<{ host: unknown }>((resolve) =>
          setTimeout(() => resolve({ host: "Excel" }), 8000),
        ),
    };
    const where = whereAmI(office, onSlow);
    await jest.advanceTimersByTimeAsync(8000);
    await expect(where).resolves.toBe("excel");
    expect(onSlow).toHaveBeenCalledTimes(1);
  });

  it("is the standalone page in a browser (host null) and without office.js", async () => {
    await expect(whereAmI({ HostType, onReady: async () => ({ host: null }) })).resolves.toBe(
      "standalone",
    );
    await expect(whereAmI(undefined)).resolves.toBe("standalone");
  });
});

describe("9. Old webviews get a clear message instead of a blank pane", () => {
  it("recognises Internet Explorer 11 and EdgeHTML, not WebView2", () => {
    expect([IE11, EDGE_HTML, WEBVIEW2].map(isOldWebview)).toEqual([true, true, false]);
  });

  const html = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";

  it("taskpane.html's check is ES5, so Internet Explorer 11 can run it", () => {
    expect(inline).toContain("Trident");
    expect(() => acorn.parse(inline, { ecmaVersion: 5 })).not.toThrow();
  });

  it.each([
    [IE11, "block", "none"],
    [EDGE_HTML, "block", "none"],
    [WEBVIEW2, "none", ""],
  ])("shows the message only in an old webview (%s)", (ua, message, root) => {
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, "");
    jest.spyOn(window.navigator, "userAgent", "get").mockReturnValue(ua);
    new Function(inline)();
    expect(document.getElementById("old-webview")?.style.display).toBe(message);
    expect(document.getElementById("root")?.style.display).toBe(root);
    expect(document.getElementById("old-webview")?.textContent).toContain("Microsoft 365");
  });
});
