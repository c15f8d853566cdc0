import { randomBytes } from "node:crypto";
import { constants, promises as fs, statSync, type Stats } from "node:fs";
import path from "node:path";
import { WorkbookError } from "../adapters/xlsx/errors";
import { openWorkbook, type WorkbookDocument } from "../adapters/xlsx/document";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../adapters/xlsx/package/read-limits";
import { nativeZlib } from "./zlib";

/** What a path is when it is not a regular file, in the words the messages use. */
function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function readFault(file: string, error: unknown): WorkbookError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new WorkbookError("file-not-found", `${file} does not exist`);
  if (code === "EISDIR")
    return new WorkbookError("not-a-workbook", `${file} is a folder, not a workbook`);
  // A file we may not read is no judgement on the file: say so, and what would let us read it.
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookError(
      "permission-denied",
      `${file} cannot be opened: permission denied (you need read access to it)`,
    );
  return new WorkbookError("not-a-workbook", `${file} cannot be read (${code ?? "unknown error"})`);
}

/**
 * Reads a workbook file, turning every file-system fault into a one-line WorkbookError. Only a
 * regular file is read: /dev/zero or a pipe would be read without end. It is opened without
 * blocking (a FIFO would otherwise wait for a writer) and checked on the open handle, so what is
 * checked is what is read.
 *
 * @throws {WorkbookError} "file-not-found", "permission-denied", "not-a-workbook" (a folder, a
 * device, no .xlsx), "too-large", "encrypted", "legacy-xls" or "damaged" — each with a one-line
 * message for a person. Anything else thrown is a bug of ours and is not dressed up as one of these.
 */
export async function readWorkbookFile(
  file: string,
  budget?: ReadLimits,
): Promise<WorkbookDocument> {
  let bytes: Buffer;
  try {
    const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      const not = kindOf(stats);
      if (not === "a folder")
        throw new WorkbookError("not-a-workbook", `${file} is a folder, not a workbook`);
      if (not) throw new WorkbookError("not-a-workbook", `${file} is ${not}, not a workbook file`);
      // The file is held in memory while it is read; its parts (images too) rarely outweigh what
      // they inflate to, so twice the inflation limit is as large as a file may be.
      const limit = 2 * (budget ?? DEFAULT_READ_LIMITS).maxInflatedBytes;
      if (stats.size > limit)
        throw new WorkbookError(
          "too-large",
          `${file} is ${Math.ceil(stats.size / 1048576).toLocaleString("en-GB")} MB, more than twice the inflation limit`,
          "maxInflatedBytes",
        );
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw readFault(file, error);
  }
  return openWorkbook(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    path.basename(file),
    nativeZlib(),
    budget,
  );
}

/** Whether two paths name one file: the same path, or (through links) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch (error) {
    // A path the system cannot stat (missing, unreadable) is no proof of sameness; the read or
    // write that follows reports that fault in one line. Anything else is our bug: not hidden.
    if (typeof (error as NodeJS.ErrnoException).code === "string") return false;
    throw error;
  }
}

/**
 * Refuses an --out that is not a regular file or a new path: writing "over" /dev/null, a FIFO
 * or a folder would replace or feed it. A symbolic link is refused too (lstat, not stat): the
 * rename replaces the link itself, not what it points to, so /dev/stdout or a link to a file
 * would silently become a regular file. Asked before any work, and again just before the rename.
 */
export async function checkOutTarget(file: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new WorkbookError(
      "write-failed",
      `--out ${file} cannot be used (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`,
    );
  }
  if (stats.isSymbolicLink())
    throw new WorkbookError(
      "write-failed",
      `--out ${file} is a symbolic link; Council Sheets only writes a regular file, give the real path`,
    );
  const not = kindOf(stats);
  if (not)
    throw new WorkbookError(
      "write-failed",
      `--out ${file} is ${not}; Council Sheets only writes a regular file, choose a file name`,
    );
}

/**
 * Writes through a temporary file so a failed save never leaves half a workbook at `file`. The
 * temporary file is created exclusively (O_EXCL: never an existing file or a planted link) with
 * an unpredictable name in the target's own folder, so the rename is atomic and stays on one
 * file system; the rename only replaces a regular file or takes a new name.
 */
export async function writeFileSafely(file: string, bytes: Uint8Array): Promise<void> {
  await checkOutTarget(file);
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(8).toString("hex")}.tmp`,
  );
  let created = false;
  try {
    const handle = await fs.open(temporary, "wx", 0o666);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await checkOutTarget(file);
    await fs.rename(temporary, file);
  } catch (error) {
    if (created) await fs.rm(temporary, { force: true });
    if (error instanceof WorkbookError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new WorkbookError("write-failed", `${file} could not be written (${code})`);
  }
}
