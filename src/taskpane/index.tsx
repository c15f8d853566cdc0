import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { excelHost } from "./hosts/excel-host";
import { fileHost } from "./hosts/file-host";
import { browserSettings, officeSettings } from "./hosts/settings-stores";
import { isOldWebview, OLD_WEBVIEW_MESSAGE, whereAmI } from "./startup";
import { pickTheme } from "./theme";

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
        host={fileHost(browserSettings(storage))}
        theme={pickTheme(undefined, prefersDark)}
        sampleUrl="assets/sample-council-workbook.xlsx"
      />,
    );
  }
}

void start();
