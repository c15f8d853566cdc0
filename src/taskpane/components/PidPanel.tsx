import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type Analysis, planPids, type WorkbookSnapshot } from "../../core";
import { INLINE_LISTBOX } from "./popup";

const useStyles = makeStyles({
  panel: { display: "grid", rowGap: tokens.spacingVerticalS },
  preview: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/** Pick a project, see what its PID will hold, and generate the sheet. */
export function PidPanel({
  analysis,
  snapshot,
  busy,
  today,
  onGenerate,
}: {
  analysis: Analysis;
  snapshot: WorkbookSnapshot;
  busy: boolean;
  today: number;
  onGenerate: (project: string) => void;
}) {
  const styles = useStyles();
  const projects = analysis.projects.flatMap((t) => t.projects);
  const names = projects.map((p) => p.values.name ?? "");
  const [chosen, setChosen] = useState(names[0] ?? "");
  if (projects.length === 0)
    return (
      <Text>
        No projects table found. Add a sheet with Project Name, SRO and Lead Officer columns, one
        row per project.
      </Text>
    );
  const project = projects.find((p) => p.values.name === chosen) ?? projects[0];
  const summary = project
    ? planPids(analysis, snapshot, [project.values.name ?? ""], today).summaries[0]
    : undefined;
  const v = project?.values ?? {};
  const rows: [string, string][] = [
    ["SRO", v.sro ?? "—"],
    ["PPM Officer", v.ppmOfficer ?? "—"],
    ["Lead Officer", v.leadOfficer ?? "—"],
    ["Programme", v.programme ?? "—"],
    ["Risks", String(summary?.risks ?? 0)],
    ["Funding lines", String(summary?.fundingLines ?? 0)],
    ["Approver", v.approver ?? "—"],
  ];
  return (
    <div className={styles.panel}>
      <Field label="Project">
        <Dropdown
          inlinePopup
          listbox={INLINE_LISTBOX}
          value={chosen}
          selectedOptions={[chosen]}
          onOptionSelect={(_, d) => setChosen(d.optionValue ?? "")}
        >
          {names.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <dl className={styles.preview} aria-label="PID preview">
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Caption1>
        The PID is added as a new sheet, {summary?.sheet ?? "PID - …"}, ready for the officer to
        complete; nothing else in the workbook changes.
      </Caption1>
      <Button appearance="primary" disabled={busy || !chosen} onClick={() => onGenerate(chosen)}>
        Generate PID
      </Button>
    </div>
  );
}
