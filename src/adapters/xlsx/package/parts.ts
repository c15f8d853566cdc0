import { ReadLimitMeter } from "./read-limits";
import { PackageRefusedError } from "./errors";
import { PackageFormatError, parseXml } from "./xml";
import {
  entryFault,
  inflateEntry,
  portableCheckEntry,
  portableCrc32,
  type CheckEntry,
  zipEntries,
  type Crc32,
  type Inflate,
  type ZipEntry,
} from "./zip-read";

const decoder = new TextDecoder();

/** How parts are decompressed and checked, and what reading them may cost. */
export interface PartReading {
  inflate: Inflate;
  crc32?: Crc32;
  meter?: ReadLimitMeter;
  /** Checks a part that is copied through unread; by default it is inflated and let go. */
  checkEntry?: CheckEntry;
}

/** Parts checked at once when copied through: native zlib has four threads to run them on. */
const CHECKS_AT_ONCE = 4;

/**
 * The parts of an .xlsx package (a zip of XML files), by path, in archive order. A part is
 * decompressed only when something reads it, once, and checked against its size and CRC-32; its
 * size is charged to the read budget before it is inflated. Parts nobody reads stay compressed
 * and are copied into the saved file as they were stored.
 */
export class PackageParts {
  private readonly texts = new Map<string, Promise<string>>();
  readonly meter: ReadLimitMeter;

  private constructor(
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly reading: PartReading,
  ) {
    this.meter = reading.meter ?? new ReadLimitMeter();
  }

  /** Throws PackageFormatError when the bytes are not a zip archive this reader follows. */
  static open(bytes: Uint8Array, reading: Inflate | PartReading): PackageParts {
    const options = typeof reading === "function" ? { inflate: reading } : reading;
    return new PackageParts(new Map(zipEntries(bytes).map((e) => [e.name, e])), options);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  text(path: string): Promise<string | undefined> {
    const entry = this.entries.get(path);
    if (!entry) return Promise.resolve(undefined);
    let text = this.texts.get(path);
    if (!text) {
      this.meter.inflate(path, entry.size);
      const { inflate, crc32 = portableCrc32 } = this.reading;
      text = inflateEntry(entry, inflate, crc32).then((bytes) => decoder.decode(bytes));
      this.texts.set(path, text);
    }
    return text;
  }

  /**
   * Checks the CRC-32 and size of each of these parts that was never read (a read part was
   * checked then). A save copies such parts through as stored, so a damaged one would make the
   * output a damaged zip: the save is refused instead.
   */
  async checkUnread(paths: Iterable<string>): Promise<void> {
    const { inflate, crc32 = portableCrc32 } = this.reading;
    const check = this.reading.checkEntry ?? portableCheckEntry(inflate, crc32);
    const queue: ZipEntry[] = [];
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (entry && !this.texts.has(path)) queue.push(entry);
    }
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const fault = await check(entry);
        if (fault) throw entryFault(entry, fault);
      }
    };
    await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, worker));
  }
}

export interface Relationship {
  id: string;
  type: string;
  /** Absolute part path without the leading "/" ("xl/worksheets/sheet1.xml"). */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") segments.pop();
    else if (piece !== "." && piece !== "") segments.push(piece);
  }
  return segments.join("/");
}

function decodedTarget(target: string): string {
  try {
    return decodeURI(target);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    return target; // a stray "%" is a name, not an escape
  }
}

export async function relationshipsOf(parts: PackageParts, part: string): Promise<Relationship[]> {
  const xml = await parts.text(relsPathOf(part));
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  parseXml(xml, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target) return;
      const external = a.TargetMode === "External";
      found.push({
        id: a.Id,
        type: a.Type ?? "",
        target: external ? a.Target : resolveTarget(part, decodedTarget(a.Target)),
        external,
      });
    },
  });
  return found;
}

const typeEnds = (r: Relationship, suffix: string) => r.type.endsWith(`/${suffix}`);

export interface SheetEntry {
  name: string;
  /** Part path of the worksheet XML. */
  path: string;
  /** The <sheet>'s state (ECMA-376 §18.2.19, ST_SheetState), when not "visible". */
  visibility?: "hidden" | "veryHidden";
}

export interface DefinedName {
  name: string;
  /** The formula text as stored (no leading "="). */
  reference: string;
}

export interface WorkbookParts {
  workbookPath: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  sharedStringsPath?: string;
  stylesPath?: string;
  calcChainPath?: string;
  /** workbookPr/@date1904: the workbook counts dates from 1904. */
  date1904: boolean;
}

/** Finds the workbook, its worksheets in tab order, and the shared parts every sheet reads. */
export async function workbookParts(parts: PackageParts): Promise<WorkbookParts> {
  const main = (await relationshipsOf(parts, "")).find((r) => typeEnds(r, "officeDocument"));
  const workbookPath = main?.target ?? "xl/workbook.xml";
  const xml = await parts.text(workbookPath);
  if (xml === undefined) throw new PackageFormatError("the workbook part is missing");
  const rels = await relationshipsOf(parts, workbookPath);
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let openName: DefinedName | undefined;
  const names = new Set<string>();
  const paths = new Set<string>();
  let date1904 = false;
  parseXml(xml, {
    text(text) {
      if (openName) openName.reference += text;
    },
    close(name) {
      if (name === "definedName" && openName) definedNames.push(openName);
      if (name === "definedName") openName = undefined;
    },
    open(name, a) {
      if (name === "definedName") openName = { name: a.name ?? "", reference: "" };
      // xsd:boolean: "1" or "true" (ECMA-376 Part 1 §18.2.28 workbookPr).
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      // Excel compares sheet names without case; two sheets of one name (or one part listed
      // twice) would have the writer put one sheet's columns into the other.
      const key = (a.name ?? "").toLowerCase();
      if (names.has(key))
        throw new PackageRefusedError("damaged", `two sheets are named "${a.name ?? ""}"`);
      names.add(key);
      const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const rel = rels.find((r) => r.id === id);
      // Chart sheets and dialog sheets hold no cells; the snapshot lists worksheets only.
      // A worksheet listed with no part behind it is damage: skipping it would make a register
      // disappear from the check and from the file apply writes.
      if (a.name && rel && typeEnds(rel, "worksheet") && !parts.has(rel.target))
        throw new PackageRefusedError("damaged", `the part of sheet "${a.name}" is missing`);
      if (a.name && rel && typeEnds(rel, "worksheet")) {
        if (paths.has(rel.target))
          throw new PackageRefusedError("damaged", `two sheets share the part ${rel.target}`);
        paths.add(rel.target);
        const state = a.state;
        sheets.push({
          name: a.name,
          path: rel.target,
          ...(state === "hidden" || state === "veryHidden" ? { visibility: state } : {}),
        });
      }
    },
  });
  const target = (suffix: string) => rels.find((r) => typeEnds(r, suffix))?.target;
  return {
    workbookPath,
    sheets,
    definedNames,
    sharedStringsPath: target("sharedStrings"),
    stylesPath: target("styles"),
    calcChainPath: target("calcChain"),
    date1904,
  };
}
