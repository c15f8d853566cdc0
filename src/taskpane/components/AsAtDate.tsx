import { Field, Input } from "@fluentui/react-components";
import { dateToSerial, serialToIsoDate } from "../../core";

/** "2026-03-31" from a date input → an Excel serial day, or null while the input is incomplete. */
function serialOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The "as at" date review dates are judged against, which the officer may change. The browser
 * draws the date field's calendar button and picker itself, in the page's color-scheme (set on
 * the provider in App), so they follow the theme.
 */
export function AsAtDate({ asOf, onChange }: { asOf: number; onChange: (serial: number) => void }) {
  return (
    <Field label="Review dates judged as at" orientation="horizontal" size="small">
      <Input
        type="date"
        size="small"
        value={serialToIsoDate(asOf)}
        onChange={(_, d) => {
          const serial = serialOfIso(d.value);
          if (serial !== null) onChange(serial);
        }}
      />
    </Field>
  );
}
