/*
 * Type-level test of the core's branded units, compiled by `tsc -p tsconfig.json` (the gate and
 * `npm test` run it; jest only transpiles). Each `@ts-expect-error` line must fail to compile:
 * were a brand to stop refusing the mix, the directive would be unused and tsc would fail. The
 * lines without one must compile. Nothing here runs.
 */
import {
  analyseWorkbook,
  cellAddress,
  columnRangeAddress,
  dateToSerial,
  modelRow,
  rangeAddress,
  reportRow,
  serialToIsoDate,
  type A1,
  type A1Range,
  type ModelRow,
  type ReportRow,
  type SerialDate,
  type WorkbookSnapshot,
} from "../../src/core";

declare const report: ReportRow;
declare const model: ModelRow;
declare const serial: SerialDate;
declare const index: number;
declare const text: string;
declare const snapshot: WorkbookSnapshot;

export function modelRowsAndReportRows(): void {
  // A plain index of the snapshot is a model row; the one conversion each way.
  const row: ModelRow = index;
  const shown: ReportRow = reportRow(row);
  const back: ModelRow = modelRow(shown);
  cellAddress(back, 0);
  // @ts-expect-error a report row is not a model row
  cellAddress(report, 0);
  // @ts-expect-error a report row is not a model row
  rangeAddress(0, 0, report, 3);
  // @ts-expect-error a report row is not a model row
  columnRangeAddress(1, report, 8);
  // @ts-expect-error a report row is not a model row
  reportRow(report);
  // @ts-expect-error a model row is not a report row
  modelRow(model);
  // @ts-expect-error a plain number is not a report row
  modelRow(index);
  // @ts-expect-error a model row is not a report row
  const wrong: ReportRow = model;
  // @ts-expect-error a report row is not a model row
  const alsoWrong: ModelRow = report;
  void [wrong, alsoWrong];
}

export function serialDates(): void {
  serialToIsoDate(serial);
  serialToIsoDate(45_000);
  analyseWorkbook(snapshot, { asOf: dateToSerial(2026, 3, 31) ?? serial });
  // @ts-expect-error a serial date is not a row
  cellAddress(serial, 0);
  // @ts-expect-error a serial date is not a row
  reportRow(serial);
  // @ts-expect-error a row is not a serial date
  serialToIsoDate(report);
  // @ts-expect-error a row is not a serial date
  serialToIsoDate(model);
  // @ts-expect-error a row is not a serial date
  analyseWorkbook(snapshot, { asOf: report });
  // @ts-expect-error a plain number is not a serial made by the date functions
  const made: SerialDate = index;
  void made;
}

export function addresses(): void {
  const cell: A1 = cellAddress(index, 1);
  const range: A1Range = rangeAddress(0, 0, 8, 3);
  const column: A1Range = columnRangeAddress(1, 5, 8);
  // An address is still a string wherever text is wanted.
  const asText: string = cell;
  void [range, column, asText];
  // @ts-expect-error text is not an address made by cellAddress
  const typed: A1 = text;
  // @ts-expect-error a range is not a cell address
  const notACell: A1 = range;
  // @ts-expect-error a cell address is not a range made by rangeAddress
  const notARange: A1Range = cell;
  void [typed, notACell, notARange];
}
