import { readFileSync } from "node:fs";
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { readDecisionRecord } from "../../src/core/decisions/read";
import { DecisionRecordSchema } from "../../src/core/decisions/record";
import { dateMentions, moneyMentions } from "../../src/core/decisions/text";
import { htmlToText } from "../../src/core/decisions/html-text";
import { planDecisionImport } from "../../src/core/decisions/import";
import { statesNoDecision } from "../../src/core/decisions/register-rows";
import { detectDecisionRegisters, referenceKey } from "../../src/core/decisions/register";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { decisionsWorkbook } from "../helpers/decisions-workbook";

const SEEDS = `${__dirname}/../../../shared/seeds`;
const seeds = [
  "000_27967092dd3fa8cc.txt",
  "001_f88c53d8f01fb2f7.txt",
  "002_3de8d25dc0189705.txt",
].map((f) => readFileSync(`${SEEDS}/${f}`, "utf8"));

// Words that steer generated text into the reader's paths: labels, amounts, dates, resolutions.
const WORDS = [
  "Decision details",
  "Decision Maker:",
  "Decision status:",
  "Is Key decision?:",
  "Is subject to call in?:",
  "Date of decision:",
  "Publication date:",
  "Effective from:",
  "Decision:",
  "Resolved –",
  "(a) That",
  "(b)",
  "To approve",
  "a total of",
  "funding liability of",
  "savings target of",
  "£97,710",
  "£0.7m",
  "£ 3 million",
  "£1,2,3",
  "£",
  "30/03/2021",
  "31/02/2021",
  "1st April 2021",
  "from 1 April 2023 to 31 March 2024",
  "for 2024/25",
  "Ref: E3393",
  "Yes",
  "No",
  "AHWB.012.2021",
  "from the Earmarked Reserve",
  ".",
  "(",
  ")",
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string(), fc.string({ unit: "grapheme" }));
const recordText = fc.array(word, { maxLength: 40 }).map((w) => w.join(" "));
const whitespace = fc
  .array(fc.constantFrom(" ", "  ", "\n", "\r\n", "\t", "\u00a0", " \n "), {
    minLength: 1,
    maxLength: 3,
  })
  .map((w) => w.join(""));

/** The text with every run of whitespace replaced by another one (a line break, tabs, spaces). */
function rewrap(text: string, runs: readonly string[]): string {
  let i = 0;
  return text.replace(/\s+/g, () => runs[i++ % runs.length] ?? " ");
}

