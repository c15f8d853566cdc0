import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../../core";
import type { SettingsStore } from "./host";

const KEY = "councilSheets.settings";

/** Settings saved inside the workbook, so everyone who opens it works to the same bands. */
export function officeSettings(): SettingsStore {
  const settings = Office.context.document.settings;
  return {
    load: () => parseSettings(settings.get(KEY)),
    save: (value: Settings) =>
      new Promise((resolve, reject) => {
        settings.set(KEY, value);
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new Error(`Settings were not saved: ${result.error.message}`)),
        );
      }),
  };
}

/** Standalone: settings live in this browser. */
export function browserSettings(
  storage: Pick<Storage, "getItem" | "setItem"> | null,
): SettingsStore {
  return {
    load: () => {
      try {
        const raw = storage?.getItem(KEY);
        return raw ? parseSettings(JSON.parse(raw)) : DEFAULT_SETTINGS;
      } catch {
        return DEFAULT_SETTINGS;
      }
    },
    save: async (value: Settings) => storage?.setItem(KEY, JSON.stringify(value)),
  };
}
