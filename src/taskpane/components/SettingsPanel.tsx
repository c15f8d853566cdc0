import { Button, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import {
  describeBands,
  parseAmountSetting,
  fractionToPercent,
  parseBandsText,
  parseSourceMap,
  percentToFraction,
  readSetting,
  settingProblem,
  type Settings,
} from "../../core";

const useStyles = makeStyles({ form: { display: "grid", rowGap: tokens.spacingVerticalM } });

/** "a percentage from 0 to 100" → "Wants a percentage from 0 to 100." */
const wants = (problem: string) => `Wants ${problem}.`;

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
  const [percent, setPercent] = useState(String(fractionToPercent(settings.rag.percent)));
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
  // An amount that is no amount reads as NaN, which no limit lets through.
  const amt = parseAmountSetting(amount) ?? NaN;
  const key = parseAmountSetting(keyThreshold) ?? NaN;
  // Each number field is held to the same limits as the CLI's option (core settings-fields.ts).
  const pct = readSetting("ragPercent", percent);
  const late = readSetting("lateDays", lateDays);
  const amtProblem = settingProblem("ragAmount", amt);
  const keyProblem = settingProblem("keyThreshold", key);
  const valid =
    parsedBands !== null &&
    parsedMap !== null &&
    "value" in pct &&
    amtProblem === null &&
    keyProblem === null &&
    "value" in late;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid)
          onSave({
            bands: parsedBands,
            rag: { percent: percentToFraction(pct.value), amount: amt },
            sourceMap: parsedMap,
            decisions: {
              ...settings.decisions,
              keyDecisionThreshold: key,
              latePublicationDays: late.value,
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
        validationMessage={"problem" in pct ? wants(pct.problem) : undefined}
      >
        <Input type="number" value={percent} onChange={(_, d) => setPercent(d.value)} />
      </Field>
      <Field
        label="RAG: or at this overspend in £, if lower"
        validationMessage={amtProblem === null ? undefined : wants(amtProblem)}
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
        validationMessage={keyProblem === null ? undefined : wants(keyProblem)}
      >
        <Input value={keyThreshold} onChange={(_, d) => setKeyThreshold(d.value)} />
      </Field>
      <Field
        label="Decision records published late after, days"
        validationMessage={"problem" in late ? wants(late.problem) : undefined}
      >
        <Input type="number" value={lateDays} onChange={(_, d) => setLateDays(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={!valid}>
        Save settings {where}
      </Button>
    </form>
  );
}
