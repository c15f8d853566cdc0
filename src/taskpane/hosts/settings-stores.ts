import { readSavedSettings, type Settings } from "../../core";
import type { SettingsStore } from "./host";

const KEY = "councilSheets.settings";

export const UNREADABLE_SETTINGS = "Saved settings could not be read; defaults are used.";

/**
 * Reads saved settings with `read` (which may throw, e.g. on JSON that does not parse); when
 * they cannot be read the defaults are used and the problem is told once through takeProblem.
 */
function settingsStore(read: () => unknown, save: SettingsStore["save"]): SettingsStore {
  let problem: string | undefined;
  return {
    load: () => {
      let raw: unknown;
      try {
        raw = read();
      } catch (error) {
        // JSON.parse's SyntaxError is the saved text being damaged; anything else is a bug.
        if (!(error instanceof SyntaxError)) throw error;
        problem = UNREADABLE_SETTINGS;
        return readSavedSettings(undefined).settings;
      }
      const saved = readSavedSettings(raw);
      if (saved.unreadable) problem = UNREADABLE_SETTINGS;
      return saved.settings;
    },
    takeProblem: () => {
      const told = problem;
      problem = undefined;
      return told;
    },
    save,
  };
}

/** Settings saved inside the workbook, so everyone who opens it works to the same bands. */
export function officeSettings(): SettingsStore {
  const settings = Office.context.document.settings;
  return settingsStore(
    () => settings.get(KEY),
    (value: Settings) =>
      new Promise((resolve, reject) => {
        settings.set(KEY, value);
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new Error(`Settings were not saved: ${result.error.message}`)),
        );
      }),
  );
}

/** Standalone: settings live in this browser. */
export function browserSettings(
  storage: Pick<Storage, "getItem" | "setItem"> | null,
): SettingsStore {
  return settingsStore(
    () => {
      const raw = storage?.getItem(KEY);
      return raw ? (JSON.parse(raw) as unknown) : undefined;
    },
    async (value: Settings) => storage?.setItem(KEY, JSON.stringify(value)),
  );
}
