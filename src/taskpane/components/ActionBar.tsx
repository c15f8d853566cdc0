import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Switch,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState, type Ref } from "react";
import type { WriteChoice } from "../use-workbook";
import type { Busy } from "../work-state";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  options: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  reason: { display: "block", color: tokens.colorNeutralForeground2 },
});

/**
 * Why Write cannot be used now, or null when it can: said beside the button (and as its
 * description) so that a greyed-out button is never left unexplained.
 */
export function writeBlockedReason({
  busy,
  failedFile,
  operations,
}: {
  busy: Busy;
  /** The file last chosen, when it could not be opened. */
  failedFile: string | null;
  /** How many operations the plan of the last check holds; null before any check. */
  operations: number | null;
}): string | null {
  if (busy === "checking") return "Write waits until the check is done.";
  if (busy === "writing") return "Writing…";
  if (failedFile) return `Nothing to write: ${failedFile} could not be opened.`;
  if (operations === null) return "Write needs a check first: choose Check.";
  if (operations === 0) return "Nothing to write: no calculated columns to add or correct.";
  return null;
}

/**
 * Why Check cannot be used now, or null when it can: in standalone mode it checks the file
 * opened, so with none open (or the last one chosen unreadable) it would do nothing.
 */
export function checkBlockedReason({
  standalone,
  fileOpen,
  failedFile,
}: {
  standalone: boolean;
  fileOpen: boolean;
  failedFile: string | null;
}): string | null {
  if (!standalone) return null;
  if (failedFile)
    return `Nothing to check or write: ${failedFile} could not be opened. Open another workbook.`;
  if (!fileOpen) return "Open a workbook first, then choose Check.";
  return null;
}

/** Check, and Write (which first shows a preview: see WritePreview), with how to write. */
export function ActionBar({
  busy,
  checkBlocked = null,
  writeBlocked,
  backupAvailable,
  onCheck,
  onWrite,
  writeRef,
}: {
  busy: boolean;
  /** Why Check is not available now (see checkBlockedReason), or null. */
  checkBlocked?: string | null;
  /** Why Write is not available now (see writeBlockedReason), or null. */
  writeBlocked: string | null;
  backupAvailable: boolean;
  onCheck: () => void;
  onWrite: (c: WriteChoice) => void;
  /** The Write button, for focus to return to when its preview closes. */
  writeRef?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const [formulas, setFormulas] = useState(true);
  const [backup, setBackup] = useState(true);
  const reasonId = useId("write-blocked");
  const checkReasonId = useId("check-blocked");
  const blocked = busy || writeBlocked !== null;
  const checkDisabled = busy || checkBlocked !== null;
  return (
    <div>
      <div className={styles.bar}>
        <Button
          appearance="primary"
          onClick={onCheck}
          disabled={checkDisabled}
          disabledFocusable={checkBlocked !== null}
          aria-describedby={checkBlocked ? checkReasonId : undefined}
        >
          Check
        </Button>
        <Button
          ref={writeRef}
          onClick={() => onWrite({ valuesOnly: !formulas, backup: backupAvailable && backup })}
          // Still focusable when disabled, so a keyboard or screen-reader user reaches it and
          // hears why (its description).
          disabled={blocked}
          disabledFocusable={blocked}
          aria-haspopup="true"
          aria-describedby={checkBlocked ? checkReasonId : writeBlocked ? reasonId : undefined}
        >
          Write calculated columns…
        </Button>
      </div>
      {/* With nothing to check there is nothing to write: one reason says so for both. */}
      {checkBlocked && (
        <Caption1 id={checkReasonId} className={styles.reason}>
          {checkBlocked}
        </Caption1>
      )}
      {writeBlocked && !checkBlocked && (
        <Caption1 id={reasonId} className={styles.reason}>
          {writeBlocked}
        </Caption1>
      )}
      <div className={styles.options}>
        <Switch
          checked={formulas}
          onChange={(_, d) => setFormulas(d.checked)}
          label={formulas ? "As live formulas" : "As values"}
        />
        {backupAvailable && (
          <Checkbox
            checked={backup}
            onChange={(_, d) => setBackup(d.checked === true)}
            label="Back up sheets first"
          />
        )}
      </div>
    </div>
  );
}
