import { deflateRawSync } from "node:zlib";
import {
  AddressError,
  CouncilSheetsError,
  DEFAULT_SETTINGS,
  parseAddress,
  rangeColumns,
  rangeCorners,
} from "../../src/core";
import {
  EntryFaultError,
  inflateEntry,
  portableCheckEntry,
  portableCrc32,
  portableInflate,
  type Inflate,
  type ZipEntry,
} from "../../src/adapters/xlsx/package/zip-read";
import { PaneError } from "../../src/taskpane/errors";
import { fileHost } from "../../src/taskpane/hosts/file-host";
import { JobCancelledError } from "../../src/taskpane/worker/worker-runner";

describe("addresses: a typed error, and a non-throwing form for text that may not be one", () => {
  it.each(["", "B", "9", "B9:", "AAAA1", "B-9", "Sheet1!B9"])(
    "parseAddress(%p) throws AddressError not-a-cell-address",
    (text) => {
      let thrown: unknown;
      try {
        parseAddress(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AddressError);
      expect(thrown).toBeInstanceOf(CouncilSheetsError);
      expect((thrown as AddressError).code).toBe("not-a-cell-address");
    },
  );

  it("reads ranges and single cells, and gives null (no throw) for anything else", () => {
    expect(rangeCorners("A1:K29")).toEqual([
      { row: 0, column: 0 },
      { row: 28, column: 10 },
    ]);
    expect(rangeCorners("$C$3")).toEqual([
      { row: 2, column: 2 },
      { row: 2, column: 2 },
    ]);
    expect(rangeColumns("B2:AA9")).toEqual([1, 26]);
    for (const bad of ["", ":", "A1:", "A1:K", "#REF!", "A1:K29x"]) {
      expect(rangeCorners(bad)).toBeNull();
      expect(rangeColumns(bad)).toBeNull();
    }
  });
});

const text = new TextEncoder().encode("<worksheet>".repeat(50));
const entry = (raw: Uint8Array, over: Partial<ZipEntry> = {}): ZipEntry => ({
  name: "xl/worksheets/sheet1.xml",
  method: 8,
  crc: portableCrc32(text),
  size: text.length,
  raw,
  ...over,
});
const deflated = new Uint8Array(deflateRawSync(text));

describe("zip entries: only the inflater's own failure means 'cannot be decompressed'", () => {
  it("inflates a sound entry", async () => {
    await expect(inflateEntry(entry(deflated), portableInflate)).resolves.toEqual(text);
  });

  it("reports data the inflater rejects (fflate and zlib errors carry a code) as damage", async () => {
    const garbage = entry(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]));
    await expect(inflateEntry(garbage, portableInflate)).rejects.toMatchObject({
      fault: "inflate",
      reason: "damaged",
    });
    const zlibLike: Inflate = () =>
      Promise.reject(
        Object.assign(new Error("invalid stored block lengths"), { code: "Z_DATA_ERROR" }),
      );
    await expect(inflateEntry(entry(deflated), zlibLike)).rejects.toBeInstanceOf(EntryFaultError);
  });

  it("lets a bug in the inflater surface instead of calling the file damaged", async () => {
    const buggy: Inflate = () =>
      Promise.reject(new TypeError("cannot read properties of undefined"));
    await expect(inflateEntry(entry(deflated), buggy)).rejects.toThrow(TypeError);
    await expect(portableCheckEntry(buggy, portableCrc32)(entry(deflated))).rejects.toThrow(
      TypeError,
    );
  });

  it("the check names the fault from the error's type, not its wording", async () => {
    const check = portableCheckEntry(portableInflate, portableCrc32);
    await expect(check(entry(deflated))).resolves.toBeUndefined();
    await expect(check(entry(deflated, { crc: 1 }))).resolves.toBe("crc");
    await expect(check(entry(deflated, { size: text.length + 1 }))).resolves.toBe("size");
    await expect(check(entry(new Uint8Array([0xff, 0xff, 0xff])))).resolves.toBe("inflate");
  });
});

describe("the task pane's faults are CouncilSheetsErrors with codes", () => {
  it("asks for a workbook when none is open", async () => {
    const host = fileHost({ load: () => DEFAULT_SETTINGS, save: () => Promise.resolve() });
    const read = host.read();
    await expect(read).rejects.toBeInstanceOf(PaneError);
    await expect(read).rejects.toMatchObject({ code: "no-workbook-open" });
  });

  it("a cancelled job is a coded fault too, not a bare Error", () => {
    const cancelled = new JobCancelledError();
    expect(cancelled).toBeInstanceOf(CouncilSheetsError);
    expect(cancelled.code).toBe("cancelled");
    expect(cancelled.name).toBe("JobCancelledError");
  });
});
