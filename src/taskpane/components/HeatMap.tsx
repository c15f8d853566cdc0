import { Caption1, makeStyles, shorthands, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import {
  bandOf,
  bandStyles,
  cellText,
  heatMapCounts,
  heatMapRisks,
  heatMapUnplaced,
  unplacedNote,
  pairTitle,
  reportRow,
  scaleLabels,
  shownPair,
  type RiskContext,
  type SheetSnapshot,
} from "../../core";
import { plural } from "../counts";

const useStyles = makeStyles({
  // The grid takes the pane's width and no more: its cells share it, and their words wrap.
  grid: {
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalS,
    width: "100%",
    maxWidth: "24rem",
    tableLayout: "fixed",
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
  cell: {
    height: "2.6em",
    padding: 0,
    textAlign: "center",
    overflowWrap: "normal",
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1),
  },
  pick: {
    width: "100%",
    height: "100%",
    minHeight: "2.6em",
    paddingLeft: "1px",
    paddingRight: "1px",
    whiteSpace: "normal",
    ...shorthands.border("none"),
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    cursor: "pointer",
    ":focus-visible": { outlineStyle: "solid", outlineWidth: "3px", outlineOffset: "-4px" },
  },
  chosen: { outlineStyle: "solid", outlineWidth: "3px", outlineOffset: "-4px" },
  count: {
    display: "block",
    fontWeight: tokens.fontWeightBold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase200,
  },
  short: {
    display: "block",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  // The axis title's column: as narrow as its turned word.
  axisColumn: { width: "1.6em" },
  // The likelihood labels' column: a number, or a number and a word on two short lines.
  labelColumn: { width: "1.6em" },
  wordsColumn: { width: "5.4em" },
  note: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  // Scale words wrap between words only ("Almost / certain"), never inside one ("Moder / ate"):
  // shortScaleLabel cuts each to fit a column a fifth of a 320 px pane wide at this size.
  axis: {
    textAlign: "center",
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: "1px",
    paddingRight: "1px",
    lineHeight: tokens.lineHeightBase100,
    overflowWrap: "normal",
    wordBreak: "keep-all",
    hyphens: "manual",
  },
  axisTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  vertical: { writingMode: "vertical-rl", transform: "rotate(180deg)" },
  key: {
    listStyleType: "none",
    paddingLeft: 0,
    marginTop: tokens.spacingVerticalS,
    marginBottom: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  swatch: {
    display: "inline-block",
    minWidth: "2em",
    textAlign: "center",
    marginRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1),
  },
  words: { overflowWrap: "anywhere" },
  para: { display: "block", overflowWrap: "anywhere" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  risks: { paddingLeft: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalXS },
});

const BAND_SOURCE: Record<RiskContext["bands"]["source"], string> = {
  sheet: "from the sheet's own key",
  workbook: "from a key elsewhere in the workbook",
  settings: "from your settings",
  ratings: "read from the register's own ratings (it states no key)",
  default: "are the council defaults",
};

/**
 * A count as it fits a cell a fifth of a narrow pane wide: "1,234" would not, so it reads "1.2k"
 * ("12k" from ten thousand); the cell's full label gives the exact number.
 */
export function compactCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toFixed(1)}k`;
  return `${Math.floor(count / 1000)}k`;
}

function riskName(sheet: SheetSnapshot, ctx: RiskContext, row: number): string {
  const { id, title } = ctx.table.columns;
  const parts = [id, title]
    .filter((c): c is number => c !== undefined)
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean);
  return `Row ${reportRow(row)}${parts.length > 0 ? `: ${parts.join(" · ")}` : ""}`;
}

/**
 * Longest word shown whole under a grid column a fifth of a 320 px pane wide (about 40 px at
 * the axis's 10 px type: "Extreme" fits, "Moderate" did not and broke as "Moder|ate").
 */
const WORD_LENGTH = 7;
/**
 * The likelihood words stand in their own wider column: "Possible" and "Unlikely" fit whole there,
 * and a cut one ("Unlike.") would read as another word.
 */
const LIKELIHOOD_WORD_LENGTH = 9;

/**
 * "Catastrophic" → "Catast.": a scale word cut to fit its narrow column, whole in the title
 * and in what a screen reader reads.
 */
export function shortScaleLabel(label: string, longest = WORD_LENGTH): string {
  return label
    .split(" ")
    .map((w) => (w.length > longest ? `${w.slice(0, longest - 1)}.` : w))
    .join(" ");
}

/** An axis label as it fits its column: cut words shown, the whole label read out. */
function AxisLabel({ label, longest }: { label: string; longest?: number }) {
  const styles = useStyles();
  const short = shortScaleLabel(label, longest);
  if (short === label) return <>{label}</>;
  return (
    <span title={label}>
      <span aria-hidden="true">{short}</span>
      <span className={styles.hidden}>{label}</span>
    </span>
  );
}

export function HeatMap({ sheet, context }: { sheet: SheetSnapshot; context: RiskContext }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<{ likelihood: number; impact: number } | null>(null);
  const n = context.scale;
  const risks = heatMapRisks(sheet, context);
  const counts = heatMapCounts(sheet, context);
  const unplaced = unplacedNote(sheet, context, heatMapUnplaced(sheet, context));
  const sorted = [...context.bands.bands].sort((a, b) => a.from - b.from);
  const looks = bandStyles(sorted);
  const look = (score: number) => looks[sorted.indexOf(bandOf(score, sorted))] ?? looks[0];
  const pair = shownPair(context);
  const ratings = pair?.name ? ` (${pairTitle(pair.name).toLowerCase()} ratings)` : "";
  const likelihoodLabels = scaleLabels(sheet, context, pair?.likelihood);
  const impactLabels = scaleLabels(sheet, context, pair?.impact);
  const hasWords = [...likelihoodLabels.values()].some((l) => l.includes(" "));
  const inCell = chosen
    ? risks.filter((r) => r.likelihood === chosen.likelihood && r.impact === chosen.impact)
    : [];
  return (
    <figure style={{ margin: 0 }}>
      <table className={styles.grid}>
        <caption className={styles.caption}>
          Risk heat map for {sheet.name}
          {ratings}
        </caption>
        <colgroup>
          <col className={styles.axisColumn} />
          <col className={hasWords ? styles.wordsColumn : styles.labelColumn} />
          {Array.from({ length: n }, (_, i) => (
            <col key={i} />
          ))}
        </colgroup>
        <tbody>
          {counts.map((row, ri) => {
            const likelihood = n - ri;
            return (
              <tr key={ri}>
                {ri === 0 && (
                  <th rowSpan={n} scope="rowgroup" className={styles.axisTitle}>
                    <span className={styles.vertical}>Likelihood</span>
                  </th>
                )}
                <th scope="row" className={styles.axis}>
                  <AxisLabel
                    label={likelihoodLabels.get(likelihood) ?? String(likelihood)}
                    longest={LIKELIHOOD_WORD_LENGTH}
                  />
                </th>
                {row.map((count, ci) => {
                  const impact = ci + 1;
                  const score = likelihood * impact;
                  const band = bandOf(score, sorted);
                  const style = look(score);
                  const label = `Likelihood ${likelihood} × impact ${impact} = ${score} (${band.label}): ${plural(count, "risk")}`;
                  const isChosen = chosen?.likelihood === likelihood && chosen.impact === impact;
                  // The visible count and short label start the accessible name (WCAG 2.5.3);
                  // the rest is read out only.
                  const content = (
                    <>
                      <span className={styles.count}>{count > 0 ? compactCount(count) : " "}</span>
                      <span className={styles.short}>{style?.short}</span>
                      <span className={styles.hidden}>{`, ${label}`}</span>
                    </>
                  );
                  return (
                    <td
                      key={ci}
                      className={styles.cell}
                      style={{ background: style?.background, color: style?.text }}
                      title={label}
                    >
                      {count > 0 ? (
                        <button
                          type="button"
                          className={`${styles.pick} ${isChosen ? styles.chosen : ""}`}
                          aria-pressed={isChosen}
                          onClick={() => setChosen(isChosen ? null : { likelihood, impact })}
                        >
                          {content}
                        </button>
                      ) : (
                        content
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr>
            <td />
            <td />
            {Array.from({ length: n }, (_, i) => (
              <th key={i} scope="col" className={styles.axis}>
                <AxisLabel label={impactLabels.get(i + 1) ?? String(i + 1)} />
              </th>
            ))}
          </tr>
          <tr>
            <td />
            <td />
            <th colSpan={n} scope="colgroup" className={styles.axisTitle}>
              Impact
            </th>
          </tr>
        </tbody>
      </table>
      <ul className={styles.key} aria-label="Colour key">
        {sorted.map((b, i) => (
          <li key={b.label}>
            <span
              className={styles.swatch}
              style={{ background: looks[i]?.background, color: looks[i]?.text }}
              aria-hidden="true"
            >
              {looks[i]?.short}
            </span>
            <Text size={200}>
              {/* "High: 8–16", or "Medium: 6" for a band of one score. */}
              {b.label}: {b.from === b.to ? b.from : `${b.from}–${b.to}`}
            </Text>
          </li>
        ))}
      </ul>
      <Caption1 as="p" className={styles.para}>
        Bands {BAND_SOURCE[context.bands.source]}. Choose a cell to list its risks.
      </Caption1>
      {unplaced && (
        <Text as="p" className={styles.note}>
          {unplaced}
        </Text>
      )}
      {chosen && (
        <section aria-label="Risks in the chosen cell">
          <Text weight="semibold">
            Likelihood {chosen.likelihood} × impact {chosen.impact}: {plural(inCell.length, "risk")}
          </Text>
          <ul className={styles.risks}>
            {inCell.map((r) => (
              <li key={r.row} className={styles.words}>
                {riskName(sheet, context, r.row)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </figure>
  );
}
