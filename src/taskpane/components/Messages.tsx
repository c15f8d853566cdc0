import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { WorkbookState } from "../use-workbook";
import { RESULT_IDS } from "../use-result-focus";
import { WriteSummaryView } from "./WritePreview";

const useStyles = makeStyles({
  // Long file names and messages wrap at 320 px instead of pushing the pane sideways.
  bar: { minWidth: 0, maxWidth: "100%" },
  body: { overflowWrap: "anywhere", minWidth: 0, whiteSpace: "normal" },
  title: { display: "block" },
  download: { marginTop: 0, marginBottom: 0, overflowWrap: "anywhere", minWidth: 0 },
});

/** The error and the outcome of the last action, each dismissible; the last file to download. */
export function Messages({
  state,
  onDismissError,
  onDismissNotice,
  onDismissCancelled,
}: {
  state: WorkbookState;
  onDismissError: () => void;
  onDismissNotice: () => void;
  onDismissCancelled?: () => void;
}) {
  const styles = useStyles();
  const dismiss = (onClick: () => void, what: string) => (
    <MessageBarActions
      containerAction={
        <Button
          appearance="transparent"
          size="small"
          aria-label={`Dismiss ${what}`}
          onClick={onClick}
        >
          ✕
        </Button>
      }
    />
  );
  return (
    <>
      {state.error && (
        <MessageBar intent="error" layout="multiline" className={styles.bar}>
          <MessageBarBody className={styles.body} id={RESULT_IDS.error} tabIndex={-1}>
            {/* The title on a line of its own: run in with the message, a browser's text (and a
                screen reader) read "That did not work.bad.xlsx is not…". */}
            <MessageBarTitle className={styles.title}>That did not work.</MessageBarTitle>{" "}
            <span>{state.error}</span>
          </MessageBarBody>
          {dismiss(onDismissError, "the error")}
        </MessageBar>
      )}
      {state.cancelled && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody className={styles.body} id={RESULT_IDS.cancelled} tabIndex={-1}>
            {state.cancelled}
          </MessageBarBody>
          {onDismissCancelled && dismiss(onDismissCancelled, "the message")}
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent="success" layout="multiline" className={styles.bar}>
          <MessageBarBody className={styles.body} id={RESULT_IDS.notice} tabIndex={-1}>
            {state.notice}
            {state.written && <WriteSummaryView summary={state.written} done />}
            {state.written &&
              !state.download &&
              " To go back, the backup sheet (if you made one) holds the cells as they were."}
          </MessageBarBody>
          {dismiss(onDismissNotice, "the message")}
        </MessageBar>
      )}
      {/* Apart from the message, so that dismissing it never loses the file: the link stays
          until a new file, a new write or a cancelled one replaces it. */}
      {state.download && (
        <p className={styles.download}>
          <Link href={state.download.url} download={state.download.name}>
            Download {state.download.name}
          </Link>
        </p>
      )}
    </>
  );
}
