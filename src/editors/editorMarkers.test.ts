import { describe, expect, it } from "vitest";
import { jsonTokenEnd } from "./editorMarkers.ts";

describe("jsonTokenEnd", () => {
  const line = '    "name": "first \\"view\\"", "times": 12, "x": null }';

  it("spans a whole string, escaped quotes included", () => {
    expect(line.slice(4, jsonTokenEnd(line, 5) - 1)).toBe('"name"');
    expect(line.slice(12, jsonTokenEnd(line, 13) - 1)).toBe('"first \\"view\\""');
  });

  it("spans numbers and keywords up to the next delimiter", () => {
    const at = line.indexOf("12") + 1;
    expect(line.slice(at - 1, jsonTokenEnd(line, at) - 1)).toBe("12");
    const nul = line.indexOf("null") + 1;
    expect(line.slice(nul - 1, jsonTokenEnd(line, nul) - 1)).toBe("null");
  });

  it("underlines one character for brackets and past the end of the line", () => {
    expect(jsonTokenEnd(line, line.length)).toBe(line.length + 1);
    expect(jsonTokenEnd("", 1)).toBe(2);
    expect(jsonTokenEnd('"open', 1)).toBe(6);
  });
});
