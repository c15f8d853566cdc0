import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { describePlan, type Change, type Written } from "../../core/apply-plan";
import type { WritePlan } from "../../core/plan";
import type { WorkbookSnapshot } from "../../core/snapshot";

const useStyles = makeStyles({
  box: { display: "grid", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** What a write does, in the officer's terms: columns added or replaced, values that change. */
export interface WriteSummary {
  columns: (Written & { isNew: boolean })[];
  /** Cells that held a value and will show a different one (a typed value made a formula with the
   * same result is not a change the officer needs to read). */
  changes: Change[];
  /** Cells whose typed value becomes a formula showing the same value. */
  madeLive: number;
}

export function summarisePlan(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  valuesOnly: boolean,
): WriteSummary {
  const { written, changed } = describePlan(snapshot, plan, { valuesOnly });
  const newColumns = new Set(
    plan.operations.flatMap((op) =>
      op.kind === "add-sheet" || (op.kind === "column" && op.header !== null)
        ? [`${op.sheet}|${op.title}`]
        : [],
    ),
  );
  return {
    columns: written.map((w) => ({ ...w, isNew: newColumns.has(`${w.sheet}|${w.column}`) })),
    changes: changed.filter((c) => c.valueChanged),
    madeLive: changed.filter((c) => !c.valueChanged).length,
  };
}

const SHOWN_CHANGES = 12;
const text = (v: unknown) => (v === null || v === undefined || v === "" ? "blank" : String(v));

/** The summary as lists; `done` words it in the past tense (after Write). */
export function WriteSummaryView({ summary, done }: { summary: WriteSummary; done: boolean }) {
  const styles = useStyles();
  const { columns, changes, madeLive } = summary;
  return (
    <div className={styles.box} aria-label={done ? "What was written" : "What Write will change"}>
      <Text weight="semibold">{done ? "Written:" : "Write will:"}</Text>
      <ul className={styles.list}>
        {columns.map((c) => (
          <li key={`${c.sheet}!${c.range}`}>
            {c.isNew ? (done ? "added" : "add") : done ? "replaced" : "replace"} {c.column} in{" "}
            {c.sheet} <span className={styles.mono}>{c.range}</span>
          </li>
        ))}
      </ul>
      {changes.length === 0 ? (
        <Caption1>No cell shows a different value{done ? " now" : " afterwards"}.</Caption1>
      ) : (
        <>
          <Text weight="semibold">
            {changes.length} cell{changes.length === 1 ? "" : "s"} {done ? "now show" : "will show"}{" "}
            a different value:
          </Text>
          <ul className={styles.list} aria-label="Cells whose values change">
            {changes.slice(0, SHOWN_CHANGES).map((c) => (
              <li key={`${c.sheet}!${c.cell}`}>
                {c.sheet}!<span className={styles.mono}>{c.cell}</span>: {text(c.before)} →{" "}
                {text(c.afterValue)}
              </li>
            ))}
            {changes.length > SHOWN_CHANGES && <li>and {changes.length - SHOWN_CHANGES} more</li>}
          </ul>
        </>
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
