import { describe, expect, it } from "vitest";
import {
  MAX_EXPRESSION_CHARS,
  simpleClassName,
  summarizeCondition,
  summaryText,
} from "./conditionSummary.ts";

const CART = "com.acme.condition.CartCondition";

describe("summarizeCondition", () => {
  it("shows 'any event' for a stage without a condition", () => {
    expect(summarizeCondition(null, {})).toEqual([{ kind: "any", text: "any event" }]);
  });

  it("shows an expression on one line, cut at the limit", () => {
    const [token] = summarizeCondition({ type: "aviator", expression: "a  ==\n 1" }, {});
    expect(token).toEqual({ kind: "expression", text: "a == 1" });
    const long = summarizeCondition({ type: "aviator", expression: "x".repeat(200) }, {})[0]?.text ?? "";
    expect(long).toHaveLength(MAX_EXPRESSION_CHARS);
    expect(long.endsWith("…")).toBe(true);
  });

  it("shows a CLASS condition's simple name and its bound expression", () => {
    expect(summarizeCondition({ type: "class", className: CART }, { [CART]: "action == 'cart'" })).toEqual([
      { kind: "class", text: "CartCondition" },
      { kind: "expression", text: "action == 'cart'" },
    ]);
    expect(summarizeCondition({ type: "class", className: CART, args: ["5"] }, {})).toEqual([
      { kind: "class", text: "CartCondition(5)" },
    ]);
    expect(simpleClassName("Plain")).toBe("Plain");
  });

  it("composes and / or / not, parenthesising nested composites", () => {
    const tokens = summarizeCondition(
      {
        type: "and",
        left: { type: "aviator", expression: "a" },
        right: {
          type: "or",
          left: { type: "subtype", className: "E", subClassName: "com.x.Cart" },
          right: { type: "not", inner: { type: "aviator", expression: "b" } },
        },
      },
      {},
    );
    expect(summaryText(tokens)).toBe("a and (subtype Cart or not b)");
  });
});
