import { promises as fs } from "node:fs";
import path from "node:path";
import { WorkbookError } from "../adapters/xlsx/errors";
import { openWorkbook, type WorkbookDocument } from "../adapters/xlsx/document";
import { nativeZlib } from "./zlib";

/** Reads a workbook file, turning every file-system fault into a one-line WorkbookError. */
export async function readWorkbookFile(file: string): Promise<WorkbookDocument> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError("file-not-found", `${file} does not exist`);
    if (code === "EISDIR")
      throw new WorkbookError("not-a-workbook", `${file} is a folder, not a workbook`);
    if (code === "EACCES")
      throw new WorkbookError("not-a-workbook", `${file} cannot be read (permission denied)`);
    throw new WorkbookError(
      "not-a-workbook",
      `${file} cannot be read (${code ?? "unknown error"})`,
    );
  }
  return openWorkbook(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    path.basename(file),
    nativeZlib(),
  );
}

export function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** Writes through a temporary file so a failed save never leaves half a workbook at `file`. */
export async function writeFileSafely(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new WorkbookError("write-failed", `${file} could not be written (${code})`);
  }
}
