import { describe, expect, it } from "vitest";
import { minimalEdit } from "./textEdit.ts";

function apply(before: string, after: string): string {
  const edit = minimalEdit(before, after);
  if (edit === null) return before;
  return before.slice(0, edit.start) + edit.text + before.slice(edit.end);
}

describe("minimalEdit", () => {
  it("is null for equal texts", () => {
    expect(minimalEdit("abc", "abc")).toBeNull();
  });

  it("replaces only the changed middle", () => {
    expect(minimalEdit('"name": "begin"', '"name": "start"')).toEqual({ start: 9, end: 14, text: "start" });
    // A shared last letter stays: "first" → "start" only replaces "firs".
    expect(minimalEdit('"name": "first"', '"name": "start"')).toEqual({ start: 9, end: 13, text: "star" });
  });

  it("handles insertions and deletions at either end", () => {
    expect(minimalEdit("abc", "xabc")).toEqual({ start: 0, end: 0, text: "x" });
    expect(minimalEdit("abc", "abcx")).toEqual({ start: 3, end: 3, text: "x" });
    expect(minimalEdit("abc", "ac")).toEqual({ start: 1, end: 2, text: "" });
  });

  it("does not let the prefix and suffix overlap on repeated characters", () => {
    expect(minimalEdit("aaa", "aaaa")).toEqual({ start: 3, end: 3, text: "a" });
    expect(apply("aaa", "aa")).toBe("aa");
  });

  it("keeps surrogate pairs whole", () => {
    const edit = minimalEdit("x\u{1F600}y", "x\u{1F601}y");
    expect(edit).toEqual({ start: 1, end: 3, text: "\u{1F601}" });
  });

  it("always produces the target text", () => {
    const cases: [string, string][] = [
      ["", "abc"],
      ["abc", ""],
      ['{\n  "a": 1\n}', '{\n  "a": 12,\n  "b": 2\n}'],
      ["\u{1F600}\u{1F600}", "\u{1F600}"],
    ];
    for (const [before, after] of cases) expect(apply(before, after)).toBe(after);
  });
});
