import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { LISTED_CHANGES, type WriteSummary } from "../write-summary";

const useStyles = makeStyles({
  box: { display: "grid", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

// The summary is worked out where the write is planned (in the Web Worker, standalone), so it
// lives in a module without React; it is re-exported here for the views.
export { summarisePlan, type WriteSummary } from "../write-summary";

const sheetVerb = (replaced: boolean, done: boolean) =>
  replaced ? (done ? "Replaced" : "Replace") : done ? "Added" : "Add";

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
      `${done ? "Wrote" : "Write will write"} ${columns.length} column${columns.length === 1 ? "" : "s"} on ${sheetCount} sheet${sheetCount === 1 ? "" : "s"}`,
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
        : `${changeCount} cell${changeCount === 1 ? "" : "s"} ${done ? (changeCount === 1 ? "now shows" : "now show") : "will show"} a different value`,
    );
  return parts.join("; ");
}

const SHOWN_CHANGES = LISTED_CHANGES;
const text = (v: unknown) => (v === null || v === undefined || v === "" ? "blank" : String(v));

/** The summary as lists, one line per sheet; `done` words it in the past tense (after Write). */
export function WriteSummaryView({ summary, done }: { summary: WriteSummary; done: boolean }) {
  const styles = useStyles();
  const { columns, sheets, changes, changeCount, madeLive } = summary;
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
      {changes.length > 0 && (
        <ul className={styles.list} aria-label="Cells whose values change">
          {changes.slice(0, SHOWN_CHANGES).map((c) => (
            <li key={`${c.sheet}!${c.cell}`}>
              {c.sheet}!<span className={styles.mono}>{c.cell}</span>: {text(c.before)} →{" "}
              {text(c.afterValue)}
            </li>
          ))}
          {changeCount > SHOWN_CHANGES && <li>and {changeCount - SHOWN_CHANGES} more</li>}
        </ul>
      )}
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
          {madeLive} typed value{madeLive === 1 ? "" : "s"} {done ? "became" : "become"} formulas
          showing the same value.
        </Caption1>
      )}
    </div>
  );
}
