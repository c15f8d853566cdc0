import type { AmountMention, AmountRole } from "./record";
import { collapseSpace, financialYearIn, moneyMentions, sentences } from "./text";

/**
 * Which £ figure a decision approves. The first £ in a record is often not it: Doncaster's record
 * approves "a total of £97,710" and then recalls a 2018 report's "Place Plan £3m"; Rotherham's
 * minutes state a "savings target of £9.1m" and approve a contract with no value at all. An amount
 * is an approval only when its sentence is operative (the decision itself: "To approve…", "agree
 * to provide…", "That … be agreed") and the figure is the object of that decision ("a total of",
 * "funding liability of", "approve £…"). Savings are never approvals.
 */

/** Operative wording: the decision being made now, not one recalled ("which approved …"). */
const OPERATIVE =
  /\b(?:to|be|is|are|hereby|resolved to|agreed to|decided to|will)\s+(?:approve|agree|award|allocate|release|provide|grant|authori[sz]e|commit|fund|spend|accept)\b|^(?:\d+\.?\s+|\([a-z0-9]+\)\s+)?(?:approve|agree|award|allocate|release|authori[sz]e|approval of)\b|\bbe\s+(?:approved|agreed|awarded|allocated|released|granted|authori[sz]ed)\b/i;

/** Words right before a figure that make it the object of a decision. */
const LEAD_IN =
  /(?:total of|liability of|sum of|amount of|budget of|grant of|allocation of|award of|value of|cost of|up to|not exceeding|maximum of|funding of|contribution of|investment of|envelope of|(?:approve|agree|award|allocate|release|provide|grant|fund|commit)(?:s|d|ed)?(?: a| an)?(?: further| additional| total)?)\s*$/i;

const SAVINGS = /\bsavings?\b|\befficienc(?:y|ies)\b/i;

function roleOf(sentence: string, before: string): AmountRole {
  const near = before.slice(-60);
  if (SAVINGS.test(near)) return "savings";
  const operative = OPERATIVE.test(sentence);
  if (SAVINGS.test(sentence) && !operative) return "savings";
  return operative && LEAD_IN.test(before) ? "approval" : "context";
}

export interface AmountReading {
  approved: AmountMention | null;
  /** Financial year of the approved amount, from its own sentence. */
  year: string | null;
  others: AmountMention[];
  statement: string;
}

function describe(list: readonly AmountMention[]): string {
  return list.map((m) => m.text).join(", ");
}

/**
 * The amounts of a record, read part by part: `operative` parts are the decision itself (the
 * "Decision:" part, the resolutions of minutes); figures in other parts are context.
 */
export function readAmounts(parts: readonly { text: string; operative: boolean }[]): AmountReading {
  const mentions: AmountMention[] = [];
  for (const part of parts) {
    for (const sentence of sentences(part.text)) {
      for (const m of moneyMentions(sentence)) {
        const role = roleOf(sentence, sentence.slice(0, m.index));
        mentions.push({
          amount: m.amount,
          text: m.text,
          role: role === "approval" && !part.operative ? "context" : role,
          sentence,
        });
      }
    }
  }
  const approved = mentions.find((m) => m.role === "approval") ?? null;
  const others = mentions.filter((m) => m !== approved);
  const savings = others.filter((m) => m.role === "savings");
  const year = approved ? (financialYearIn(approved.sentence)?.year ?? null) : null;
  let statement: string;
  if (approved)
    statement = `${approved.text} approved${year ? ` for ${year}` : ""}: "${collapseSpace(approved.sentence)}"`;
  else if (savings.length > 0)
    statement = `No amount approved: the record states savings (${describe(savings)}), which are targets, not approvals`;
  else if (others.length > 0)
    statement = `No amount approved: the figures in the record (${describe(others)}) are context, not this decision's approval`;
  else statement = "No amount approved: the record states no sum of money";
  return { approved, year, others, statement };
}
