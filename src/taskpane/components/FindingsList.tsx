import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/findings";

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalM },
  heading: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
  },
  list: { listStyleType: "none", marginTop: 0, marginBottom: 0, paddingLeft: 0 },
  finding: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  where: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em" },
  message: { fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

const ORDER: Severity[] = ["error", "warning", "info"];
const LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

/** Findings grouped by table (or sheet) and severity; choosing one selects its cell. */
export function FindingsList({
  findings,
  onSelect,
}: {
  findings: readonly Finding[];
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  if (findings.length === 0) return <Text>Nothing to fix.</Text>;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.table ? `${f.sheet} ${f.table}` : f.sheet;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return (
    <div aria-label="Findings">
      {[...groups].map(([group, items]) => (
        <section key={group} className={styles.group}>
          <h3 className={styles.heading}>{group}</h3>
          <ul className={styles.list}>
            {[...items]
              .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity))
              .map((f) => (
                <li key={`${f.code}@${f.sheet}!${f.cell}`}>
                  <Button
                    appearance="subtle"
                    className={styles.finding}
                    onClick={() => onSelect(f)}
                    title={`Go to ${f.sheet}!${f.cell}`}
                  >
                    <Caption1 className={styles[f.severity]}>{LABEL[f.severity]}</Caption1>
                    <span className={styles.where}>{f.cell}</span>
                    <span className={styles.message}>{f.message}</span>
                  </Button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