describe("decision record reader: properties", () => {
  test("never throws on arbitrary text, and always gives a record the schema accepts", () => {
    fc.assert(
      fc.property(fc.oneof(recordText, fc.string(), fc.string({ unit: "binary" })), (text) => {
        const record = readDecisionRecord(text, "x.txt");
        expect(DecisionRecordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test("money and dates read the same however the text is wrapped", () => {
    fc.assert(
      fc.property(
        recordText,
        fc.array(whitespace, { minLength: 1, maxLength: 8 }),
        (text, runs) => {
          const wrapped = rewrap(` ${text} `, runs);
          const plain = (t: string) => ({
            money: moneyMentions(t).map((m) => [m.amount, m.text]),
            dates: dateMentions(t).map((d) => d.iso),
          });
          expect(plain(wrapped)).toEqual(plain(text));
          const a = readDecisionRecord(text, "x");
          const b = readDecisionRecord(wrapped, "x");
          expect(b.amountApproved.value).toBe(a.amountApproved.value);
          expect(b.dateOfDecision.value).toBe(a.dateOfDecision.value);
          expect(b.periodStart.value).toBe(a.periodStart.value);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("each seed reads exactly the same record however it is wrapped", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(whitespace, { minLength: 1, maxLength: 8 }),
        (seed, runs) => {
          expect(readDecisionRecord(rewrap(seed, runs), "s")).toEqual(
            readDecisionRecord(seed, "s"),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** What htmlparser2 reads as the text of a document, with a break at each block, words collapsed. */
function referenceText(html: string): string {
  const parts: string[] = [];
  const skip: string[] = [];
  const blocks =
    /^(address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|caption)$/;
  const parser = new Parser(
    {
      onopentag(name) {
        if (/^(script|style|template|noscript)$/.test(name)) skip.push(name);
        if (blocks.test(name)) parts.push("\n");
      },
      onclosetag(name) {
        if (skip[skip.length - 1] === name) skip.pop();
        if (blocks.test(name)) parts.push("\n");
      },
      ontext(text) {
        if (skip.length === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return collapse(parts.join(""));
}

const collapse = (t: string) => t.replace(/[\s\u00a0]+/g, " ").trim();

describe("HTML text: differential against htmlparser2", () => {
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom("Decision", "£97,710", "Yes", "30/03/2021", " ", "\n", "a > b"),
        fc.constantFrom(
          "&amp;",
          "&pound;",
          "&nbsp;",
          "&#163;",
          "&#xA3;",
          "&rsquo;",
          "&ndash;",
          "&lt;",
        ),
        fc.stringMatching(/^[A-Za-z0-9 ,.:;?!()'"-]{0,12}$/),
      ),
      { maxLength: 6 },
    )
    .map((t) => t.join(""));
  const attr = fc.constantFrom("", ' class="mgText"', " id='x>y'", ' style="a:b"', " data-x=1");
  // Well-nested markup: browsers (and htmlparser2) close a <p> or <li> implicitly when another
  // block opens inside it, which no council page relies on; text-level elements hold text only.
  const tree = fc.letrec((tie) => ({
    inline: fc.oneof(
      { depthSize: "small" },
      text,
      fc
        .tuple(
          fc.constantFrom("span", "b", "strong", "a", "em"),
          attr,
          fc.array(tie("inline"), { maxLength: 3 }),
        )
        .map(([tag, a, children]) => `<${tag}${a}>${(children as string[]).join("")}</${tag}>`),
      fc.constantFrom("<br>", "<br/>", "<!-- a <p> comment -->"),
    ),
    block: fc.oneof(
      { depthSize: "small" },
      tie("inline"),
      fc
        .tuple(fc.constantFrom("p", "h2", "li"), attr, fc.array(tie("inline"), { maxLength: 3 }))
        .map(([tag, a, children]) => `<${tag}${a}>${(children as string[]).join("")}</${tag}>`),
      fc
        .tuple(
          fc.constantFrom("div", "section", "blockquote"),
          attr,
          fc.array(tie("block"), { maxLength: 3 }),
        )
        .map(([tag, a, children]) => `<${tag}${a}>${(children as string[]).join("")}</${tag}>`),
      fc.constantFrom("<script>var a = '<p>';</script>", "<style>p{}</style>", "<hr>"),
    ),
  }));
  const element = tree.block as fc.Arbitrary<string>;

  test("the same words in the same order as htmlparser2 gives", () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 6 }), (nodes) => {
        const html = `<!DOCTYPE html><html><body>${nodes.join("")}</body></html>`;
        expect(collapse(htmlToText(html))).toBe(referenceText(html));
      }),
      { numRuns: 500 },
    );
  });

  test("a seed as a web page: identical text to htmlparser2's", () => {
    for (const seed of seeds) {
      const html = `<html><body>${seed
        .split("\n")
        .map(
          (l) =>
            `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/£/g, "&pound;")}</p>`,
        )
        .join("")}</body></html>`;
      expect(collapse(htmlToText(html))).toBe(referenceText(html));
      expect(collapse(htmlToText(html))).toBe(collapse(seed));
    }
  });
});

describe("importing records: properties", () => {
  const reference = fc.oneof(
    fc.constant(null),
    fc.constantFrom("AHWB.012.2021", "BNES-CAB-2023-11", "E3393"),
    fc.stringMatching(/^[A-Z]{2,5}[/.-]\d{2,4}$/),
  );
  const record = fc
    .tuple(recordText, reference)
    .map(([text, ref]) =>
      readDecisionRecord(`${ref ? `Decision details ${ref} Title ` : ""}${text}`, "r.txt"),
    )
    // Records naming no decision are refused (DecisionImportError "not-a-record"), tested apart.
    .filter((r) => !statesNoDecision(r));

  test("only the register's cells change, every imported reference is then in the register", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        const before = decisionsWorkbook();
        const plan = planDecisionImport(before, records);
        const after = applyPlanToSnapshot(
          before,
          { operations: plan.operations },
          { valuesOnly: false },
        );
        for (const s of before.sheets.filter((x) => x.name !== "Decisions"))
          expect(after.sheets.find((x) => x.name === s.name)?.rows).toEqual(s.rows);
        const register = after.sheets.find((x) => x.name === "Decisions");
        if (!register) throw new Error("the Decisions sheet is gone");
        // Rows above the register and outside its columns stay as they were.
        expect(register.rows.slice(0, 3)).toEqual(before.sheets[0]?.rows.slice(0, 3));
        expect(register.rows.every((row) => (row ?? []).length <= 12)).toBe(true);
        const held = new Set(
          detectDecisionRegisters(register, new Set()).flatMap((t) =>
            t.decisions.map((d) => referenceKey(d.reference)),
          ),
        );
        for (const r of records)
          if (r.reference.value) expect(held.has(referenceKey(r.reference.value))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
