import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");

interface Answer {
  status: number;
  body: string;
  /** The X-Dev-Server-Marker header: the marker the answering server was started with. */
  marker: string | undefined;
}

function get(url: string, ca: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, timeout: 5000 }, (res) => {
      let body = "";
      const header = res.headers["x-dev-server-marker"];
      const marker = Array.isArray(header) ? header[0] : header;
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, marker }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
  });
}

/**
 * Whether anything listens on the port on either loopback address: "localhost" may resolve to
 * ::1 or to 127.0.0.1, and a server on one is not seen by a probe of the other.
 */
async function portInUse(port: number): Promise<boolean> {
  const answers = await Promise.all(["127.0.0.1", "::1"].map((host) => listening(host, port)));
  return answers.includes(true);
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("npm start", () => {
  let server: ChildProcess | null = null;
  let output = "";
  let exited = false;

  afterAll(() => {
    // The dev server runs in its own process group; end all of it.
    try {
      if (server?.pid && !exited) process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  });

  it("serves the task pane over https on localhost:3000 with the Office dev certificate", async () => {
    // A server already on the port would answer for us and prove nothing about `npm start`.
    expect(await portInUse(3000)).toBe(false);
    // Every answer must carry this marker, which only the server started here was given: proof
    // that the page came from it even if another server took the port (or the other address).
    const marker = randomUUID();
    server = spawn("npm", ["start", "--", "--no-open"], {
      cwd: ROOT,
      env: { ...process.env, DEV_SERVER_MARKER: marker },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    server.on("exit", () => (exited = true));
    const deadline = Date.now() + 150_000;
    let last: unknown = null;
    while (Date.now() < deadline && !exited) {
      try {
        const ca = readFileSync(path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt"));
        const page = await get("https://localhost:3000/taskpane.html", ca);
        if (page.status === 200) {
          expect(page.marker).toBe(marker);
          expect(page.body).toContain('<div id="root">');
          expect(page.body).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
          const sample = await get(
            "https://localhost:3000/assets/sample-council-workbook.xlsx",
            ca,
          );
          expect(sample).toMatchObject({ status: 200, marker });
          const manifest = await get("https://localhost:3000/manifest.xml", ca);
          expect(manifest.marker).toBe(marker);
          expect(manifest.body).toContain("<OfficeApp");
          expect(exited).toBe(false);
          expect(output).not.toContain("sudo: not found");
          return;
        }
      } catch (error) {
        last = error;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error(
      `the dev server did not answer on https://localhost:3000: ${String(last)}\n${output.slice(-2000)}`,
    );
  }, 180_000);
});
