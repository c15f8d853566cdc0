import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { excelHost } from "./hosts/excel-host";
import { fileHost } from "./hosts/file-host";
import { browserSettings, officeSettings } from "./hosts/settings-stores";
import { pickTheme } from "./theme";

/** Inside Excel, Office.onReady reports the Excel host; in a plain browser there is no Office. */
async function insideExcel(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000));
  const info = await Promise.race([Office.onReady(), timeout]);
  return info?.host === Office.HostType.Excel;
}

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const root = createRoot(element);
  if (await insideExcel()) {
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
