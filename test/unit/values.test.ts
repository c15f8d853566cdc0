import fc from "fast-check";
import {
  dateToSerial,
  parseDate,
  parseMoney,
  parseScaleValue,
  serialToIsoDate,
  serialToUkDate,
} from "../../src/core/values";

const number = (value: number, fromText = true) => ({ kind: "number", value, fromText });

describe("parseMoney", () => {
  it.each([
    [1234, number(1234, false)],
    ["£1,234", number(1234)],
    ["1,234.50", number(1234.5)],
    ["(5,000)", number(-5000)],
    ["-£5k", number(-5000)],
    ["£-5k", number(-5000)],
    ["£ 250,000", number(250000)],
    ["£1.2m", number(1200000)],
    ["GBP 10", number(10)],
    ["0.1", number(0.1)],
    ["12.345", number(12.35)],
  ])("reads %p", (input, expected) => {
    expect(parseMoney(input)).toEqual(expected);
  });

  it.each(["tbc", "TBC", "n/a", "N/A", "to be confirmed", "TBA", "?"])(
    "%p is unconfirmed",
    (input) => {
      expect(parseMoney(input)).toEqual({ kind: "unconfirmed", text: input });
    },
  );

  it.each([null, "", "  ", "-"])("%p is blank", (input) => {
    expect(parseMoney(input)).toEqual({ kind: "blank" });
  });

  it.each(["1,23", "12,3456", "£", "five", "1.2.3", "£1,000 approx"])("%p is text", (input) => {
    expect(parseMoney(input).kind).toBe("text");
  });

  it("keeps pence exact when summed", () => {
    const parts = ["£0.10", "£0.20", "£0.70"].map((t) => parseMoney(t));
    const pence = parts.reduce(
      (sum, p) => sum + (p.kind === "number" ? Math.round(p.value * 100) : 0),
      0,
    );
    expect(pence).toBe(100);
  });

  it("never throws and round-trips formatted amounts", () => {
    fc.assert(fc.property(fc.anything(), (v) => void parseMoney(v as never)));
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (pence) => {
        const pounds = pence / 100;
        const text =
          (pounds < 0 ? "-£" : "£") +
          Math.abs(pounds).toLocaleString("en-GB", { minimumFractionDigits: 2 });
        const parsed = parseMoney(text);
        return parsed.kind === "number" && Math.round(parsed.value * 100) === pence;
      }),
    );
  });
});

describe("parseScaleValue", () => {
  it.each([
    [3, { kind: "number", value: 3, fromText: false }],
    ["3", { kind: "number", value: 3, fromText: true }],
    ["3 - Likely", { kind: "number", value: 3, fromText: true, label: "Likely" }],
    ["4 – Major", { kind: "number", value: 4, fromText: true, label: "Major" }],
    ["2. Unlikely", { kind: "number", value: 2, fromText: true, label: "Unlikely" }],
    ["Almost certain (5)", { kind: "number", value: 5, fromText: true, label: "Almost certain" }],
    ["High", { kind: "text", text: "High" }],
    ["tbc", { kind: "unconfirmed", text: "tbc" }],
    [null, { kind: "blank" }],
  ])("reads %p", (input, expected) => {
    expect(parseScaleValue(input)).toEqual(expected);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
        (v) => void parseScaleValue(v),
      ),
    );
  });
});

describe("dates", () => {
  it("converts calendar dates to Excel serials", () => {
    expect(dateToSerial(1900, 3, 1)).toBe(61);
    expect(dateToSerial(2024, 11, 25)).toBe(45621);
    expect(dateToSerial(2025, 2, 29)).toBeNull();
    expect(serialToIsoDate(45621)).toBe("2024-11-25");
    expect(serialToUkDate(45621)).toBe("25/11/2024");
  });

  it.each([
    [45621, 45621],
    ["25/11/2024", 45621],
    ["25/11/24", 45621],
    ["25-11-2024", 45621],
    ["25.11.2024", 45621],
    ["2024-11-25", 45621],
    ["2024-11-25T00:00:00.000Z", 45621],
    ["25 November 2024", 45621],
    ["25th Nov 2024", 45621],
    ["31/02/2024", null],
    ["11/25/2024", null],
    ["soon", null],
    [null, null],
  ])("reads %p as %p (UK day-first)", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null)), (v) => void parseDate(v)),
    );
  });
});
