import { Badge, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Finding, TableReport } from "../../core";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    marginTop: 0,
    marginBottom: 0,
    paddingLeft: 0,
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
});

const KIND: Record<string, string> = {
  "risk-register": "Risk register",
  funding: "Funding",
  "funding-sources": "Funding sources",
  allocations: "Allocations",
  budget: "Budget",
  "monthly-profile": "Monthly profile",
  projects: "Projects",
  decisions: "Decisions register",
  "capital-programme": "Capital programme",
};

export function countsFor(
  table: Pick<TableReport, "sheet" | "range">,
  findings: readonly Finding[],
) {
  const mine = findings.filter((f) => f.sheet === table.sheet && f.table === table.range);
  return {
    errors: mine.filter((f) => f.severity === "error").length,
    warnings: mine.filter((f) => f.severity === "warning").length,
  };
}

export function TablesList({
  tables,
  findings,
}: {
  tables: readonly TableReport[];
  findings: readonly Finding[];
}) {
  const styles = useStyles();
  if (tables.length === 0)
    return (
      <Text>
        No tables found. Council Sheets looks for risk registers, funding and budget tables.
      </Text>
    );
  return (
    <ul className={styles.list} aria-label="Tables found">
      {tables.map((t) => {
        const { errors, warnings } = countsFor(t, findings);
        return (
          <li key={`${t.sheet}!${t.range}`} className={styles.item}>
            <Text className={styles.name}>{t.sheet}</Text>
            <Caption1>
              {KIND[t.kind] ?? t.kind} · {t.range} · {t.rows} rows
            </Caption1>
            {errors > 0 && (
              <Badge color="danger">{`${errors} error${errors === 1 ? "" : "s"}`}</Badge>
            )}
            {warnings > 0 && (
              <Badge color="warning">{`${warnings} warning${warnings === 1 ? "" : "s"}`}</Badge>
            )}
            {errors === 0 && warnings === 0 && <Badge color="success">OK</Badge>}
          </li>
        );
      })}
    </ul>
  );
}
