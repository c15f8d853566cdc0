import fc from "fast-check";
import { parseYearLabel } from "../../src/core/tables/years";

describe("parseYearLabel", () => {
  it.each([
    ["£ 2008/09", "2008/09", ""],
    ["£08/09", "2008/09", ""],
    ["SCR Grant £08/09", "2008/09", "SCR Grant"],
    ["SCR Grant £ 09/10", "2009/10", "SCR Grant"],
    ["Other Match funding £09/10", "2009/10", "Other Match funding"],
    ["Total £09/10", "2009/10", "Total"],
    ["2024-25", "2024/25", ""],
    ["2024/2025", "2024/25", ""],
    ["FY 2025/26", "2025/26", ""],
    ["FY25/26", "2025/26", ""],
    ["2026-2027", "2026/27", ""],
    ["2099/00", "2099/00", ""],
    ["99/00", "1999/00", ""],
    ["Budget 2025/26 (£)", "2025/26", "Budget"],
  ])("%p is %p", (text, year, rest) => {
    expect(parseYearLabel(text)).toEqual({
      label: { kind: "year", year, start: Number(year.slice(0, 4)) },
      rest,
    });
  });

  it("reports a bare year as ambiguous", () => {
    expect(parseYearLabel("2009")).toEqual({
      label: { kind: "ambiguous", text: "2009" },
      rest: "",
    });
    expect(parseYearLabel("Grant 2009")?.label).toEqual({ kind: "ambiguous", text: "2009" });
  });

  it.each(["Cost £", "Year 1 £", "Ref", "25/11/2024", "2008/10", "08/10", "1.1a"])(
    "%p names no financial year",
    (text) => {
      expect(parseYearLabel(text)?.label.kind === "year").toBe(false);
    },
  );

  it("never throws, and every year it finds is canonical", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseYearLabel(text);
        return !parsed || parsed.label.kind !== "year" || /^\d{4}\/\d{2}$/.test(parsed.label.year);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2098 }),
        fc.constantFrom("/", "-", "–"),
        fc.boolean(),
        (start, sep, long) => {
          const end = long ? String(start + 1) : String((start + 1) % 100).padStart(2, "0");
          const parsed = parseYearLabel(`£ ${start}${sep}${end}`);
          return parsed?.label.kind === "year" && parsed.label.start === start;
        },
      ),
    );
  });
});
