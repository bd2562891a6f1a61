import { describe, expect, it } from "vitest";
import { conditionHover } from "./conditionHover.ts";

const sources = { eventFields: ["price", "data.productId"], configKeys: ["minPrice"] };

describe("conditionHover", () => {
  it("explains builtin functions with their signature", () => {
    const text = "string.contains(eventType, 'x')";
    expect(conditionHover(text, 3, sources)).toEqual({
      start: 0,
      end: 15,
      code: "string.contains(s, part)",
      text: "true when s contains part",
    });
  });

  it("explains keywords, fields and config keys", () => {
    expect(conditionHover("x == nil", 6, sources)?.text).toBe("keyword");
    expect(conditionHover("data.productId > 1", 2, sources)?.code).toBe("data.productId");
    expect(conditionHover("price > config.minPrice", 17, sources)?.text).toMatch(
      /broadcast configuration's 'minPrice'/,
    );
    expect(conditionHover("price > config.other", 17, sources)?.text).toMatch(/reads nil/);
  });

  it("says nothing about strings, numbers or unknown names", () => {
    expect(conditionHover("x == 'count'", 7, sources)).toBeNull();
    expect(conditionHover("12.5", 1, sources)).toBeNull();
    expect(conditionHover("unknownField", 3, sources)).toBeNull();
  });
});
