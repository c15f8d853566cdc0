import { Button, Caption1, makeStyles, shorthands, Text, tokens } from "@fluentui/react-components";
import {
  cellAddress,
  cellText,
  columnLetter,
  displayedValue,
  type Finding,
  parseAddress,
  rangeColumns,
  reportRow,
  type RiskContext,
  type SheetSnapshot,
} from "../../core";

const useStyles = makeStyles({
  box: {
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalS),
  },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, overflowWrap: "anywhere" },
  grid: {
    tableLayout: "fixed",
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
  },
  cell: {
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    ...shorthands.padding("2px", "4px"),
    // Words wrap inside the cell (a long one breaks), so nothing is cut to "Furt…".
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    verticalAlign: "top",
  },
  label: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  corner: { width: "2.5em" },
  row: { backgroundColor: tokens.colorBrandBackground2 },
  target: {
    outlineStyle: "solid",
    outlineWidth: "2px",
    outlineColor: tokens.colorBrandStroke1,
    outlineOffset: "-2px",
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** What a cell shows in the grid: as Excel shows it; a formula is noted in the title. */
function shown(sheet: SheetSnapshot, row: number, column: number): string {
  return displayedValue(sheet.rows[row]?.[column]);
}

/** How long a row's name may be in the caption before it is cut (the grid shows the rest). */
const NAME_LENGTH = 80;

/**
 * Which row a finding is on, in the officer's words: "Row 7 · SR01 · Flooding of the depot".
 * A risk register names its rows by its reference and title columns; any other table by the
 * first text cells of the row from the table's left edge (its item or project name), since the
 * grid around the cell often starts to the right of them.
 */
export function rowCaption(
  sheet: SheetSnapshot,
  row: number,
  tableRange: string | undefined,
  registers: readonly RiskContext[] = [],
): string {
  const text = (c: number) => cellText(sheet.rows[row]?.[c] ?? undefined);
  const register = registers.find(
    (ctx) => ctx.table.sheet === sheet.name && ctx.table.dataRows.includes(row),
  );
  let parts: string[];
  if (register) {
    const { id, title } = register.table.columns;
    parts = [id, title].filter((c): c is number => c !== undefined).map(text);
  } else {
    const from = (tableRange ? rangeColumns(tableRange)?.[0] : undefined) ?? 0;
    const cells = sheet.rows[row] ?? [];
    parts = [];
    for (let c = from; c < cells.length && parts.length < 2; c++)
      if (typeof cells[c]?.value === "string" && text(c)) parts.push(text(c));
  }
  const name = parts.filter(Boolean).join(" · ");
  const cut = name.length > NAME_LENGTH ? `${name.slice(0, NAME_LENGTH - 1)}…` : name;
  return `Row ${reportRow(row)}${cut ? ` · ${cut}` : ""}`;
}

/**
 * Said beside a finding on a hidden sheet, as the Excel pane says when it cannot go there: the
 * officer opening the file in Excel will not see the sheet until it is unhidden.
 */
export function hiddenSheetNote(
  sheet: string,
  visibility: NonNullable<SheetSnapshot["visibility"]>,
  cell: string,
): string {
  return visibility === "veryHidden"
    ? `"${sheet}" is very hidden: Excel's Unhide dialog does not list it, and only a macro can make it visible again. Ask whoever set up the workbook to show it, to reach ${cell}.`
    : `"${sheet}" is hidden. In Excel, unhide it (right-click a sheet tab > Unhide) to reach ${cell}.`;
}

/** Rows and columns around `at`, `radius` each way, inside the sheet. */
export function contextWindow(at: { row: number; column: number }, radius: number) {
  const span = (centre: number) =>
    Array.from({ length: radius * 2 + 1 }, (_, i) => centre - radius + i).filter((x) => x >= 0);
  return { rows: span(at.row), columns: span(at.column) };
}

/**
 * Standalone mode has no Excel to go to: a finding's cell is shown in a small read-only grid of
 * its neighbours, its row highlighted, so the officer can see what the message is about.
 */
export function CellContext({
  sheet,
  finding,
  registers,
  onClose,
}: {
  sheet: SheetSnapshot;
  finding: Finding;
  /** The workbook's risk registers: their reference and title columns name a risk's row. */
  registers?: readonly RiskContext[];
  onClose: () => void;
}) {
  const styles = useStyles();
  const at = parseAddress(finding.cell);
  const { rows, columns } = contextWindow(at, 2);
  return (
    <section className={styles.box} aria-label={`Cell ${finding.cell} on ${sheet.name}`}>
      <div className={styles.head}>
        <Text weight="semibold" className={styles.title}>
          {sheet.name}!{finding.cell}
        </Text>
        <Button size="small" appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </div>
      <Caption1 className={styles.title}>{finding.message}</Caption1>
      {sheet.visibility && (
        <Text className={styles.title} role="note">
          {hiddenSheetNote(sheet.name, sheet.visibility, finding.cell)}
        </Text>
      )}
      <table className={styles.grid}>
        <caption className={styles.caption}>
          {rowCaption(sheet, at.row, finding.table, registers)}
        </caption>
        <thead>
          <tr>
            <td className={`${styles.cell} ${styles.label} ${styles.corner}`} />
            {columns.map((c) => (
              <th key={c} scope="col" className={`${styles.cell} ${styles.label}`}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r} className={r === at.row ? styles.row : undefined}>
              <th scope="row" className={`${styles.cell} ${styles.label}`}>
                {r + 1}
              </th>
              {columns.map((c) => {
                const text = shown(sheet, r, c);
                const formula = sheet.rows[r]?.[c]?.formula;
                const isTarget = r === at.row && c === at.column;
                return (
                  <td
                    key={c}
                    className={`${styles.cell} ${isTarget ? styles.target : ""}`}
                    title={`${cellAddress(r, c)}: ${text}${formula ? ` (${formula})` : ""}`}
                    aria-current={isTarget ? "true" : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
