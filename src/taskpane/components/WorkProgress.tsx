import { Button, Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { type WorkProgress } from "../../core";
import { progressLabel, progressValue, type Busy } from "../work-state";

const useStyles = makeStyles({
  box: { display: "grid", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: "anywhere",
  },
  label: { flexGrow: 1, minWidth: 0 },
});

/**
 * What the long work is doing: its phase in words, a bar that fills where the work is measured
 * (rows read, tables checked, bytes saved) and shows activity where it is not, and Cancel where
 * the work can be stopped without leaving anything half-written (standalone).
 */
export function WorkProgressView({
  busy,
  progress,
  onCancel,
}: {
  busy: Busy;
  progress: WorkProgress | null;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const label = progressLabel(progress, busy);
  const value = progressValue(progress);
  return (
    <div className={styles.box}>
      <ProgressBar
        value={value}
        max={1}
        aria-label="Progress"
        aria-valuetext={value === undefined ? label : `${Math.round(value * 100)}%: ${label}`}
      />
      <div className={styles.line}>
        <Caption1 className={styles.label} aria-live="polite">
          {label}…
        </Caption1>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </div>
  );
}
