import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Switch,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState } from "react";
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

/** Check, and Write (which first shows a preview: see WritePreview), with how to write. */
export function ActionBar({
  busy,
  writeBlocked,
  backupAvailable,
  onCheck,
  onWrite,
}: {
  busy: boolean;
  /** Why Write is not available now (see writeBlockedReason), or null. */
  writeBlocked: string | null;
  backupAvailable: boolean;
  onCheck: () => void;
  onWrite: (c: WriteChoice) => void;
}) {
  const styles = useStyles();
  const [formulas, setFormulas] = useState(true);
  const [backup, setBackup] = useState(true);
  const reasonId = useId("write-blocked");
  const blocked = busy || writeBlocked !== null;
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={onCheck} disabled={busy}>
          Check
        </Button>
        <Button
          onClick={() => onWrite({ valuesOnly: !formulas, backup: backupAvailable && backup })}
          // Still focusable when disabled, so a keyboard or screen-reader user reaches it and
          // hears why (its description).
          disabled={blocked}
          disabledFocusable={blocked}
          aria-haspopup="true"
          aria-describedby={writeBlocked ? reasonId : undefined}
        >
          Write calculated columns…
        </Button>
      </div>
      {writeBlocked && (
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
