import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import type { CapitalProgrammeReport } from "../../src/core/capital";
import type { Finding } from "../../src/core/findings";
import { financialYearOf, yearRangeOf } from "../../src/core/tables/year-ranges";
import { parseYearLabel } from "../../src/core/tables/years";
import { TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

/**
 * A programme's row total is named by a range of years written every way councils write one:
 * two-digit years ("Total 25/26-28/29"), en dashes, "to", a bracketed calendar range, or only a
 * count ("4-year total"). None of them is read as its first year (which made two 2025/26
 * columns and handed the programme to the funding kind, with a source "Total -28/29").
 */
const brief = (fs: readonly Finding[]) =>
  fs.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`);
const capital = (tables: readonly { kind: string }[]) =>
  tables.filter((t): t is CapitalProgrammeReport => t.kind === "capital-programme");

describe("year ranges", () => {
  it.each([
    ["Total 25/26-28/29", 2025, 2028],
    ["25/26 - 28/29", 2025, 2028],
    ["Total 2025/26–2028/29", 2025, 2028],
    ["Total 2025/26 — 2028/29", 2025, 2028],
    ["2025-26 to 2028-29", 2025, 2028],
    ["Total 2025/2026 - 2028/2029", 2025, 2028],
    ["Total (2025-2029)", 2025, 2028],
    ["Total 2025 to 2029", 2025, 2028],
    ["Total 2025-29", 2025, 2028],
  ])("%s runs from %i/.. to %i/..", (text, first, last) => {
    expect(yearRangeOf(text)).toMatchObject({ first, last });
    expect(financialYearOf(text)).toBeNull();
    expect(parseYearLabel(text)).toBeNull();
  });

  it.each(["25/26", "2025-26", "2025/2026", "Estimate 26/27", "Total 25/27-28/29", "4-year total"])(
    "%s is no range",
    (text) => {
      expect(yearRangeOf(text)).toBeNull();
    },
  );

  it("range and year parsing never throw", () => {
    const piece = fc.constantFrom("25", "26", "2025", "2029", "/", "-", "–", " to ", "(", ")", " ");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece).map((p) => p.join("")),
        ),
        (text) => {
          const r = yearRangeOf(text);
          if (r) expect(r.last).toBeGreaterThan(r.first);
          financialYearOf(text);
          parseYearLabel(text);
        },
      ),
    );
  });
});

describe("capital programme: a row total named by any range", () => {
  // 2025/26 financing is £100,000 over the programme (borrowing 400, not 300).
  const surplus = {
    ...BASE_PROGRAMME,
    qualifiers: [],
    financing: [
      ["Prudential borrowing", 400, 300, 300],
      ["Government grants", 200, 200, 200],
      ["Capital receipts", 65, 70, 85],
    ] as [string, ...number[]][],
  };
  it.each([
    "Total 25/26-27/28",
    "Total 2025/26–2027/28",
    "Total 2025-26 to 2027-28",
    "Total (2025-2028)",
    "3-year total",
  ])("%s: the total column is the programme's, the financing surplus is found", (header) => {
    const a = analyseWorkbook(workbook(programmeSheet({ ...surplus, total: [header, ""] })), {
      asOf: TODAY,
    });
    expect(a.tables.map((t) => t.kind)).toEqual(["capital-programme"]);
    expect(capital(a.tables)[0]).toMatchObject({
      years: ["2025/26", "2026/27", "2027/28"],
      columns: { total: "F" },
    });
    expect(brief(a.findings)).toEqual(["reconciliation-difference@C22"]);
    expect(a.findings.find((x) => x.code === "reconciliation-difference")?.message).toBe(
      "2025/26 financing is £665,000 but the schemes add to £565,000: financing exceeds the programme by £100,000",
    );
    // The council's row total is there: nothing to add.
    expect(a.plan.operations).toEqual([]);
  });
});
