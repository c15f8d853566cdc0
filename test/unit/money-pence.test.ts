import fc from "fast-check";
import {
  formatMoney,
  fromPence,
  roundToPence,
  samePence,
  sumPounds,
  toPence,
} from "../../src/core/tables/money";
import { dateToSerial, parseMoney, serialToIsoDate } from "../../src/core/values";
import { EXCEL_EPOCH_UTC_MS, serialFromUtcMs, utcMsFromSerial } from "../../src/core/serial-date";
import { cellAddress, modelRow, rangeAddress, reportRow } from "../../src/core/a1";

/** formatMoney as it was hand-rolled before Intl.NumberFormat: the format the reports keep. */
function formatMoneyBefore(value: number): string {
  const pence = Math.round(Math.abs(value) * 100);
  const pounds = Math.floor(pence / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const rest = pence % 100 === 0 ? "" : `.${String(pence % 100).padStart(2, "0")}`;
  return `${value < 0 ? "-" : ""}£${pounds}${rest}`;
}

describe("formatMoney (Intl.NumberFormat en-GB, GBP)", () => {
  it.each([
    [0, "£0"],
    [1234, "£1,234"],
    [1234.5, "£1,234.50"],
    [1234.567, "£1,234.57"],
    [-5000, "-£5,000"],
    [-5000.05, "-£5,000.05"],
    [280_000, "£280,000"],
    [1_250_000_000, "£1,250,000,000"],
    [0.005, "£0.01"],
  ])("%p is %s", (pounds, text) => {
    expect(formatMoney(pounds)).toBe(text);
  });

  it.each([-0, -0.004, -0.0049])("%p is £0, never -£0", (pounds) => {
    expect(formatMoney(pounds)).toBe("£0");
  });

  it("writes what the hand-rolled format wrote, except its -£0", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (pence) => {
        const pounds = pence / 100;
        expect(formatMoney(pounds)).toBe(formatMoneyBefore(pounds));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back as the amount it shows (parseMoney of formatMoney is the penny-rounded amount)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (pounds) => {
        const read = parseMoney(formatMoney(pounds));
        expect(read.kind).toBe("number");
        if (read.kind === "number") expect(read.value).toBe(roundToPence(pounds));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("money in integer pence", () => {
  it("adds as pence, so 0.1 + 0.2 is 0.3", () => {
    expect(sumPounds([0.1, 0.2])).toBe(0.3);
    expect(sumPounds([1234.56, -1234.56, 0.01])).toBe(0.01);
  });

  it("rounds pounds to whole pence and back, never to -0", () => {
    expect(toPence(12.345)).toBe(1235);
    expect(Object.is(toPence(-0.001), 0)).toBe(true);
    expect(fromPence(toPence(99.999))).toBe(100);
  });

  it("compares amounts to the penny", () => {
    expect(samePence(0.1 + 0.2, 0.3)).toBe(true);
    expect(samePence(10, 10.01)).toBe(false);
  });
});

describe("one Excel epoch", () => {
  it.each([
    [1900, 3, 1, 61],
    [2025, 1, 1, 45658],
    [2025, 3, 31, 45747],
  ])("%i-%i-%i is serial %i, from the calendar and from a UTC time alike", (y, m, d, serial) => {
    expect(dateToSerial(y, m, d)).toBe(serial);
    expect(serialFromUtcMs(Date.UTC(y, m - 1, d))).toBe(serial);
    expect(utcMsFromSerial(serial)).toBe(Date.UTC(y, m - 1, d));
  });

  it("keeps the time of day as the fraction", () => {
    expect(serialFromUtcMs(EXCEL_EPOCH_UTC_MS + 36 * 3_600_000)).toBe(1.5);
    expect(serialToIsoDate(45658.75)).toBe("2025-01-01");
  });
});

describe("coordinates", () => {
  it("turns 0-based model rows into 1-based report rows and A1 addresses", () => {
    expect(reportRow(0)).toBe(1);
    expect(modelRow(reportRow(41))).toBe(41);
    expect(cellAddress(8, 1)).toBe("B9");
    expect(rangeAddress(4, 0, 8, 3)).toBe("A5:D9");
  });
});
