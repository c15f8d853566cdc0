import { readFileSync } from "node:fs";
import { htmlToText } from "../../src/core/decisions/html-text";
import { readDecisionRecord } from "../../src/core/decisions/read";

/**
 * A decision page saved from a council website carries the site around the record: a skip link,
 * the banner and search, the menu, breadcrumbs, related links and the footer. None of it is the
 * record: its words must not reach the sentences the fields are read from.
 */
const PAGE = readFileSync(
  `${__dirname}/../fixtures/decision-records/officer-decision-page.html`,
  "utf8",
);
const CHROME_WORDS = [
  "Skip to content",
  "Search the site",
  "Bins and recycling",
  "Council and democracy",
  "Home",
  "Related links",
  "Youth services",
  "Privacy",
  "Accessibility statement",
  "Cookies",
  "© Northgate",
  "trackPage",
  "dataLayer",
];

test("the page's text is the record alone: no menu, breadcrumbs, banner, footer or scripts", () => {
  const text = htmlToText(PAGE);
  for (const words of CHROME_WORDS) expect(text).not.toContain(words);
  // The record's own heading, inside <main>, stays. A list of nothing but links goes wherever it
  // is, the record's supporting documents too: no field is read from a document's link.
  expect(text.split("\n").slice(0, 3)).toEqual([
    "Decision details",
    "ODR/2024/117 Holiday activities grant",
    "Decision Maker: Director of Children's Services",
  ]);
});

test("every field and its sentence come from the record, none from the site around it", () => {
  const r = readDecisionRecord(htmlToText(PAGE), "officer-decision-page.html");
  expect(r.reference.value).toBe("ODR/2024/117");
  expect(r.title.value).toBe("Holiday activities grant");
  expect(r.decisionMaker.value).toBe("Director of Children's Services");
  expect(r.amountApproved.value).toBe(64_300);
  expect(r.fundingSource.value).toBe("Holiday Activities and Food Grant");
  const sentences = JSON.stringify(r);
  for (const words of CHROME_WORDS) expect(sentences).not.toContain(words);
});

test("an unclosed <nav> is read rather than swallowing the record; a lone link list is kept", () => {
  const text = htmlToText(
    "<nav><a href='/'>Home</a><p>Decision Maker: Cabinet</p><ul><li><a href='/a'>Report A</a> and notes</li></ul>",
  );
  expect(text).toContain("Decision Maker: Cabinet");
  expect(text).toContain("Report A and notes");
});
