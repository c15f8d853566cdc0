import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { WriteSummary } from "../write-summary";

const useStyles = makeStyles({
  box: { display: "grid", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

// The summary is worked out where the write is planned (in the Web Worker, standalone), so it
// lives in a module without React; it is re-exported here for the views.
export { summarisePlan, type WriteSummary } from "../write-summary";

const SHOWN_CHANGES = 12;
const text = (v: unknown) => (v === null || v === undefined || v === "" ? "blank" : String(v));

/** The summary as lists, one line per sheet; `done` words it in the past tense (after Write). */
export function WriteSummaryView({ summary, done }: { summary: WriteSummary; done: boolean }) {
  const styles = useStyles();
  const { columns, changes, madeLive } = summary;
  const bySheet = new Map<string, WriteSummary["columns"]>();
  for (const c of columns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const verb = (isNew: boolean) =>
    isNew ? (done ? "added" : "add") : done ? "replaced" : "replace";
  const lists = (
    <>
      <ul className={styles.list} aria-label={done ? "Columns written" : "Columns to write"}>
        {[...bySheet].map(([sheet, cols]) => (
          <li key={sheet}>
            {sheet}:{" "}
            {cols.map((c, i) => (
              <span key={c.range}>
                {i > 0 && "; "}
                {verb(c.isNew)} {c.column} <span className={styles.mono}>{c.range}</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
      {changes.length > 0 && (
        <ul className={styles.list} aria-label="Cells whose values change">
          {changes.slice(0, SHOWN_CHANGES).map((c) => (
            <li key={`${c.sheet}!${c.cell}`}>
              {c.sheet}!<span className={styles.mono}>{c.cell}</span>: {text(c.before)} →{" "}
              {text(c.afterValue)}
            </li>
          ))}
          {changes.length > SHOWN_CHANGES && <li>and {changes.length - SHOWN_CHANGES} more</li>}
        </ul>
      )}
    </>
  );
  const headline = [
    `${done ? "Wrote" : "Write will write"} ${columns.length} column${columns.length === 1 ? "" : "s"} on ${bySheet.size} sheet${bySheet.size === 1 ? "" : "s"}`,
    changes.length === 0
      ? `no cell ${done ? "shows" : "will show"} a different value`
      : `${changes.length} cell${changes.length === 1 ? "" : "s"} ${done ? (changes.length === 1 ? "now shows" : "now show") : "will show"} a different value`,
  ].join("; ");
  return (
    <div className={styles.box} aria-label={done ? "What was written" : "What Write will change"}>
      <Text weight="semibold">{headline}.</Text>
      {/* After Write the message stays short; the lists are one click away. */}
      {done ? (
        <details>
          <summary>Details</summary>
          {lists}
        </details>
      ) : (
        lists
      )}
      {madeLive > 0 && (
        <Caption1>
          {madeLive} typed value{madeLive === 1 ? "" : "s"} {done ? "became" : "become"} formulas
          showing the same value.
        </Caption1>
      )}
    </div>
  );
}
