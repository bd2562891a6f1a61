import { describe, expect, it } from "vitest";
import { MAX_COUNT, parseCount } from "./parseCount.ts";

describe("parseCount", () => {
  it("reads whole numbers at or above the minimum", () => {
    expect(parseCount("3", 1)).toEqual({ ok: true, value: 3 });
    expect(parseCount(" 12 ", 0)).toEqual({ ok: true, value: 12 });
    expect(parseCount("0", 0)).toEqual({ ok: true, value: 0 });
  });

  it("says what is wrong with anything else", () => {
    expect(parseCount("", 1)).toEqual({ ok: false, error: "Enter a number." });
    expect(parseCount("2.5", 1)).toEqual({ ok: false, error: "Enter a whole number (digits only)." });
    expect(parseCount("-1", 1)).toEqual({ ok: false, error: "Enter a whole number (digits only)." });
    expect(parseCount("1e3", 1)).toEqual({ ok: false, error: "Enter a whole number (digits only)." });
    expect(parseCount("0", 1)).toEqual({ ok: false, error: "Must be at least 1." });
    expect(parseCount(String(MAX_COUNT + 1), 1)).toMatchObject({ ok: false });
  });
});
