/**
 * Where the pane is running, decided before anything renders.
 *
 * Inside Excel, Office.onReady resolves with the Excel host once Office has started, which on a
 * slow machine takes well over the 3 seconds an earlier version waited: racing it against a timer
 * showed the standalone page and its bundled sample *inside Excel*. So nothing races it; the pane
 * shows "Starting…" after a while instead. Outside Office, office.js resolves at once with host
 * null, and when office.js did not load at all (offline) there is no Office global.
 */
export type Where = "excel" | "standalone";

interface OfficeLike {
  onReady(): Promise<{ host: unknown } | null | undefined>;
  HostType: { Excel: unknown };
}

export async function whereAmI(
  office: OfficeLike | undefined,
  onSlow: () => void = () => undefined,
  slowAfterMs = 3000,
): Promise<Where> {
  if (office === undefined) return "standalone";
  const slow = setTimeout(onSlow, slowAfterMs);
  try {
    const info = await office.onReady();
    return info?.host === office.HostType.Excel ? "excel" : "standalone";
  } finally {
    clearTimeout(slow);
  }
}

/**
 * Internet Explorer 11 (Trident) and Microsoft Edge Legacy (EdgeHTML) webviews, which Office
 * 2016/2019 perpetual builds use for add-ins: the bundle (ES2022, React 18, Fluent UI v9) cannot
 * run there. Same test as Microsoft's "Support older Microsoft webviews and Office versions"
 * (learn.microsoft.com/office/dev/add-ins/develop/support-ie-11); Chromium Edge says "Edg/".
 */
export function isOldWebview(userAgent: string): boolean {
  return userAgent.includes("Trident") || userAgent.includes("Edge/");
}

export const OLD_WEBVIEW_MESSAGE =
  "Council Sheets needs Excel from Microsoft 365, or Office 2021 or later. This version of Office shows add-ins with Internet Explorer or the old Microsoft Edge, which cannot run it. The standalone page works in any current browser.";
