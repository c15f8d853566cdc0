import { DEFAULT_SETTINGS, parseSettings } from "../../src/core";
import { browserSettings, UNREADABLE_SETTINGS } from "../../src/taskpane/hosts/settings-stores";

/** A browser's storage, kept in a Map: the store reads and writes it like localStorage. */
function storageHolding(saved?: string): Pick<Storage, "getItem" | "setItem"> {
  const items = new Map<string, string>();
  if (saved !== undefined) items.set("councilSheets.settings", saved);
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("settings saved in the browser", () => {
  it.each([
    ["text that is not JSON", "{bands: oops"],
    ["JSON that is not settings", JSON.stringify({ bands: "Low" })],
  ])("that are %s load as the defaults and say so once", (_, saved) => {
    const store = browserSettings(storageHolding(saved));
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeProblem?.()).toBe(UNREADABLE_SETTINGS);
    expect(store.takeProblem?.()).toBeUndefined();
  });

  it("that were saved by the store load back with nothing to tell", async () => {
    const storage = storageHolding();
    const settings = parseSettings({ rag: DEFAULT_SETTINGS.rag });
    await browserSettings(storage).save(settings);
    const store = browserSettings(storage);
    expect(store.load()).toEqual(settings);
    expect(store.takeProblem?.()).toBeUndefined();
  });

  it("that are not there load as the defaults with nothing to tell", () => {
    const store = browserSettings(storageHolding());
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeProblem?.()).toBeUndefined();
  });
});
