import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import type { Element } from "domhandler";

const ROOT = path.join(__dirname, "../..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { publicUrl, rewriteManifest } = require("../../scripts/manifest-url.cjs") as {
  publicUrl: (url?: string) => string;
  rewriteManifest: (xml: string, url?: string) => string;
};

// The manifest is read with htmlparser2 in XML mode (the XML parser the project already uses).
type Tag = Element & { $: Record<string, string> };
const asTag = (element: Element): Tag => Object.assign(element, { $: element.attribs });
const isTag = (node: unknown, name: string): node is Element =>
  (node as Element).type === "tag" && (node as Element).name === name;
const first = (node: Element, name: string): Tag => {
  const child = node.children.find((c) => isTag(c, name)) as Element | undefined;
  if (!child) throw new Error(`manifest has no <${name}> under <${node.name}>`);
  return asTag(child);
};
const text = (node: Element, name: string): string =>
  first(node, name)
    .children.map((c) => ("data" in c ? String(c.data) : ""))
    .join("");

describe("manifest.xml, validated offline", () => {
  let app: Tag;
  beforeAll(() => {
    app = first(parseDocument(XML, { xmlMode: true }) as unknown as Element, "OfficeApp");
  });

  it("is a well-formed add-in-only task pane manifest for workbooks", () => {
    expect(app.$?.["xsi:type"]).toBe("TaskPaneApp");
    expect(text(app, "Id")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(text(app, "Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(first(first(app, "Hosts"), "Host").$?.Name).toBe("Workbook");
    expect(text(app, "Permissions")).toBe("ReadWriteDocument");
    const set = first(first(first(app, "Requirements"), "Sets"), "Set").$;
    expect(set).toEqual({ Name: "ExcelApi", MinVersion: "1.7" });
  });

  it("puts a Council Sheets group with a task pane button on the Home tab", () => {
    expect(XML).toMatch(/<OfficeTab id="TabHome">\s*<Group id="CouncilSheets\.Group">/);
    expect(XML).toContain('<bt:String id="Group.Label" DefaultValue="Council Sheets"/>');
    expect(XML).toMatch(
      /<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/,
    );
  });

  it("uses only https URLs, and every icon it names exists in assets/", () => {
    const urls = [...XML.matchAll(/DefaultValue="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map(
      (m) => m[1] ?? m[2] ?? "",
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const icons = urls.filter((u) => u.endsWith(".png"));
    expect(icons.map((u) => path.basename(u)).sort()).toEqual([
      "icon-16.png",
      "icon-32.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
    ]);
    for (const icon of icons)
      expect(existsSync(path.join(ROOT, "assets", path.basename(icon)))).toBe(true);
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("is parsed by office-addin-manifest info", () => {
    const bin = path.join(ROOT, "node_modules/office-addin-manifest/cli.js");
    const result = spawnSync(
      process.execPath,
      [
        existsSync(bin) ? bin : path.join(ROOT, "node_modules/.bin/office-addin-manifest"),
        "info",
        "manifest.xml",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Id: 5b027e5b-93ec-4dae-a59c-15c3bbca65ec");
    expect(result.stdout).toContain("Type: TaskPaneApp");
  });

  it("points a production build at the configured host", () => {
    const prod = rewriteManifest(XML, "https://addins.example.gov.uk/council-sheets");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain(
      '<SourceLocation DefaultValue="https://addins.example.gov.uk/council-sheets/taskpane.html"/>',
    );
    expect(prod).toContain("<AppDomain>https://addins.example.gov.uk</AppDomain>");
    expect(() => rewriteManifest(XML, "http://insecure.example")).toThrow("https");
  });

  it("writes the host XML-escaped, and refuses what is not an https address", () => {
    const prod = rewriteManifest(XML, "https://addins.example.gov.uk/cs?tenant=a&v=2");
    // Read back by an XML parser, the attribute is the address as given.
    const doc = parseDocument(prod, { xmlMode: true, decodeEntities: true });
    const source = (function find(nodes: readonly unknown[]): Element | undefined {
      for (const node of nodes as Element[]) {
        if (node.name === "SourceLocation") return node;
        const inner = node.children ? find(node.children) : undefined;
        if (inner) return inner;
      }
      return undefined;
    })(doc.children);
    expect(source?.attribs.DefaultValue).toBe(
      "https://addins.example.gov.uk/cs/taskpane.html?tenant=a&v=2",
    );
    expect(prod).not.toMatch(/&v=2/);
    expect(() => rewriteManifest(XML, "https://")).toThrow("https");
    expect(() => rewriteManifest(XML, "addins.example.gov.uk")).toThrow("https");
  });
});

type ConfigFn = (
  env: unknown,
  argv: { mode: string },
) => { plugins: { apply?: (compiler: unknown) => void }[] };

/** Runs the production config's own plugin as webpack would, up to the process's exit. */
function buildWarnings(publicUrl: string | undefined): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as ConfigFn;
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = publicUrl;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const atExit: (() => void)[] = [];
  const once = jest.spyOn(process, "once").mockImplementation(((event: string, f: () => void) => {
    if (event === "exit") atExit.push(f);
    return process;
  }) as typeof process.once);
  try {
    const done: (() => void)[] = [];
    const compiler = { hooks: { done: { tap: (_: string, f: () => void) => done.push(f) } } };
    for (const plugin of config({}, { mode: "production" }).plugins)
      if (plugin.constructor === Object) plugin.apply?.(compiler);
    const before = warn.mock.calls.length;
    for (const f of done) f();
    // Nothing more while webpack still prints its stats: the repeat comes at exit, last.
    expect(warn.mock.calls.length).toBe(before);
    for (const f of atExit) f();
    return warn.mock.calls.map((c) => String(c[0]));
  } finally {
    once.mockRestore();
    if (saved !== undefined) process.env.ADDIN_PUBLIC_URL = saved;
    else delete process.env.ADDIN_PUBLIC_URL;
  }
}

describe("a production build whose manifest points at localhost", () => {
  afterEach(() => jest.restoreAllMocks());

  it("warns at the start and again at exit, after webpack's output, when ADDIN_PUBLIC_URL is unset", () => {
    const warnings = buildWarnings(undefined);
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toMatch(/ADDIN_PUBLIC_URL is not set/);
  });

  it("warns too when ADDIN_PUBLIC_URL is set to localhost", () => {
    const warnings = buildWarnings("https://localhost:3000/");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/ADDIN_PUBLIC_URL is https:\/\/localhost:3000\//);
  });

  it("says nothing when the add-in is hosted elsewhere", () => {
    expect(buildWarnings("https://addins.council.gov.uk/council-sheets/")).toEqual([]);
  });
});

describe("a public URL with a query string", () => {
  it("gets its trailing slash on the path, not after the query", () => {
    expect(publicUrl("https://addins.council.gov.uk/cs?v=2")).toBe(
      "https://addins.council.gov.uk/cs/?v=2",
    );
  });
});
