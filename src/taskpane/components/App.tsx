import {
  Caption1,
  Dropdown,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Tab,
  TabList,
  Title3,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { countBySeverity } from "../../core/findings";
import type { FileHost } from "../hosts/file-host";
import type { Host } from "../hosts/host";
import { useWorkbook } from "../use-workbook";
import { ActionBar } from "./ActionBar";
import { FindingsList } from "./FindingsList";
import { HeatMap } from "./HeatMap";
import { OpenFile } from "./OpenFile";
import { PidPanel } from "./PidPanel";
import { serialOfDay } from "../../core/values";
import { ReconciliationView } from "./ReconciliationView";
import { SettingsPanel } from "./SettingsPanel";
import { TablesList } from "./TablesList";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  main: { display: "grid", rowGap: tokens.spacingVerticalM, maxWidth: "40rem" },
  header: { display: "grid" },
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
});

type View = "results" | "heatmap" | "reconciliation" | "pid" | "settings";

export interface AppProps {
  host: Host;
  theme: Theme;
  /** Standalone: where the bundled sample workbook is served. */
  sampleUrl?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function isFileHost(host: Host): host is FileHost {
  return host.kind === "file";
}

export function App({ host, theme, sampleUrl }: AppProps) {
  const styles = useStyles();
  const {
    state,
    settings,
    check,
    write,
    addReconciliationSheet,
    generatePid,
    select,
    saveSettings,
  } = useWorkbook(host);
  const [view, setView] = useState<View>("results");
  const [register, setRegister] = useState(0);
  const [, setOpened] = useState(0);
  const busy = state.busy !== null;

  const open = async (bytes: Promise<ArrayBuffer>, name: string) => {
    if (!isFileHost(host)) return;
    host.open(new Uint8Array(await bytes), name);
    setOpened((n) => n + 1);
    check();
  };
  useEffect(() => {
    // Standalone mode opens on the bundled sample so a newcomer sees it working at once.
    if (isFileHost(host) && sampleUrl && !host.fileName())
      void open(
        fetch(sampleUrl).then((r) => r.arrayBuffer()),
        "sample-council-workbook.xlsx",
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const analysis = state.analysis;
  const counts = analysis ? countBySeverity(analysis.findings) : null;
  const context = analysis?.riskContexts[register] ?? analysis?.riskContexts[0];
  const sheet = context
    ? state.snapshot?.sheets.find((s) => s.name === context.table.sheet)
    : undefined;

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <main className={styles.main}>
        <header className={styles.header}>
          <Title3 as="h1">Council Sheets</Title3>
          <Caption1>
            {host.kind === "excel"
              ? "Checking this workbook in Excel"
              : "Standalone: works on a copy of your file; the original is never changed"}
          </Caption1>
        </header>
        {isFileHost(host) && (
          <OpenFile
            fileName={host.fileName()}
            onOpen={(f) => void open(f.arrayBuffer(), f.name)}
            onSample={() =>
              sampleUrl &&
              void open(
                fetch(sampleUrl).then((r) => r.arrayBuffer()),
                "sample-council-workbook.xlsx",
              )
            }
          />
        )}
        <ActionBar
          busy={busy}
          canWrite={analysis !== null && analysis.plan.operations.length > 0}
          backupAvailable={host.kind === "excel"}
          onCheck={check}
          onWrite={write}
        />
        {busy && (
          <ProgressBar
            aria-label={
              state.busy === "checking" ? "Checking the workbook" : "Writing the calculated columns"
            }
          />
        )}
        {state.error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>That did not work.</MessageBarTitle>
              {state.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.notice && (
          <MessageBar intent="success">
            <MessageBarBody>
              {state.notice}
              {state.download && (
                <>
                  {" "}
                  <Link href={state.download.url} download={state.download.name}>
                    Download {state.download.name}
                  </Link>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {counts && (
          <Caption1 role="status">
            {[
              plural(analysis?.tables.length ?? 0, "table"),
              plural(counts.error, "error"),
              plural(counts.warning, "warning"),
              plural(counts.info, "note"),
            ].join(" · ")}
          </Caption1>
        )}
        <TabList
          size="small"
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as View)}
          style={{ flexWrap: "wrap" }}
        >
          <Tab value="results">Check results</Tab>
          <Tab value="heatmap" disabled={!context}>
            Heat map
          </Tab>
          <Tab value="reconciliation" disabled={!analysis?.reconciliation}>
            Reconcile
          </Tab>
          <Tab value="pid" disabled={!analysis || analysis.projects.length === 0}>
            PID
          </Tab>
          <Tab value="settings">Settings</Tab>
        </TabList>
        {view === "results" && analysis && (
          <section className={styles.section}>
            <TablesList tables={analysis.tables} findings={analysis.findings} />
            <FindingsList findings={analysis.findings} onSelect={(f) => void select(f)} />
          </section>
        )}
        {view === "heatmap" && analysis && context && sheet && (
          <section className={styles.section}>
            <Dropdown
              aria-label="Register"
              value={`${context.table.sheet}`}
              selectedOptions={[String(register)]}
              onOptionSelect={(_, d) => setRegister(Number(d.optionValue))}
            >
              {analysis.riskContexts.map((c, i) => (
                <Option key={i} value={String(i)}>
                  {c.table.sheet}
                </Option>
              ))}
            </Dropdown>
            <HeatMap sheet={sheet} context={context} />
          </section>
        )}
        {view === "reconciliation" && analysis?.reconciliation && (
          <ReconciliationView
            reconciliation={analysis.reconciliation}
            onAddSheet={addReconciliationSheet}
            busy={busy}
          />
        )}
        {view === "pid" && analysis && state.snapshot && (
          <PidPanel
            analysis={analysis}
            snapshot={state.snapshot}
            busy={busy}
            today={serialOfDay(new Date())}
            onGenerate={generatePid}
          />
        )}
        {view === "settings" && (
          <SettingsPanel
            settings={settings}
            onSave={(s) => void saveSettings(s)}
            where={host.kind === "excel" ? "in this workbook" : "in this browser"}
          />
        )}
      </main>
    </FluentProvider>
  );
}
