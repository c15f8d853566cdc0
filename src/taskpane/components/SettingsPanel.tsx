import { Button, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import {
  describeBands,
  parseAmountSetting,
  parseBandsText,
  parseSourceMap,
  type Settings,
} from "../../core";

const useStyles = makeStyles({ form: { display: "grid", rowGap: tokens.spacingVerticalM } });

/** The mapping box holds one "allocation = source" per line. */
const parseMapping = (text: string) => parseSourceMap(text.split("\n"));

export function SettingsPanel({
  settings,
  onSave,
  where,
}: {
  settings: Settings;
  onSave: (s: Settings) => void;
  where: string;
}) {
  const styles = useStyles();
  const [bands, setBands] = useState(describeBands(settings.bands));
  const [percent, setPercent] = useState(String(settings.rag.percent * 100));
  const [amount, setAmount] = useState(String(settings.rag.amount));
  const [mapping, setMapping] = useState(
    Object.entries(settings.sourceMap)
      .map(([a, b]) => `${a} = ${b}`)
      .join("\n"),
  );
  const [keyThreshold, setKeyThreshold] = useState(String(settings.decisions.keyDecisionThreshold));
  const [lateDays, setLateDays] = useState(String(settings.decisions.latePublicationDays));
  const parsedBands = parseBandsText(bands);
  const parsedMap = parseMapping(mapping);
  const pct = Number(percent);
  // An amount that is no amount reads as NaN, which no `>= 0` check lets through.
  const amt = parseAmountSetting(amount) ?? NaN;
  const key = parseAmountSetting(keyThreshold) ?? NaN;
  const late = Number(lateDays);
  const decisionsValid = key >= 0 && Number.isInteger(late) && late >= 0;
  const valid =
    parsedBands !== null &&
    parsedMap !== null &&
    pct >= 0 &&
    pct <= 100 &&
    amt >= 0 &&
    decisionsValid;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid)
          onSave({
            bands: parsedBands,
            rag: { percent: pct / 100, amount: amt },
            sourceMap: parsedMap,
            decisions: {
              ...settings.decisions,
              keyDecisionThreshold: key,
              latePublicationDays: late,
            },
          });
      }}
    >
      <Field
        label="Priority bands"
        hint="Blank: each register's own key, else council defaults. E.g. 1-2 Low, 3-6 Medium, 8-16 High"
        validationMessage={
          parsedBands === null
            ? "Write bands as from-to label, separated by commas, without overlaps."
            : undefined
        }
      >
        <Input value={bands} onChange={(_, d) => setBands(d.value)} />
      </Field>
      <Field
        label="RAG: red at this overspend, % of budget"
        validationMessage={pct >= 0 && pct <= 100 ? undefined : "A percentage from 0 to 100."}
      >
        <Input type="number" value={percent} onChange={(_, d) => setPercent(d.value)} />
      </Field>
      <Field
        label="RAG: or at this overspend in £, if lower"
        validationMessage={amt >= 0 ? undefined : "An amount in pounds."}
      >
        <Input value={amount} onChange={(_, d) => setAmount(d.value)} />
      </Field>
      <Field
        label="Source names"
        hint="One per line: allocation column name = funding source, e.g. JIP = Match funding"
        validationMessage={
          parsedMap === null ? "Each line needs a name, an =, and a source." : undefined
        }
      >
        <Textarea value={mapping} onChange={(_, d) => setMapping(d.value)} resize="vertical" />
      </Field>
      <Field
        label="Key-decision threshold, £"
        hint="The council's constitution sets it; amounts at or over it need a key decision."
        validationMessage={key >= 0 ? undefined : "An amount in pounds."}
      >
        <Input value={keyThreshold} onChange={(_, d) => setKeyThreshold(d.value)} />
      </Field>
      <Field
        label="Decision records published late after, days"
        validationMessage={
          Number.isInteger(late) && late >= 0 ? undefined : "A whole number of days."
        }
      >
        <Input type="number" value={lateDays} onChange={(_, d) => setLateDays(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={!valid}>
        Save settings {where}
      </Button>
    </form>
  );
}
