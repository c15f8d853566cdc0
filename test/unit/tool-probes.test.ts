import warnOfMissingTools from "../global-setup";
import { commandPath, requireTool, type Tool } from "../helpers/tools";

const absent: Tool = {
  name: "Frobnicator",
  install: "apt-get install -y frobnicator",
  marker: "findFrobnicator(",
  present: () => commandPath("cs-no-such-command-frobnicator") !== null,
};

describe("the system tool probes", () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it("find a command on the PATH and say null for one that is not there", () => {
    expect(commandPath("cs-no-such-command-frobnicator")).toBeNull();
    expect(commandPath("cs-no-such-command-frobnicator", "sh")).toMatch(/\/sh$/);
  });

  it("skip with one warning naming the tool and its package locally", () => {
    delete process.env.CI;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(requireTool(absent, "frobnication tests")).toBe(false);
    expect(warn.mock.calls).toEqual([
      ["Frobnicator not found: frobnication tests skipped; apt-get install -y frobnicator"],
    ]);
    warn.mockRestore();
  });

  it("fail in CI", () => {
    process.env.CI = "true";
    expect(() => requireTool(absent, "frobnication tests")).toThrow(
      "Frobnicator is required in CI: apt-get install -y frobnicator",
    );
  });

  it("print one line per missing tool before the run, where Jest cannot drop it", () => {
    // With no PATH even `sh` cannot be spawned: the probe's spawn error reads as "missing".
    const pathBefore = process.env.PATH;
    process.env.PATH = "/nonexistent";
    delete process.env.CI;
    const lines: string[] = [];
    const write = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    });
    try {
      warnOfMissingTools();
    } finally {
      write.mockRestore();
      process.env.PATH = pathBefore;
    }
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^LibreOffice \(soffice\) not found: \d+ test files skip the tests that need it; apt-get install -y libreoffice-calc$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^poppler-utils \(.*\) not found: \d+ test files? skip the tests that need it; /,
      ),
    );
  });
});
