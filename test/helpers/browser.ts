import { readFile } from "node:fs";
import { CHROMIUM_PATH, requireTool, TOOLS } from "./tools";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
// Shared with scripts/docs-screenshots.cjs, which makes the README's pictures the same way.
import RENDER_ARGS from "./render-args.json";

/** Debian's Chromium, or null locally when it is missing; in CI a missing browser is a failure. */
export function findChromium(): string | null {
  return requireTool(TOOLS.chromium, "browser tests") ? CHROMIUM_PATH : null;
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: RENDER_ARGS.chromium });
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/octet-stream",
};

/** Serves a folder on 127.0.0.1 (a random port) until closed. */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/"));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    readFile(file, (error, data) => {
      if (error) return void res.writeHead(404).end();
      res
        .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" })
        .end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
