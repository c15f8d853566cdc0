import { readFileSync } from "node:fs";
import { UsageError } from "../../src/cli/errors";
import { parseAreas } from "../../src/adapters/excel/addresses";
import { ExcelHostError, toHostError } from "../../src/adapters/excel/errors";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { WorkbookError } from "../../src/adapters/xlsx/errors";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { PackageFormatError, PackageRefusedError } from "../../src/adapters/xlsx/package/errors";
import { CouncilSheetsError, DecisionImportError, PidError } from "../../src/core";
import { FIXTURES } from "../helpers/builders";

describe("one error model", () => {
  it.each([
    [new PidError("unknown-project", "no project Foo"), "PidError", "unknown-project"],
    [new DecisionImportError("no-room", "no room"), "DecisionImportError", "no-room"],
    [new WorkbookError("damaged", "x.xlsx is damaged"), "WorkbookError", "damaged"],
    [new PackageFormatError("odd part"), "PackageFormatError", "package-format"],
    [
      new PackageRefusedError("too-large", "too big", "cells"),
      "PackageRefusedError",
      "package-refused",
    ],
    [new ExcelHostError("AccessDenied", "protected"), "ExcelHostError", "AccessDenied"],
    [new UsageError("--out is missing"), "UsageError", "usage"],
  ])("%s extends the one base with a code", (error, name, code) => {
    expect(error).toBeInstanceOf(CouncilSheetsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it("keeps the refusal a format error, so code asking 'can the direct reader do it?' sees no", () => {
    expect(new PackageRefusedError("damaged", "bad crc")).toBeInstanceOf(PackageFormatError);
  });
});

describe("the Office advice table is keyed by Excel.ErrorCodes values", () => {
  it.each([
    ["InvalidOperationInCellEditMode", /Excel is editing a cell/],
    ["AccessDenied", /protected/],
    ["ItemNotFound", /Run Check again/],
    ["RequestPayloadSizeLimitExceeded", /too large to send/],
    ["WorkbookStructureProtected", /structure is protected/],
  ])("%s gets advice", (code, advice) => {
    const error = toHostError({ code, message: "localised text" });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(advice);
  });

  it("keeps the message of a code it has no advice for", () => {
    // office.js rejects with OfficeExtension.Error, an Error with a `code`.
    const error = Object.assign(new Error("localised text"), { code: "Conflict" });
    expect(toHostError(error)).toMatchObject({ code: "Conflict", message: "localised text" });
  });
});

describe("only what Office.js raised becomes a host error", () => {
  it("rethrows our own bug unchanged, not as an 'Excel reported an error'", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'values')");
    expect(() => toHostError(bug)).toThrow(bug);
  });

  it("rethrows a value with a code Office does not use", () => {
    const odd = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    expect(() => toHostError(odd)).toThrow(odd);
  });

  it("keeps the Office error as the cause", () => {
    // Shaped as OfficeExtension.Error is: a code and debugInfo
    // (https://learn.microsoft.com/javascript/api/office/officeextension.error).
    const office = Object.assign(new Error("x"), { code: "SomeNewCode", debugInfo: {} });
    const host = toHostError(office);
    expect(host).toMatchObject({ code: "SomeNewCode", message: "x" });
    expect(host.cause).toBe(office);
  });

  it("gives an address it cannot read a code", () => {
    expect(() => parseAreas("Sheet1!A1:B2 + 3")).toThrow(
      expect.objectContaining({ code: "UnreadableAddress" }),
    );
  });
});

describe("the .xlsx reader falls back to ExcelJS only for its own format error", () => {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`));
  afterEach(() => jest.restoreAllMocks());

  it("reads a file the direct reader does not follow with ExcelJS", async () => {
    jest.spyOn(XlsxPackage, "read").mockRejectedValue(new PackageFormatError("rows out of order"));
    const document = await openWorkbook(bytes, "register.xlsx");
    expect(document.engine).toBe("exceljs");
    expect(document.snapshot.sheets.length).toBeGreaterThan(0);
  });

  it("lets a bug in the direct reader surface instead of hiding it behind the fallback", async () => {
    jest
      .spyOn(XlsxPackage, "read")
      .mockRejectedValue(new TypeError("cannot read 'x' of undefined"));
    await expect(openWorkbook(bytes, "register.xlsx")).rejects.toThrow(TypeError);
  });

  it("reads the file directly when nothing goes wrong", async () => {
    expect((await openWorkbook(bytes, "register.xlsx")).engine).toBe("direct");
  });
});
