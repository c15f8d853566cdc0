import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { changeRows, LISTED_CHANGES, type WriteSummary } from "../write-summary";
import { countText, plural } from "../counts";

const useStyles = makeStyles({
  box: { display: "grid", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  more: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
});

// The summary is worked out where the write is planned (in the Web Worker, standalone), so it
// lives in a module without React; it is re-exported here for the views.
export { summarisePlan, type WriteSummary } from "../write-summary";

// A sheet of our own written again (a Reconciliation sheet that has since changed) is refreshed.
const sheetVerb = (replaced: boolean, done: boolean) =>
  replaced ? (done ? "Refreshed" : "Refresh") : done ? "Added" : "Add";

/**
 * The summary's first line: the columns written and the values that change, or, for a write
 * that only adds a sheet of its own, that sheet ("Added sheet 'Heat map - Risks'"), never
 * "Wrote 1 column".
 */
export function writeHeadline(summary: WriteSummary, done: boolean, sheetCount: number): string {
  const { columns, sheets, changeCount } = summary;
  const parts: string[] = [];
  if (columns.length > 0 || sheets.length === 0)
    parts.push(
      `${done ? "Wrote" : "Write will write"} ${plural(columns.length, "column")} on ${plural(sheetCount, "sheet")}`,
    );
  for (const s of sheets) {
    const verb = sheetVerb(s.replaced, done).toLowerCase();
    const words = `${verb} sheet '${s.sheet}'`;
    if (parts.length > 0) parts.push(words);
    else parts.push(done ? words.charAt(0).toUpperCase() + words.slice(1) : `Write will ${words}`);
  }
  if (columns.length > 0 || changeCount > 0)
    parts.push(
      changeCount === 0
        ? `no cell ${done ? "shows" : "will show"} a different value`
        : `${plural(changeCount, "cell")} ${done ? (changeCount === 1 ? "now shows" : "now show") : "will show"} a different value`,
    );
  return parts.join("; ");
}

/** A value as the cell shows it (see ChangeRow), or "blank". */
const text = (shown: string) => (shown === "" ? "blank" : shown);

/**
 * Changed cells a page of "Show more" adds: enough to read through quickly, few enough that a
 * 100,000-change list never puts more than a few hundred rows on the page at once per click.
 */
export const CHANGES_PAGE = 200;
/** "Show all" is offered up to this many changes; beyond, the list grows a page at a time. */
const SHOW_ALL_UP_TO = 2_000;

/**
 * The cells whose values change: the first dozen, then "Show more" a page at a time. The whole
 * list is read from the summary only when first asked for (see WriteSummary.allChanges).
 */
function ChangeList({ summary }: { summary: WriteSummary }) {
  const styles = useStyles();
  const [shown, setShown] = useState(LISTED_CHANGES);
  const expanded = shown > LISTED_CHANGES;
  const all = useMemo(() => (expanded ? changeRows(summary) : null), [expanded, summary]);
  const rows = (all ?? summary.changes).slice(0, shown);
  const left = summary.changeCount - rows.length;
  return (
    <>
      <ul className={styles.list} aria-label="Cells whose values change">
        {rows.map((c) => (
          <li key={`${c.sheet}!${c.cell}`}>
            {c.sheet}!<span className={styles.mono}>{c.cell}</span>: {text(c.before)} →{" "}
            {text(c.after)}
          </li>
        ))}
        {left > 0 && <li>and {countText(left)} more</li>}
      </ul>
      {left > 0 && (
        <span className={styles.more}>
          <Button size="small" onClick={() => setShown(shown + CHANGES_PAGE)}>
            Show {countText(Math.min(CHANGES_PAGE, left))} more
          </Button>
          {left > CHANGES_PAGE && summary.changeCount <= SHOW_ALL_UP_TO && (
            <Button size="small" appearance="subtle" onClick={() => setShown(summary.changeCount)}>
              Show all {countText(summary.changeCount)}
            </Button>
          )}
        </span>
      )}
    </>
  );
}

/** The summary as lists, one line per sheet; `done` words it in the past tense (after Write). */
export function WriteSummaryView({ summary, done }: { summary: WriteSummary; done: boolean }) {
  const styles = useStyles();
  const { columns, sheets, changes, madeLive } = summary;
  const bySheet = new Map<string, WriteSummary["columns"]>();
  for (const c of columns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const verb = (isNew: boolean) =>
    isNew ? (done ? "added" : "add") : done ? "replaced" : "replace";
  const lists = (
    <>
      {columns.length > 0 && (
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
      )}
      {sheets.length > 0 && (
        <ul className={styles.list} aria-label={done ? "Sheets written" : "Sheets to write"}>
          {sheets.map((s) => (
            <li key={s.sheet}>
              {sheetVerb(s.replaced, done)} sheet &apos;{s.sheet}&apos;:{" "}
              <span className={styles.mono}>{s.range}</span>
            </li>
          ))}
        </ul>
      )}
      {changes.length > 0 && <ChangeList summary={summary} />}
    </>
  );
  const headline = writeHeadline(summary, done, bySheet.size);
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
          {plural(madeLive, "typed value")} {done ? "became" : "become"} formulas showing the same
          value.
        </Caption1>
      )}
    </div>
  );
}
