import { Button, Caption1, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";

const useStyles = makeStyles({
  zone: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  over: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** Standalone mode: choose or drop an .xlsx file, or open the bundled sample. */
export function OpenFile({
  fileName,
  failedFile = null,
  onOpen,
  onSample,
}: {
  fileName: string | null;
  /** The file last chosen, when it failed to open: named as not open, never as the open one. */
  failedFile?: string | null;
  onOpen: (file: File) => void;
  onSample: () => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`${styles.zone} ${over ? styles.over : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onOpen(file);
      }}
    >
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label="Workbook file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (the original after a Write, or a file
          // that failed) fires a change and is read again.
          e.target.value = "";
          if (file) onOpen(file);
        }}
      />
      <Button onClick={() => input.current?.click()}>Open workbook…</Button>
      <Button appearance="subtle" onClick={onSample}>
        Sample workbook
      </Button>
      <Caption1 className={failedFile ? styles.failed : undefined}>
        {failedFile
          ? `Not opened: ${failedFile}. Choose another file.`
          : fileName
            ? `Open: ${fileName}`
            : "or drop an .xlsx file here"}
      </Caption1>
    </div>
  );
}
