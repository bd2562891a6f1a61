import { describe, expect, it } from "vitest";
import { speedShortLabel } from "./speedShortLabel.ts";

describe("speedShortLabel", () => {
  it("gives events per second compactly, and max for as fast as possible", () => {
    expect(speedShortLabel(0.5)).toBe("0.5/s");
    expect(speedShortLabel(10000)).toBe("10 000/s");
    expect(speedShortLabel(null)).toBe("max");
  });
});
