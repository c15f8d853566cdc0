import { NOT_STATED, type Sourced } from "./record";
import { dateMentions, financialYearIn, firstDate } from "./text";

/**
 * What a decision's operative sentences say about when its money runs (a period "from 1 April
 * 2023 to 31 March 2024", a start "commencing on …", a financial year) and where it comes from
 * ("funded from the Better Care Fund reserve").
 */

const sourced = <T>(value: T | null, sentence: string | null): Sourced<T> =>
  value === null ? NOT_STATED : { value, sentence };

const PERIOD = new RegExp(
  String.raw`\b(?:from|for|between|covering)\s+(?:the\s+)?(?:period\s+(?:from\s+)?)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})\s+(?:to|until|till|and|[–-])\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})`,
  "i",
);
const COMMENCE = /\b(?:commenc\w*|start\w*|begin\w*|effective)\s+(?:from|on)\s+/i;

export function period(
  operative: readonly string[],
  amountSentence: string | null,
  byYear: readonly { year: string }[],
) {
  const start: Sourced<string>[] = [];
  for (const sentence of operative) {
    const m = PERIOD.exec(sentence);
    const from = m?.[1] ? firstDate(m[1]) : null;
    const to = m?.[2] ? firstDate(m[2]) : null;
    if (from && to) return { start: sourced(from, sentence), end: sourced(to, sentence) };
    const commence = COMMENCE.exec(sentence);
    const date = commence ? dateMentions(sentence.slice(commence.index))[0] : undefined;
    if (date) start.push({ value: date.iso, sentence });
  }
  // An approval stated year by year runs from the first year's April to the last year's March.
  const first = byYear[0] ? financialYearIn(byYear[0].year) : null;
  const last = byYear.length > 1 ? financialYearIn(byYear[byYear.length - 1]?.year ?? "") : null;
  const year =
    first && last
      ? { ...first, end: last.end }
      : amountSentence
        ? financialYearIn(amountSentence)
        : null;
  if (start[0]) return { start: start[0], end: NOT_STATED };
  if (year && amountSentence)
    return { start: sourced(year.start, amountSentence), end: sourced(year.end, amountSentence) };
  return { start: NOT_STATED, end: NOT_STATED };
}

/**
 * A named source: capitalised words ("Better Care Fund"), and the lower-case words councils put
 * between a name and "reserve" ("Climate Emergency earmarked reserve", "Public Health grant").
 * and the small words inside a name ("Holiday Activities and Food Grant"). A lower-case source
 * noun needs a word before it: "from the budget" names no source.
 */
const NAME_WORD = String.raw`(?:[A-Z][\w&'’-]*|and|of|for|earmarked|ring-?fenced|capital|revenue|general|contingency|corporate|specific|one-off|transformation|investment|\d{4}\/\d{2})`;
const SOURCE = new RegExp(
  String.raw`\b(?:from|funded by|met from|financed from|charged to)\s+(?:the\s+)?((?:${NAME_WORD}\s+){0,6}(?:Reserve|Fund|Grant|Budget|Allocation|Programme)s?|(?:${NAME_WORD}\s+){1,6}(?:reserve|fund|grant|budget|allocation|programme)s?)\b`,
);

export function fundingSource(operative: readonly string[]): Sourced<string> {
  for (const sentence of operative) {
    const m = SOURCE.exec(sentence);
    if (m?.[1]) return { value: m[1].trim(), sentence };
  }
  return NOT_STATED;
}
