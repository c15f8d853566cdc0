import {
  Button,
  Caption1,
  Dropdown,
  FluentProvider,
  Link,
  makeStyles,
  Option,
  Title3,
  tokens,
  webDarkTheme,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { countBySeverity, type Finding } from "../../core";
import type { FileHost } from "../hosts/file-host";
import type { Host } from "../hosts/host";
import { useWorkbook, type WriteChoice } from "../use-workbook";
import { RESULT_IDS, useResultFocus } from "../use-result-focus";
import { PaneError } from "../errors";
import { ActionBar, checkBlockedReason, writeBlockedReason } from "./ActionBar";
import { findingKey } from "./FindingsList";
import { HeatMap } from "./HeatMap";
import { Messages } from "./Messages";
import { OpenFile } from "./OpenFile";
import { PidPanel } from "./PidPanel";
import { ReconciliationView } from "./ReconciliationView";
import { ResultsView } from "./ResultsView";
import { SettingsPanel } from "./SettingsPanel";
import { ViewTabs } from "./ViewTabs";
import { AddDecision } from "./AddDecision";
import { WriteSummaryView } from "./WritePreview";
import { WorkProgressView } from "./WorkProgress";
import { INLINE_LISTBOX } from "./popup";
import { plural } from "../counts";

const useStyles = makeStyles({
  page: {
    boxSizing: "border-box",
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    maxWidth: "40rem",
    // Nothing may push the pane sideways: long names wrap, grid items may shrink.
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "8px" },
  title: { flexGrow: 1 },
  main: {
    display: "grid",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    gridTemplateColumns: "minmax(0, 1fr)",
  },
  // The summary and the tabs stay in view while the findings scroll under them.
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  section: { display: "grid", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  preview: {
    display: "grid",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

type View = "results" | "heatmap" | "reconciliation" | "pid" | "decision" | "settings";

export interface AppProps {
  host: Host;
  theme: Theme;
  /** Standalone: where the bundled sample workbook is served. */
  sampleUrl?: string;
}

const SAMPLE_NAME = "sample-council-workbook.xlsx";

function isFileHost(host: Host): host is FileHost {
  return host.kind === "file";
}

export function App({ host, theme, sampleUrl }: AppProps) {
  const styles = useStyles();
  const actions = useWorkbook(host);
  const { state, settings, check } = actions;
  const [view, setView] = useState<View>("results");
  const [register, setRegister] = useState(0);
  const [chosen, setChosen] = useState<Finding | null>(null);
  const [previewing, setPreviewing] = useState<WriteChoice | null>(null);
  /** The file last chosen, when it could not be opened. */
  const [failedFile, setFailedFile] = useState<string | null>(null);
  /** Files opened so far: keys the views so that each file starts them afresh. */
  const [openings, setOpenings] = useState(0);
  const busy = state.busy !== null;
  const focusResultOf = useResultFocus(state);
  const writeButton = useRef<HTMLButtonElement>(null);
  const previewBox = useRef<HTMLElement>(null);
  // The preview opens where the reader is: focus moves into it (Escape then closes it).
  useEffect(() => {
    if (previewing) previewBox.current?.focus();
  }, [previewing]);
  const closePreview = () => {
    setPreviewing(null);
    writeButton.current?.focus();
  };

  const open = async (bytes: Promise<ArrayBuffer>, name: string) => {
    if (!isFileHost(host)) return;
    // A new file replaces everything shown about the old one, even if it then fails to open;
    // the views' own state (filters, groups closed, the cell chosen) starts afresh too.
    actions.reset();
    setChosen(null);
    setPreviewing(null);
    setRegister(0);
    setView("results");
    setFailedFile(null);
    setOpenings((n) => n + 1);
    try {
      host.open(new Uint8Array(await bytes), name);
    } catch (error) {
      actions.fail(error);
      setFailedFile(name);
      return;
    }
    // A file that cannot be read is not the open one: the pane says so instead of naming it.
    if ((await check()) === "failed") setFailedFile(name);
  };
  const openSample = () => {
    if (sampleUrl)
      void open(
        fetch(sampleUrl).then((r) => {
          if (!r.ok)
            throw new PaneError(
              "sample-unavailable",
              `The sample workbook could not be loaded (${r.status}).`,
            );
          return r.arrayBuffer();
        }),
        SAMPLE_NAME,
      );
  };
  useEffect(() => {
    // Standalone mode opens on the bundled sample so a newcomer sees it working at once.
    if (isFileHost(host) && !host.fileName()) openSample();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new "as at" date re-checks the workbook (review dates are judged against it).
  const firstAsOf = useRef(true);
  useEffect(() => {
    if (firstAsOf.current) firstAsOf.current = false;
    else if (state.analysis) void check();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions.asOf, actions.asOfChosen]);

  const analysis = state.analysis;
  const counts = analysis ? countBySeverity(analysis.findings) : null;
  const context = analysis?.riskContexts[register] ?? analysis?.riskContexts[0];
  const sheetOf = (name: string) => state.snapshot?.sheets.find((s) => s.name === name);
  const riskSheet = context ? sheetOf(context.table.sheet) : undefined;
  const chosenSheet = chosen ? sheetOf(chosen.sheet) : undefined;
  const summary = previewing ? actions.preview(previewing.valuesOnly) : null;

  const choose = (f: Finding) => {
    setChosen((now) => (now && findingKey(now) === findingKey(f) ? null : f));
    if (host.kind === "excel") void actions.select(f);
  };

  return (
    // Layout styles go on a div inside the provider: FluentProvider copies its className onto
    // every portal's mount node, and a min-height there blanked the pane under a drop-down.
    // color-scheme makes the browser's own parts (the date field's picker) follow the theme.
    <FluentProvider
      theme={theme}
      style={{ minHeight: "100vh", colorScheme: theme === webDarkTheme ? "dark" : "light" }}
    >
      <div className={styles.page}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            Council Sheets
          </Title3>
          <Link href="help.html" target="_blank" rel="noopener">
            Help
          </Link>
          <Caption1>
            {host.kind === "excel"
              ? "Checking this workbook in Excel"
              : "Standalone: works on a copy of your file; the original is never changed"}
          </Caption1>
        </header>
        <main className={styles.main}>
          {isFileHost(host) && (
            <OpenFile
              fileName={failedFile ? null : host.fileName()}
              failedFile={failedFile}
              onOpen={(f) =>
                void open(
                  Promise.resolve().then(() => f.arrayBuffer()),
                  f.name,
                )
              }
              onSample={openSample}
            />
          )}
          <ActionBar
            busy={busy}
            checkBlocked={checkBlockedReason({
              standalone: isFileHost(host),
              fileOpen: isFileHost(host) && host.fileName() !== null,
              failedFile,
            })}
            writeBlocked={writeBlockedReason({
              busy: state.busy,
              failedFile,
              operations: analysis ? analysis.plan.operations.length : null,
            })}
            backupAvailable={host.kind === "excel"}
            writeRef={writeButton}
            onCheck={() => {
              focusResultOf("check");
              void check();
            }}
            onWrite={(choice) => setPreviewing(choice)}
          />
          {busy && (
            <WorkProgressView
              busy={state.busy}
              progress={state.progress}
              onCancel={actions.cancellable ? actions.cancel : undefined}
            />
          )}
          <Messages
            state={state}
            onDismissError={actions.dismissError}
            onDismissNotice={actions.dismissNotice}
            onDismissCancelled={actions.dismissCancelled}
          />
          {previewing && summary && (
            <section
              ref={previewBox}
              className={styles.preview}
              aria-label="Preview of Write"
              tabIndex={-1}
              onKeyDown={(e) => {
                if (e.key !== "Escape") return;
                e.stopPropagation();
                closePreview();
              }}
            >
              <WriteSummaryView summary={summary} done={false} />
              <div className={styles.buttons}>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => {
                    focusResultOf("write");
                    setPreviewing(null);
                    setChosen(null);
                    void actions.write(previewing);
                  }}
                >
                  Write now
                </Button>
                <Button onClick={closePreview}>Cancel</Button>
              </div>
            </section>
          )}
          <div className={styles.sticky}>
            {counts && (
              <Caption1 role="status" id={RESULT_IDS.summary} tabIndex={-1}>
                {[
                  plural(analysis?.tables.length ?? 0, "table"),
                  plural(counts.error, "error"),
                  plural(counts.warning, "warning"),
                  plural(counts.info, "note"),
                ].join(" · ")}
              </Caption1>
            )}
            <ViewTabs
              label="Views"
              selected={view}
              onSelect={setView}
              tabs={[
                { value: "results", label: "Check results" },
                { value: "heatmap", label: "Heat map", disabled: !context },
                {
                  value: "reconciliation",
                  label: "Reconcile",
                  disabled: !analysis?.reconciliation,
                },
                {
                  value: "pid",
                  label: "PID",
                  disabled: !analysis || analysis.projects.length === 0,
                },
                { value: "decision", label: "Add decision" },
                { value: "settings", label: "Settings" },
              ]}
            />
          </div>
          {view === "results" && (
            <ResultsView
              host={host}
              analysis={analysis}
              openings={openings}
              asOf={actions.asOf}
              onAsOf={actions.setAsOf}
              chosen={chosen}
              chosenSheet={chosenSheet}
              onChoose={choose}
              onCloseChosen={() => setChosen(null)}
            />
          )}
          {view === "heatmap" && analysis && context && riskSheet && (
            <section className={styles.section} aria-label="Heat map">
              <Dropdown
                aria-label="Register"
                inlinePopup
                listbox={INLINE_LISTBOX}
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
              <HeatMap key={`${openings}-${register}`} sheet={riskSheet} context={context} />
              <p>
                <Button
                  onClick={() => {
                    focusResultOf("write");
                    void actions.addHeatMapSheet(context.table.sheet);
                  }}
                  disabled={busy}
                >
                  Add heat map sheet
                </Button>
              </p>
            </section>
          )}
          {view === "reconciliation" && analysis?.reconciliation && (
            <ReconciliationView
              reconciliation={analysis.reconciliation}
              onAddSheet={() => {
                focusResultOf("write");
                void actions.addReconciliationSheet();
              }}
              busy={busy}
            />
          )}
          {view === "pid" && analysis && state.snapshot && (
            <PidPanel
              analysis={analysis}
              snapshot={state.snapshot}
              busy={busy}
              today={actions.asOf}
              onGenerate={(p) => {
                focusResultOf("write");
                void actions.generatePid(p);
              }}
            />
          )}
          {view === "decision" && (
            <section className={styles.section} aria-label="Add decision">
              <AddDecision
                host={host}
                onAdded={(summary, outcome) => void actions.written(summary, outcome)}
              />
            </section>
          )}
          {view === "settings" && (
            <SettingsPanel
              settings={settings}
              onSave={(s) => void actions.saveSettings(s)}
              where={host.kind === "excel" ? "in this workbook" : "in this browser"}
            />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
