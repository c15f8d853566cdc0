import { Caption1, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import type { RiskContext } from "../../core/risk/check";
import { bandOf } from "../../core/risk/bands";
import type { SheetSnapshot } from "../../core/snapshot";
import { parseScaleValue } from "../../core/values";

const useStyles = makeStyles({
  grid: { borderCollapse: "collapse", marginTop: tokens.spacingVerticalS },
  cell: {
    width: "2.4em",
    height: "2.4em",
    textAlign: "center",
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    fontWeight: tokens.fontWeightSemibold,
  },
  axis: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
});

const COLOURS = ["#9fd89f", "#fde300", "#f7630c", "#d13438", "#750b1c"];

/** Counts of risks per likelihood × impact, coloured by the bands in force (first pair). */
export function heatMapCounts(sheet: SheetSnapshot, ctx: RiskContext): number[][] {
  const n = ctx.scale;
  const counts = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const pair = ctx.table.pairs[ctx.table.pairs.length > 1 ? ctx.table.pairs.length - 1 : 0];
  if (!pair) return counts;
  for (const r of ctx.table.dataRows) {
    const l = parseScaleValue(sheet.rows[r]?.[pair.likelihood]?.value ?? null);
    const i = parseScaleValue(sheet.rows[r]?.[pair.impact]?.value ?? null);
    if (
      l.kind !== "number" ||
      i.kind !== "number" ||
      l.value < 1 ||
      i.value < 1 ||
      l.value > n ||
      i.value > n
    )
      continue;
    const row = counts[n - l.value];
    if (row) row[i.value - 1] = (row[i.value - 1] ?? 0) + 1;
  }
  return counts;
}

export function HeatMap({ sheet, context }: { sheet: SheetSnapshot; context: RiskContext }) {
  const styles = useStyles();
  const n = context.scale;
  const counts = heatMapCounts(sheet, context);
  const sorted = [...context.bands.bands].sort((a, b) => a.from - b.from);
  const pairName =
    context.table.pairs.length > 1 ? context.table.pairs[context.table.pairs.length - 1]?.name : "";
  return (
    <figure style={{ margin: 0 }}>
      <table className={styles.grid} aria-label={`Risk heat map for ${sheet.name}`}>
        <tbody>
          {counts.map((row, ri) => (
            <tr key={ri}>
              <th scope="row" className={styles.axis}>{`L${n - ri}`}</th>
              {row.map((count, ci) => {
                const score = (n - ri) * (ci + 1);
                const band = bandOf(score, sorted);
                const colour = COLOURS[Math.min(sorted.indexOf(band), COLOURS.length - 1)];
                return (
                  <td
                    key={ci}
                    className={styles.cell}
                    style={{ background: colour }}
                    title={`Likelihood ${n - ri} × impact ${ci + 1} = ${score} (${band.label}): ${count} risk${count === 1 ? "" : "s"}`}
                  >
                    {count > 0 ? count : ""}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <td />
            {Array.from({ length: n }, (_, i) => (
              <th key={i} scope="col" className={styles.axis}>{`I${i + 1}`}</th>
            ))}
          </tr>
        </tbody>
      </table>
      <Caption1 as="p">
        {pairName ? `${pairName.charAt(0).toUpperCase()}${pairName.slice(1)} ratings. ` : ""}Bands:{" "}
        {sorted.map((b) => `${b.from}-${b.to} ${b.label}`).join(", ")} (
        {context.bands.source === "sheet" ? "from the sheet's key" : context.bands.source}).
      </Caption1>
    </figure>
  );
}
