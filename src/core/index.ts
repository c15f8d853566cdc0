/**
 * The face of the core: everything the shells (task pane, CLI, ribbon commands) and the adapters
 * (Excel, .xlsx) may use. They import from here and nowhere deeper (lint-enforced, see
 * eslint.config.mjs and test/unit/layer-rules.test.ts), so the core's folders can be reorganised
 * without touching a shell, and a reader sees the core's whole public surface in one file.
 */

// Faults: one base class with a stable `code`.
export { CouncilSheetsError, isCouncilSheetsError } from "./errors";

// Grid addresses and cell values.
export {
  AddressError,
  cellAddress,
  cellPositionOf,
  columnIndex,
  columnLetter,
  columnRangeAddress,
  modelRow,
  parseAddress,
  rangeAddress,
  rangeColumns,
  rangeCorners,
  reportRow,
  reportRowFromText,
  type A1,
  type A1Range,
  type CellPosition,
  type ModelRow,
  type ReportRow,
} from "./a1";
export {
  cellText,
  sheetWidth,
  SPACER_WIDTH,
  CellValueSchema,
  WorkbookSnapshotSchema,
  type Cell,
  type CellValue,
  type ExcelTable,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
export {
  dateToSerial,
  parseDate,
  parseAmountSetting,
  parseMoney,
  parseScaleValue,
  serialOfDay,
  serialToIsoDate,
  serialToUkDate,
} from "./values";
export {
  formatMoney,
  fromPence,
  roundToPence,
  sumPounds,
  toPence,
  type Pence,
} from "./tables/money";
export { displayedValue, generalNumber } from "./number-format-shown";
export {
  EXCEL_EPOCH_UTC_MS,
  isDateNumberFormat,
  serialFromFile,
  serialToFile,
  serialFromUtcMs,
  utcMsFromSerial,
  type SerialDate,
  type SerialValue,
} from "./serial-date";

// Analysis and findings.
export {
  analyseWorkbook,
  isRiskReport,
  type AnalyseOptions,
  type Analysis,
  type TableReport,
} from "./analyse";
export {
  countBySeverity,
  FindingSchema,
  SeveritySchema,
  type Finding,
  type Severity,
} from "./findings";
export {
  DEFAULT_SETTINGS,
  optionsFrom,
  parseSettings,
  readSavedSettings,
  type Settings,
} from "./settings";
export type { Reconciliation } from "./reconcile";

// Write plans and what applying one changes.
export type {
  AddSheet,
  ColumnWrite,
  JoiningColumn,
  RecalculatedCell,
  SheetCell,
  TableJoin,
  WritePlan,
} from "./plan";
export { withRecalculatedCaches } from "./recalculate-plan";
export { tableJoins } from "./table-joins";
export { applyPlanToSnapshot, findingsAfter, writtenCell, type ApplyOptions } from "./plan-preview";
export {
  changeRecord,
  describePlan,
  type Change,
  type ShownChange,
  type Written,
} from "./plan-changes";
export { filledDownRuns, isFilledDown, shiftFormula } from "./formula-shift";
export {
  MAX_COLUMN,
  insertColumnsInFormula,
  insertColumnsInRanges,
  moveFormula,
  type ColumnInsert,
} from "./formula-insert";
export {
  nextOwnSheetMarkName,
  ownSheetMarkReference,
  ownSheetRole,
  ownSheetsFromNames,
  quotedSheetName,
  type OwnSheetRole,
} from "./own-sheets";
export { cleanSheetName } from "./sheet-names";

// Risk registers: bands and keys the task pane shows and edits.
export { bandOf, BandSchema, BandSetSchema, describeBands, type Band } from "./bands";
export type { RiskContext } from "./risk/check";
export { pairTitle } from "./risk/fields";
export { keyCells, readLegend } from "./risk/legend";
export {
  bandScores,
  heatMapCounts,
  heatMapRisks,
  heatMapUnplaced,
  scaleLabels,
  scaleWords,
  shownPair,
  unplacedNote,
} from "./risk/heat-map";
export { planHeatMapSheet } from "./risk/heat-map-sheet";
export {
  bandStyles,
  contrastRatio,
  HEAT_FILLS,
  luminance,
  shortLabel,
  textOn,
  type BandStyle,
} from "./band-colours";
export { highlightCondition } from "./highlight";
export { parseBandsText, parseSourceMap, parseSourceMapEntry } from "./settings-text";
export {
  fractionToPercent,
  percentToFraction,
  ragOrderProblem,
  readSetting,
  settingProblem,
  SETTING_FIELDS,
  type RagThresholds,
  type SettingField,
} from "./settings-fields";

// Budgets.
export { DEFAULT_RAG } from "./budget/model";

// PID sheets.
export { PidError } from "./pid/build";
export { planPids } from "./pid-sources-from-kinds";

// Decision records.
export { DEFAULT_KEY_DECISION_THRESHOLD, DEFAULT_LATE_PUBLICATION_DAYS } from "./decisions/checks";
export { DEFAULT_CALL_IN_WORKING_DAYS } from "./decisions/record-dates";
export { htmlToText, looksLikeHtml } from "./decisions/html-text";
export { DecisionImportError, planDecisionImport } from "./decisions/import";
export { readDecisionRecord } from "./decisions/read";
export { readDecisionRecords } from "./decisions/minutes-items";
export {
  AmountMentionSchema,
  DecisionStatusKindSchema,
  REGISTER_FIELDS,
  type DecisionRecord,
} from "./decisions/record";

// Progress of long work (reading, checking, writing), throttled by the reporter.
export * from "./progress";
export * from "./print-area";
