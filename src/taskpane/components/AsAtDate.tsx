import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { dateToSerial, serialToIsoDate } from "../../core";

/**
 * Years an "as at" date may sensibly carry. While the officer types a year digit by digit the
 * browser reports "0002", "0020", "0202" — none of those is a finished date, so none may re-check.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** "2026-03-31" from a date input → an Excel serial day, or null while the input is incomplete. */
export function serialOfCompleteIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return dateToSerial(year, Number(m[2]), Number(m[3]));
}

/**
 * The "as at" date review dates are judged against, which the officer may change. The browser
 * draws the date field's calendar button and picker itself, in the page's color-scheme (set on
 * the provider in App), so they follow the theme.
 *
 * The field keeps what was typed: a half-typed date is neither reported nor replaced by the last
 * complete one (writing it back reset the year after each digit). A new `asOf` from outside
 * replaces the text only when it differs from the date the text already shows.
 */
export function AsAtDate({ asOf, onChange }: { asOf: number; onChange: (serial: number) => void }) {
  const [text, setText] = useState(() => serialToIsoDate(asOf));
  const [shownAsOf, setShownAsOf] = useState(asOf);
  if (asOf !== shownAsOf) {
    setShownAsOf(asOf);
    if (serialOfCompleteIso(text) !== asOf) setText(serialToIsoDate(asOf));
  }
  return (
    <Field label="Review dates judged as at" orientation="horizontal" size="small">
      <Input
        type="date"
        size="small"
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          const serial = serialOfCompleteIso(d.value);
          if (serial !== null && serial !== asOf) {
            setShownAsOf(serial);
            onChange(serial);
          }
        }}
      />
    </Field>
  );
}
