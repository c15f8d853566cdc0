/**
 * The double's own A1 addressing, written from Excel's rules rather than imported from the
 * adapter, so that the adapter's parsing is checked against an independent rendering.
 */
export const MAX_ROW = 1_048_575;
export const MAX_COLUMN = 16_383;

/** 0-based, inclusive. */
export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function letters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellName = (r: number, c: number) => `${letters(c)}${r + 1}`;

/** A local address as `getRange` takes it: "B2", "$A$1:D9", "1:4" (whole rows), "A:C" (columns). */
export function parseLocal(address: string): Area {
  const text = address.replace(/\$/g, "").trim();
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) return { r1: Number(rows[1]) - 1, c1: 0, r2: Number(rows[2]) - 1, c2: MAX_COLUMN };
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(text);
  if (columns)
    return {
      r1: 0,
      c1: columnOf(columns[1] ?? "A"),
      r2: MAX_ROW,
      c2: columnOf(columns[2] ?? "A"),
    };
  const cells = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(text);
  if (!cells) throw new Error(`InvalidArgument: the double cannot read the address ${address}`);
  const r1 = Number(cells[2]) - 1;
  const c1 = columnOf(cells[1] ?? "A");
  const r2 = cells[4] ? Number(cells[4]) - 1 : r1;
  const c2 = cells[3] ? columnOf(cells[3]) : c1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/**
 * A sheet name as Excel writes it in an address: bare when it is a plain identifier, otherwise in
 * apostrophes with apostrophes doubled ("'Risks, 2025'!A1", "'O''Neil'!B2"). Microsoft publishes no
 * rule; this follows the observations in jmcnamara/XlsxWriter#1078 (see README.md). Whether Excel
 * quotes TRUE and FALSE is not documented: they stay bare here, the harder case for a parser.
 */
export function sheetPrefix(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** An area as Excel renders it: whole rows "1:4", whole columns "A:C", else "A1:D9" or "B2". */
export function renderArea(a: Area): string {
  if (a.c1 === 0 && a.c2 === MAX_COLUMN) return `${a.r1 + 1}:${a.r2 + 1}`;
  if (a.r1 === 0 && a.r2 === MAX_ROW) return `${letters(a.c1)}:${letters(a.c2)}`;
  const from = cellName(a.r1, a.c1);
  return a.r1 === a.r2 && a.c1 === a.c2 ? from : `${from}:${cellName(a.r2, a.c2)}`;
}

/** A Range or RangeAreas address: every area prefixed with its sheet, areas joined by ", ". */
export function renderAddress(sheet: string, areas: readonly Area[]): string {
  return areas.map((a) => `${sheetPrefix(sheet)}!${renderArea(a)}`).join(", ");
}

export const contains = (a: Area, r: number, c: number) =>
  r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2;

/** Whether two areas share a cell. */
export const intersects = (a: Area, b: Area): boolean =>
  a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
