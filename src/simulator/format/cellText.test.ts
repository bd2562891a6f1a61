import { describe, expect, it } from "vitest";
import { cellText, MAX_CELL_CHARS } from "./cellText.ts";

describe("cellText", () => {
  it("keeps text a cell can show", () => {
    expect(cellText("")).toBe("");
    expect(cellText("x".repeat(MAX_CELL_CHARS))).toBe("x".repeat(MAX_CELL_CHARS));
  });

  it("cuts longer text and says how much more there is", () => {
    const shown = cellText(`${"a".repeat(MAX_CELL_CHARS)}${"b".repeat(9 * 1024 * 1024)}`);
    expect(shown).toBe(`${"a".repeat(MAX_CELL_CHARS)}… (9,437,184 more characters)`);
  });
});
