import { cellAddress } from "../a1";
import { bandStyles } from "../band-colours";
import type { AddSheet, SheetCell } from "../plan";
import { uniqueSheetNameOf } from "../sheet-names";
import type { WorkbookSnapshot } from "../snapshot";
import { bandOf, sortBands } from "../bands";
import type { RiskContext } from "./check";
import { pairTitle } from "./fields";
import {
  bandScores,
  heatMapRisks,
  heatMapUnplaced,
  riskRef,
  scaleLabels,
  shownPair,
  unplacedNote,
} from "./heat-map";

const BAND_SOURCE: Record<RiskContext["bands"]["source"], string> = {
  sheet: "from the register's own key",
  workbook: "from a key elsewhere in the workbook",
  settings: "from the council's settings",
  ratings: "read from the register's own ratings (it states no key)",
  default: "the council defaults (the register states none)",
};

/** The first line of the sheet: it also tells a later run which register the sheet maps. */
export function heatMapTitle(ctx: RiskContext): string {
  const pair = shownPair(ctx);
  const ratings = pair?.name ? ` (${pairTitle(pair.name).toLowerCase()} ratings)` : "";
  return `Risk heat map: ${ctx.table.sheet}${ratings}`;
}

const GRID_TOP = 3;
/** Columns: A the likelihood title, B the likelihood values, C onwards the grid. */
const GRID_LEFT = 2;

/**
 * A printable heat map of one register as a sheet of its own (role "heat-map"): the likelihood ×
 * impact grid with axis titles and the register's scale words, each cell filled in its band's
 * colour and saying its band, count and risk references in words (colour is never alone), a key
 * of the bands, and A4 landscape print set-up fitted to one page. A second run refreshes the
 * register's earlier heat-map sheet in place.
 */
export function planHeatMapSheet(snapshot: WorkbookSnapshot, ctx: RiskContext): AddSheet {
  const sheet = snapshot.sheets.find((s) => s.name === ctx.table.sheet);
  if (!sheet) throw new Error(`The register's sheet "${ctx.table.sheet}" is not in the workbook`);
  const title = heatMapTitle(ctx);
  const earlier = snapshot.sheets.find(
    (s) => s.ours === "heat-map" && s.rows[0]?.[0]?.value === title,
  );
  const name =
    earlier?.name ??
    uniqueSheetNameOf(
      "Heat map - ",
      ctx.table.sheet,
      snapshot.sheets.map((s) => s.name),
    );
  const n = ctx.scale;
  const bands = sortBands(ctx.bands.bands);
  const looks = bandStyles(bands);
  const pair = shownPair(ctx);
  const risks = heatMapRisks(sheet, ctx);
  const likelihoodLabels = scaleLabels(sheet, ctx, pair?.likelihood);
  const impactLabels = scaleLabels(sheet, ctx, pair?.impact);
  const label = (value: number, labels: Map<number, string>) => labels.get(value) ?? String(value);

  const cells: SheetCell[] = [
    { row: 0, column: 0, formula: null, value: title, bold: true },
    {
      row: 1,
      column: 0,
      formula: null,
      value: `${risks.length} risk${risks.length === 1 ? "" : "s"} placed by likelihood and impact. Each cell gives its band, how many risks it holds and their references.`,
      italic: true,
    },
  ];
  const boxes: string[] = [];
  for (let k = 0; k < n; k++) {
    const likelihood = n - k;
    const row = GRID_TOP + k;
    cells.push({
      row,
      column: 1,
      formula: null,
      value: label(likelihood, likelihoodLabels),
      bold: true,
      wrap: true,
      center: true,
    });
    for (let impact = 1; impact <= n; impact++) {
      const score = likelihood * impact;
      const band = bandOf(score, bands);
      const look = looks[bands.indexOf(band)];
      const here = risks.filter((r) => r.likelihood === likelihood && r.impact === impact);
      const refs = here.map((r) => riskRef(sheet, ctx, r.row));
      const count = `${here.length} risk${here.length === 1 ? "" : "s"}`;
      cells.push({
        row,
        column: GRID_LEFT + impact - 1,
        formula: null,
        value: `${band.label} (${score})\n${count}${refs.length > 0 ? `: ${refs.join(", ")}` : ""}`,
        wrap: true,
        center: true,
        bold: here.length > 0,
        ...(look ? { fill: look.background, color: look.text } : {}),
      });
    }
  }
  const impactRow = GRID_TOP + n;
  for (let impact = 1; impact <= n; impact++)
    cells.push({
      row: impactRow,
      column: GRID_LEFT + impact - 1,
      formula: null,
      value: label(impact, impactLabels),
      bold: true,
      wrap: true,
      center: true,
    });
  cells.push(
    { row: GRID_TOP, column: 0, formula: null, value: "Likelihood", bold: true, center: true },
    {
      row: impactRow + 1,
      column: GRID_LEFT,
      formula: null,
      value: "Impact",
      bold: true,
      center: true,
    },
  );
  boxes.push(
    `${cellAddress(GRID_TOP, GRID_LEFT)}:${cellAddress(impactRow - 1, GRID_LEFT + n - 1)}`,
  );

  const keyTop = impactRow + 3;
  cells.push({ row: keyTop, column: 0, formula: null, value: "Key", bold: true });
  bands.forEach((band, i) => {
    const look = looks[i];
    cells.push(
      {
        row: keyTop + 1 + i,
        column: 1,
        formula: null,
        value: band.label,
        bold: true,
        center: true,
        ...(look ? { fill: look.background, color: look.text } : {}),
      },
      {
        row: keyTop + 1 + i,
        column: GRID_LEFT,
        formula: null,
        value: bandScores(band),
      },
    );
  });
  boxes.push(`${cellAddress(keyTop + 1, 1)}:${cellAddress(keyTop + bands.length, 1)}`);
  const notes = keyTop + bands.length + 2;
  cells.push({
    row: notes,
    column: 0,
    formula: null,
    value: `Score = likelihood × impact. Bands are ${BAND_SOURCE[ctx.bands.source]}${ctx.bands.at ? ` (${ctx.bands.at})` : ""}.`,
    italic: true,
  });
  // A risk the grid cannot show is named, so the map is never silently short of risks.
  const unplaced = unplacedNote(sheet, ctx, heatMapUnplaced(sheet, ctx));
  if (unplaced)
    cells.push({ row: notes + 1, column: 0, formula: null, value: unplaced, bold: true });

  return {
    kind: "add-sheet",
    sheet: name,
    role: "heat-map",
    ...(earlier ? { replaces: earlier.name } : {}),
    table: ctx.table.sheet,
    title: "Heat map",
    cells,
    columnWidths: [12, 16, ...Array<number>(n).fill(18)],
    print: { portrait: false, fitToWidth: true, onePage: true },
    merges: [
      `${cellAddress(GRID_TOP, 0)}:${cellAddress(impactRow - 1, 0)}`,
      `${cellAddress(impactRow + 1, GRID_LEFT)}:${cellAddress(impactRow + 1, GRID_LEFT + n - 1)}`,
    ],
    boxes,
    rowHeights: Array.from({ length: n }, (_, k) => ({ row: GRID_TOP + k, height: 54 })),
  };
}
