import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { excelHost } from "./hosts/excel-host";
import { fileHost } from "./hosts/file-host";
import { browserSettings, officeSettings } from "./hosts/settings-stores";
import { isOldWebview, OLD_WEBVIEW_MESSAGE, whereAmI } from "./startup";
import { pickTheme } from "./theme";

/**
 * The standalone pane's Web Worker, which reads, checks and writes the workbook off the page's
 * thread. webpack 5 bundles the worker from exactly this form (`new Worker(new URL(…,
 * import.meta.url))`). Without Worker support the jobs run on the page instead (file-host.ts).
 */
function startWorker(): Worker {
  return new Worker(
    // @ts-expect-error TS1343: tsconfig.json type-checks as CommonJS (for jest), where import.meta is refused; webpack compiles this file as an ES module, where it is valid.
    new URL("./worker/workbook.worker.ts", import.meta.url),
    { name: "council-sheets-workbook" },
  );
}

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  // taskpane.html shows its own message where this bundle cannot even parse (Trident); a webview
  // that parses it but cannot run React 18 and Fluent v9 (EdgeHTML) gets the same words here.
  if (isOldWebview(navigator.userAgent)) {
    element.textContent = OLD_WEBVIEW_MESSAGE;
    return;
  }
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const where = await whereAmI(
    typeof Office === "undefined" ? undefined : Office,
    () => (element.textContent = "Starting Council Sheets… Excel is still loading the add-in."),
  );
  element.textContent = "";
  const root = createRoot(element);
  if (where === "excel") {
    const theme = pickTheme(Office.context.officeTheme?.bodyBackgroundColor, prefersDark);
    root.render(<App host={excelHost(officeSettings())} theme={theme} />);
  } else {
    const storage = (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })();
    root.render(
      <App
        host={fileHost(
          browserSettings(storage),
          typeof Worker === "undefined" ? undefined : startWorker,
        )}
        theme={pickTheme(undefined, prefersDark)}
        sampleUrl="assets/sample-council-workbook.xlsx"
      />,
    );
  }
}

void start();
