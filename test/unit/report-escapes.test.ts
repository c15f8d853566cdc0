/* eslint-disable no-control-regex -- control characters are what these tests are about */
import fc from "fast-check";
import { jsonText, neutralise, screenText } from "../../src/cli/report";

const ACTS_ON_A_TERMINAL =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe("text from a file, printed to a terminal", () => {
  it("keeps no character a terminal acts on, and leaves ordinary text alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(neutralise(text)).not.toMatch(ACTS_ON_A_TERMINAL);
        if (!ACTS_ON_A_TERMINAL.test(text)) expect(neutralise(text)).toBe(text);
      }),
    );
  });

  it("shows escape sequences as visible escapes", () => {
    expect(neutralise("Risks\u001b[2J\u001b]0;title\u0007\u009b31m")).toBe(
      "Risks\\x1B[2J\\x1B]0;title\\x07\\x9B31m",
    );
    expect(neutralise("abc\u202Efed")).toBe("abc\\u202Efed");
    // A line break inside one line of the report cannot start a forged line.
    expect(screenText(["Sheet\nerror  forged", "next"])).toBe("Sheet\\x0Aerror  forged\nnext");
  });

  it("keeps --json one document that reads back as the same values", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: "binary" }), fc.string({ unit: "binary" })),
        (value) => {
          const json = jsonText(value);
          expect(json).not.toMatch(
            /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/,
          );
          expect(JSON.parse(json)).toEqual(value);
        },
      ),
    );
  });
});
