import type { Change, Settings, WorkbookSnapshot, WritePlan } from "../../core";

export interface ApplyRequest {
  plan: WritePlan;
  valuesOnly: boolean;
  backup: boolean;
  changes: Change[];
}

export interface ApplyOutcome {
  /** One line for the officer: what was written where. */
  summary: string;
  /** Standalone mode: the updated workbook to save. */
  download?: { name: string; blob: Blob };
}

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): Promise<void>;
}

/** Where the workbook lives: Excel itself, or a file opened in the browser. */
export interface Host {
  kind: "excel" | "file";
  /** The open file's name (standalone); null inside Excel. */
  fileName(): string | null;
  read(): Promise<WorkbookSnapshot>;
  apply(request: ApplyRequest): Promise<ApplyOutcome>;
  select(sheet: string, cell: string): Promise<void>;
  settings: SettingsStore;
}
