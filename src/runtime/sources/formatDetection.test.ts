import { describe, expect, it } from "vitest";
import { chooseEventFormat, firstNonBlankIndex } from "./formatDetection.ts";

describe("chooseEventFormat", () => {
  it.each([
    [null, "[", "json", "content"],
    [null, "{", "jsonl", "content"],
    [null, "e", "csv", "content"],
    [null, null, "csv", "default"],
    ["a.json", "{", "jsonl", "content"],
    ["a.jsonl", "[", "json", "content"],
    ["a.ndjson", "x", "jsonl", "file name"],
    ["a.json", null, "json", "file name"],
    ["a.csv", "{", "csv", "file name"],
    ["a.txt", "{", "jsonl", "content"],
  ] as const)("name %j, first character %j → %s (by %s)", (fileName, firstChar, format, source) => {
    expect(chooseEventFormat(fileName, firstChar)).toEqual({ format, source });
  });
});

describe("firstNonBlankIndex", () => {
  it("skips whitespace and byte-order marks", () => {
    expect(firstNonBlankIndex("\uFEFF \r\n\t[")).toBe(5);
    expect(firstNonBlankIndex(" \n")).toBe(-1);
  });
});
