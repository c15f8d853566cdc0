import { htmlToText } from "../../src/core/decisions/html-text";
import { readDecisionRecord } from "../../src/core/decisions/read";

/**
 * A record of hundreds of KB with thousands of £ figures and no full stop (a schedule of
 * payments pasted as one paragraph, a PDF copied without punctuation) is one "sentence" to the
 * reader. Each figure's role must be read from a window around it, not from the whole sentence
 * up to it: that was quadratic (92 KB took 12 s, 368 KB 99 s). Timing is compared by growth, not
 * against a clock: four times the text must take well under sixteen times as long (quadratic),
 * whatever the machine; six allows linear work plus noise.
 */
const figure = (i: number) => `£${1 + ((i * 37) % 900)},${String(i % 1000).padStart(3, "0")}`;

/** Labelled like a decision page, then clauses that cite, recall and approve, none ending. */
function unpunctuated(bytes: number): string {
  const clauses: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const clause =
      i % 2 === 0
        ? `Ref: E${3000 + i} approved ${figure(i)} funded from the Better Care Fund reserve from 1 April 2021 to 31 March 2022 and`
        : `to approve the funding liability of ${figure(i)} previously approved by Cabinet in July 2022 with`;
    clauses.push(clause);
    length += clause.length + 1;
  }
  return `Decision details\nAHWB.012.2021 Payments schedule\nDecision Maker: Cabinet\nDecision status: Approved\nDecision:\n${clauses.join(" ")}`;
}

/** The same as a web page whose every figure sits in its own paragraph after a script. */
function scripted(bytes: number): string {
  const body: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const block = `<script>var n=${i}</script><p>to approve ${figure(i)} from the Youth Fund and</p>`;
    body.push(block);
    length += block.length;
  }
  return `<html><body><h1>Decision details</h1><p>Decision Maker: Cabinet</p><p>Decision:</p>${body.join("")}</body></html>`;
}

/**
 * How much longer the large input takes than the small: the fastest of five runs of each, taken
 * in turns, in CPU time (ms) rather than wall-clock time, so other work on a loaded machine
 * (other test files run alongside) does not count against either.
 */
function growth(small: () => void, large: () => void): number {
  small(); // the regular expressions compiled before anything is timed
  const time = (work: () => void) => {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  let one = Infinity;
  let four = Infinity;
  for (let run = 0; run < 5; run++) {
    one = Math.min(one, time(small));
    four = Math.min(four, time(large));
  }
  return four / Math.max(one, 1);
}

test("a 400 KB record of thousands of £ figures and no full stop is read in time linear in its size", () => {
  const small = unpunctuated(100_000);
  const large = unpunctuated(400_000);
  expect(large.length).toBeGreaterThan(400_000);
  expect((large.match(/£/g) ?? []).length).toBeGreaterThan(3000);
  expect(large).not.toMatch(/\.\s/);
  const ratio = growth(
    () => readDecisionRecord(small, "small.txt"),
    () => readDecisionRecord(large, "large.txt"),
  );
  expect(ratio).toBeLessThan(6);
  // Still read: every clause's figure is there, the approvals among them told from the rest.
  const record = readDecisionRecord(large, "large.txt");
  expect(record.reference.value).toBe("AHWB.012.2021");
  expect(record.amountApproved.value).not.toBeNull();
  expect(record.otherAmounts.length).toBeGreaterThan(3000);
}, 120_000);

test("a 400 KB web page with a script before every paragraph is turned to text in linear time", () => {
  const small = scripted(100_000);
  const large = scripted(400_000);
  const ratio = growth(
    () => readDecisionRecord(htmlToText(small), "small.html"),
    () => readDecisionRecord(htmlToText(large), "large.html"),
  );
  expect(ratio).toBeLessThan(6);
  expect(htmlToText(large)).not.toMatch(/var n=/);
}, 120_000);
