import {
  type Cell,
  type CellValue,
  isDateNumberFormat,
  serialFromFile,
  serialFromUtcMs,
  shiftFormula,
} from "../../../core";
import { PackageRefusedError } from "./errors";
import { checkCellText } from "./read-limits";
import { integerAt, numberAt, type InPlace } from "./scan";
import { unescapeExcel } from "./xml";
import { decodeEntities, Text } from "./xml-tokens";

/**
 * The text of one element (<v>, <f>): almost always a single run without entities, kept as
 * offsets into the worksheet and read in place; joined into a string only when it comes in pieces.
 */
export class Captured {
  present = false;
  private from = -1;
  private to = -1;
  private joined: string | undefined;

  constructor(private readonly xml: string) {}

  reset(): void {
    this.present = false;
    this.from = -1;
    this.joined = undefined;
  }

  begin(): void {
    this.reset();
    this.present = true;
  }

  add(start: number, end: number, kind: Text): void {
    if (this.from < 0 && this.joined === undefined && kind === Text.Plain) {
      this.from = start;
      this.to = end;
      return;
    }
    const piece = this.xml.slice(start, end);
    this.joined = this.text() + (kind === Text.Entities ? decodeEntities(piece) : piece);
    this.from = -1;
  }

  text(): string {
    return this.joined ?? (this.from >= 0 ? this.xml.slice(this.from, this.to) : "");
  }

  read<T>(reader: InPlace<T>): T {
    if (this.joined === undefined && this.from >= 0) return reader(this.xml, this.from, this.to);
    const text = this.text();
    return reader(text, 0, text.length);
  }
}

interface SharedMaster {
  formula: string;
  row: number;
  column: number;
}

/** What one <c> element holds, gathered while it is read, and the snapshot cell it makes. */
export class CellBuilder {
  column = 0;
  style = 0;
  type: string | undefined;
  readonly value: Captured;
  readonly formula: Captured;
  formulaType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
  inline: string | undefined;
  private readonly masters = new Map<string, SharedMaster>();

  constructor(
    xml: string,
    private readonly strings: readonly string[],
    private readonly formatOf: (style: number) => string | undefined,
    /** Told of each shared-formula master cell with the range it covers. */
    private readonly onMaster: (row: number, column: number, ref: string) => void,
    /** The workbook counts dates from 1904: date cells are moved into the 1900 system. */
    private readonly date1904 = false,
  ) {
    this.value = new Captured(xml);
    this.formula = new Captured(xml);
  }

  start(column: number, style: number, type: string | undefined): void {
    this.column = column;
    this.style = style;
    this.type = type;
    this.value.reset();
    this.formula.reset();
    this.formulaType = this.sharedIndex = this.sharedRef = this.inline = undefined;
  }

  /** The cell as the snapshot holds it, or null for an empty one. */
  build(row: number): Cell | null {
    const formula = this.formulaText(row);
    const hasValue = this.value.present || this.inline !== undefined;
    if (!hasValue && formula === undefined) return null;
    const numberFormat = this.formatOf(this.style);
    let value: CellValue = null;
    let error: string | undefined;
    switch (this.type) {
      case "s":
        value = this.value.present ? this.sharedString(this.value.read(integerAt)) : null;
        break;
      case "str": {
        // A formula showing "" is read as showing nothing, as ExcelJS and Office.js read it.
        const text = this.value.text();
        value = formula !== undefined && text === "" ? null : text;
        break;
      }
      case "inlineStr":
        value = checkCellText(unescapeExcel(this.inline ?? ""), "an inline string");
        break;
      case "b": {
        const v = this.value.text();
        value = hasValue ? v === "1" || v === "true" : null;
        break;
      }
      case "e":
        error = this.value.text();
        break;
      case "d": {
        const v = this.value.text();
        const time = Date.parse(v);
        value = Number.isNaN(time) ? v : serialFromUtcMs(time);
        break;
      }
      default:
        value = this.value.present ? this.value.read(numberAt) : null;
        if (this.date1904 && typeof value === "number" && isDateNumberFormat(numberFormat))
          value = serialFromFile(value, true);
    }
    // Built in one go, in one of few shapes: a million cells read faster that way in the core.
    if (formula === undefined && error === undefined)
      return numberFormat === undefined ? { value } : { value, numberFormat };
    const out: Cell = { value };
    if (formula !== undefined) out.formula = `=${formula}`;
    if (numberFormat !== undefined) out.numberFormat = numberFormat;
    if (error !== undefined) out.error = error;
    return out;
  }

  /**
   * The shared string a cell points at. An index the table does not hold (or a string cell in a
   * workbook with no table at all) is damage: reading it as blank would lose the text silently.
   */
  private sharedString(index: number): string {
    const text = this.strings[index];
    if (text === undefined)
      throw new PackageRefusedError(
        "damaged",
        this.strings.length === 0
          ? "a cell refers to shared string " +
              String(index) +
              " but the shared string table is missing"
          : "a cell refers to shared string " +
              String(index) +
              " of only " +
              String(this.strings.length),
      );
    return text;
  }

  /** The cell's own formula, or a shared one moved from its master cell to this one. */
  private formulaText(row: number): string | undefined {
    const own = this.formula.present ? this.formula.text() : "";
    if (this.formulaType !== "shared" || this.sharedIndex === undefined)
      return own === "" ? undefined : own;
    if (own !== "") {
      this.masters.set(this.sharedIndex, { formula: own, row, column: this.column });
      if (this.sharedRef) this.onMaster(row, this.column, this.sharedRef);
      return own;
    }
    const master = this.masters.get(this.sharedIndex);
    return master
      ? shiftFormula(master.formula, row - master.row, this.column - master.column)
      : undefined;
  }
}
