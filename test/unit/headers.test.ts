import { editDistance, normaliseHeader, similarity } from "../../src/core/headers";
import { classifyRiskHeader } from "../../src/core/risk/fields";

describe("normaliseHeader", () => {
  it("keeps words and numbers only", () => {
    expect(normaliseHeader("Score (I x L)")).toBe("score i x l");
    expect(normaliseHeader("  Risk Ref. ")).toBe("risk ref");
    expect(normaliseHeader("SCR Grant £08/09")).toBe("scr grant 08 09");
  });
});

describe("fuzzy matching", () => {
  it("measures edits", () => {
    expect(editDistance("likelihood", "likelyhood")).toBe(1);
    expect(similarity("impact", "impact")).toBe(1);
  });
});

describe("classifyRiskHeader", () => {
  const field = (text: string) => {
    const m = classifyRiskHeader(text);
    return m ? `${m.pair}|${m.field}` : null;
  };

  it.each([
    ["Likelihood", "|likelihood"],
    ["Probability", "|likelihood"],
    ["L", "|likelihood"],
    ["Likelyhood", "|likelihood"],
    ["Probabilty", "|likelihood"],
    ["Likelihood (1-5)", "|likelihood"],
    ["Impact", "|impact"],
    ["Severity", "|impact"],
    ["Consequence", "|impact"],
    ["I", "|impact"],
    ["Score", "|score"],
    ["Risk Rating", "|score"],
    ["Score (I x L)", "|score"],
    ["S", "|score"],
    ["Title", "|title"],
    ["Risk", "|title"],
    ["Risk Description", "|title"],
    ["Owner", "|owner"],
    ["Risk Owner", "|owner"],
    ["Review Date", "|reviewDate"],
    ["Next review", "|reviewDate"],
    ["Ref", "|id"],
    ["Risk No.", "|id"],
    ["ID", "|id"],
    ["Priority", "|priority"],
    ["RAG", "|priority"],
    ["Project", "|project"],
    ["Residual Likelihood", "residual|likelihood"],
    ["Inherent impact", "inherent|impact"],
    ["Gross Score", "inherent|score"],
    ["Net L", "residual|likelihood"],
    ["Target Impact", "target|impact"],
    ["Current risk score", "current|score"],
    ["Likelihood (residual)", "residual|likelihood"],
    ["Pre-mitigation likelihood", "inherent|likelihood"],
    ["Residual priority", "residual|priority"],
  ])("%p means %p", (text, expected) => {
    expect(field(text)).toBe(expected);
  });

  it.each(["Risk Key:", "L = Likelihood (1-4)", "Mitigation", "Notes", "2", "Cost £"])(
    "%p is not a risk column",
    (text) => {
      expect(field(text)).toBeNull();
    },
  );
});
