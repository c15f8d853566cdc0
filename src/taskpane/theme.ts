import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Dark when Office's body background (or, standalone, the system) is dark. */
export function pickTheme(officeBackground: string | undefined, prefersDark: boolean): Theme {
  if (officeBackground && /^#?[0-9a-f]{6}$/i.test(officeBackground)) {
    const hex = officeBackground.replace("#", "");
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const luminance = (0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255)) / 255;
    return luminance < 0.5 ? webDarkTheme : webLightTheme;
  }
  return prefersDark ? webDarkTheme : webLightTheme;
}
