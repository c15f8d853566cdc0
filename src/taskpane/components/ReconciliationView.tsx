import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { formatMoney, type Reconciliation } from "../../core";

const useStyles = makeStyles({
  // A narrow pane scrolls the table inside its own box, never the pane, and never breaks a word
  // ("Allocate|d") to make it fit: the page's "wrap anywhere" stops at the table.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "normal",
    wordBreak: "normal",
    hyphens: "manual",
  },
  cell: {
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    // Narrow gutters: at 320 px the four columns then fit without scrolling.
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    borderBottomWidth: "1px",
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
    textAlign: "left",
  },
  money: { textAlign: "right", whiteSpace: "nowrap" },
  whole: { whiteSpace: "nowrap" },
  year: { whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
});

type Line = Reconciliation["lines"][number];

/** The lines grouped by year, the years in the order they first appear. */
function byYear(lines: Line[]): [string, Line[]][] {
  const groups = new Map<string, Line[]>();
  for (const l of lines) groups.set(l.year, [...(groups.get(l.year) ?? []), l]);
  return [...groups];
}

export function ReconciliationView({
  reconciliation,
  onAddSheet,
  busy,
}: {
  reconciliation: Reconciliation;
  onAddSheet: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  return (
    <div>
      <Caption1 as="p">
        {reconciliation.sources.sheet} against{" "}
        {reconciliation.allocations.map((a) => a.sheet).join(", ")}. Names matched:{" "}
        {reconciliation.mapping.map((m) => `${m.allocation} → ${m.source}`).join("; ")}
        {reconciliation.unmatched.length > 0
          ? `. Not matched: ${reconciliation.unmatched.join(", ")}`
          : ""}
        .
      </Caption1>
      {/* Focusable, so that a keyboard can scroll it when it is wider than the pane. */}
      <div className={styles.scroller} role="region" aria-label="Reconciliation table" tabIndex={0}>
        <table className={styles.table} aria-label="Match-funding reconciliation">
          <thead>
            <tr>
              {["Source", "Available", "Allocated", "Status"].map((h) => (
                <th
                  key={h}
                  className={`${styles.cell} ${h === "Available" || h === "Allocated" ? styles.money : ""}`}
                  scope="col"
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          {/* One group per year, the year a row of its own: a year column left too little room
              at 320 px for the status ("unconfirmed", "Difference −£10,000") beside the money. */}
          {byYear(reconciliation.lines).map(([year, lines]) => (
            <tbody key={year}>
              <tr>
                <th colSpan={4} scope="rowgroup" className={`${styles.cell} ${styles.year}`}>
                  {year}
                </th>
              </tr>
              {lines.map((l) => (
                <tr key={`${l.year}|${l.source}`}>
                  <td className={styles.cell}>{l.source}</td>
                  <td className={`${styles.cell} ${styles.money}`}>
                    {l.available === null ? "tbc" : formatMoney(l.available)}
                  </td>
                  <td className={`${styles.cell} ${styles.money}`}>{formatMoney(l.allocated)}</td>
                  <td className={styles.cell}>
                    {/* "−£10,000" kept whole: the browser would break after its minus sign. */}
                    {l.status === "difference" && l.difference !== null ? (
                      <>
                        Difference <span className={styles.whole}>{formatMoney(l.difference)}</span>
                      </>
                    ) : (
                      l.status
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <Text as="p">
        <Button onClick={onAddSheet} disabled={busy}>
          Add Reconciliation sheet
        </Button>
      </Text>
    </div>
  );
}
