import { Button, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import {
  describeBands,
  parseAmountSetting,
  fractionToPercent,
  parseBandsText,
  parseSourceMap,
  percentToFraction,
  ragOrderProblem,
  readSetting,
  settingProblem,
  type SettingField,
  type Settings,
} from "../../core";

const useStyles = makeStyles({ form: { display: "grid", rowGap: tokens.spacingVerticalM } });

/** "a percentage from 0 to 100" → "Wants a percentage from 0 to 100." */
const wants = (problem: string) => `Wants ${problem}.`;

/** An optional setting: blank is none; otherwise read and held to its limits as any other. */
function optionalSetting(field: SettingField, text: string) {
  return text.trim() === "" ? { value: undefined } : readSetting(field, text);
}

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
  const { amberPercent, amberAmount } = settings.rag;
  const [amberPct, setAmberPct] = useState(
    amberPercent === undefined ? "" : String(fractionToPercent(amberPercent)),
  );
  const [amberAmt, setAmberAmt] = useState(amberAmount === undefined ? "" : String(amberAmount));
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
  // The % fields are text (inputMode="decimal"), not type="number": a number input reports a
  // half-typed "2e" or "-" as empty, which a blank Amber would take as valid.
  const pct = readSetting("ragPercent", percent);
  const late = readSetting("lateDays", lateDays);
  const amtProblem = settingProblem("ragAmount", amt);
  const amberP = optionalSetting("ragAmberPercent", amberPct);
  const amberA = optionalSetting("ragAmberAmount", amberAmt);
  const keyProblem = settingProblem("keyThreshold", key);
  // Checked once each field reads as a number; the core's rule, as the CLI and stored settings.
  const orderProblem =
    "value" in pct && "value" in amberP && "value" in amberA && !Number.isNaN(amt)
      ? ragOrderProblem({
          percent: percentToFraction(pct.value),
          amount: amt,
          amberPercent: amberP.value === undefined ? undefined : percentToFraction(amberP.value),
          amberAmount: amberA.value,
        })
      : null;
  const valid =
    parsedBands !== null &&
    parsedMap !== null &&
    "value" in pct &&
    amtProblem === null &&
    "value" in amberP &&
    "value" in amberA &&
    keyProblem === null &&
    orderProblem === null &&
    "value" in late;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid)
          onSave({
            bands: parsedBands,
            rag: {
              percent: percentToFraction(pct.value),
              amount: amt,
              // Blank: no Amber band, so any overspend short of Red is Amber.
              ...(amberP.value === undefined
                ? {}
                : { amberPercent: percentToFraction(amberP.value) }),
              ...(amberA.value === undefined ? {} : { amberAmount: amberA.value }),
            },
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
        <Input inputMode="decimal" value={percent} onChange={(_, d) => setPercent(d.value)} />
      </Field>
      <Field
        label="RAG: or at this overspend in £, if lower"
        validationMessage={amtProblem === null ? undefined : wants(amtProblem)}
      >
        <Input value={amount} onChange={(_, d) => setAmount(d.value)} />
      </Field>
      <Field
        label="RAG: amber at this overspend, % of budget"
        hint="Blank: any overspend short of red is amber. E.g. 2 keeps overspends under 2% green."
        validationMessage={
          "problem" in amberP ? wants(amberP.problem) : (orderProblem ?? undefined)
        }
      >
        <Input inputMode="decimal" value={amberPct} onChange={(_, d) => setAmberPct(d.value)} />
      </Field>
      <Field
        label="RAG: or amber at this overspend in £, if lower"
        hint="Blank: the amber % alone (or no amber band when that is blank too)."
        validationMessage={
          "problem" in amberA ? wants(amberA.problem) : (orderProblem ?? undefined)
        }
      >
        <Input value={amberAmt} onChange={(_, d) => setAmberAmt(d.value)} />
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
