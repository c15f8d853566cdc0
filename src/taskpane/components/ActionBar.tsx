import { Button, Checkbox, makeStyles, Switch, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WriteChoice } from "../use-workbook";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  options: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

/** Check, and Write (which first shows a preview: see WritePreview), with how to write. */
export function ActionBar({
  busy,
  canWrite,
  backupAvailable,
  onCheck,
  onWrite,
}: {
  busy: boolean;
  canWrite: boolean;
  backupAvailable: boolean;
  onCheck: () => void;
  onWrite: (c: WriteChoice) => void;
}) {
  const styles = useStyles();
  const [formulas, setFormulas] = useState(true);
  const [backup, setBackup] = useState(true);
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={onCheck} disabled={busy}>
          Check
        </Button>
        <Button
          onClick={() => onWrite({ valuesOnly: !formulas, backup: backupAvailable && backup })}
          disabled={busy || !canWrite}
          aria-haspopup="true"
        >
          Write calculated columns…
        </Button>
      </div>
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
