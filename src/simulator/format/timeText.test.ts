import { describe, expect, it } from "vitest";
import { clockText, countText, durationText, instantText, plural } from "./timeText.ts";

describe("time text", () => {
  it("writes instants in UTC with milliseconds, and the watermark's infinities in words", () => {
    expect(instantText(Date.UTC(2020, 0, 1, 0, 1, 3))).toBe("2020-01-01 00:01:03.000");
    expect(instantText(null)).toBe("−∞ (none yet)");
    expect(instantText(Number.NEGATIVE_INFINITY)).toBe("−∞ (none yet)");
    expect(instantText(Number.POSITIVE_INFINITY)).toBe("+∞ (end of input)");
    expect(clockText(Date.UTC(2020, 0, 1, 13, 5, 7, 250))).toBe("13:05:07.250");
  });

  it("writes durations in the largest fitting unit", () => {
    expect(durationText(0)).toBe("0 ms");
    expect(durationText(250)).toBe("250 ms");
    expect(durationText(1500)).toBe("1.5 s");
    expect(durationText(300_000)).toBe("5 min");
    expect(durationText(7 * 86_400_000)).toBe("7 d");
  });

  it("groups counts and picks singular or plural", () => {
    expect(countText(1234567)).toBe("1 234 567");
    expect(plural(1, "match", "matches")).toBe("1 match");
    expect(plural(3, "match", "matches")).toBe("3 matches");
  });
});
