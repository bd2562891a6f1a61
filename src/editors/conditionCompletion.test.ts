import { describe, expect, it } from "vitest";
import { conditionCompletions, lexicalStateAt } from "./conditionCompletion.ts";

const sources = {
  eventFields: ["eventType", "price", "data.productId"],
  configKeys: ["minPrice"],
  stageNames: ["first_view", "cart"],
};

function at(textWithCursor: string, byTriggerCharacter = false) {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.replace("|", "");
  return conditionCompletions(text, offset, sources, byTriggerCharacter);
}

describe("conditionCompletions", () => {
  it("offers fields, config keys, builtin functions and keywords for a name", () => {
    const items = at("price > 10 && ev|");
    expect(items.find((i) => i.label === "eventType")).toMatchObject({ kind: "field", start: 14, end: 16 });
    expect(items.find((i) => i.label === "config.minPrice")?.kind).toBe("config");
    expect(items.find((i) => i.label === "string.contains")).toMatchObject({
      kind: "function",
      insertText: "string.contains($1)",
      snippet: true,
      detail: "string.contains(s, part)",
    });
    expect(items.find((i) => i.label === "nil")?.kind).toBe("keyword");
  });

  it("replaces a dotted name from its start", () => {
    const item = at("string.con|").find((i) => i.label === "string.contains");
    expect(item).toMatchObject({ start: 0, end: 10 });
  });

  it("offers stage names inside getEventsForPattern's string", () => {
    const items = at("count(getEventsForPattern('fi|')) > 1");
    expect(items.map((i) => i.label)).toEqual(["first_view", "cart"]);
    expect(items[0]).toMatchObject({ kind: "stage", insertText: "first_view", start: 27, end: 29 });
  });

  it("offers quoted stage names right after getEventsForPattern(", () => {
    expect(at("getEventsForPattern(|")[0]).toMatchObject({ insertText: "'first_view'" });
  });

  it("asks for the stage again after inserting getEventsForPattern", () => {
    const item = at("getEv|").find((i) => i.label === "getEventsForPattern");
    expect(item).toMatchObject({ insertText: "getEventsForPattern('$1')", retrigger: true });
  });

  it("offers only configuration keys after config.", () => {
    const items = at("price > config.|");
    expect(items.map((i) => i.label)).toEqual(["config.minPrice"]);
    expect(items[0]).toMatchObject({ start: 8, end: 15 });
  });

  it("offers event fields after a call's dot, nothing after a number's", () => {
    expect(at("first(getEventsForPattern('cart')).|").map((i) => i.kind)).toEqual([
      "field",
      "field",
      "field",
    ]);
    expect(at("1.|")).toEqual([]);
  });

  it("opens for a trigger character only where that character asks for something", () => {
    expect(at("eventType == 'view'|", true)).toEqual([]);
    expect(at("count(|", true)).toEqual([]);
    expect(at("getEventsForPattern('|", true).map((i) => i.label)).toEqual(["first_view", "cart"]);
    expect(at("config.|", true).map((i) => i.label)).toEqual(["config.minPrice"]);
    expect(at("price > 1 && |")).not.toEqual([]);
  });

  it("offers nothing inside other strings, regexes and comments", () => {
    expect(at("eventType == 'vi|'")).toEqual([]);
    expect(at("eventType =~ /vi|/")).toEqual([]);
    expect(at("## note: pri|\n")).toEqual([]);
  });
});

describe("lexicalStateAt", () => {
  it("follows strings with escapes, regex literals after =~ and comments", () => {
    expect(lexicalStateAt("a == 'it\\'s")).toBe("string");
    expect(lexicalStateAt("a == 'x' && b")).toBe("code");
    expect(lexicalStateAt("a =~ /x\\/")).toBe("regex");
    expect(lexicalStateAt("a =~ /x/ && ")).toBe("code");
    expect(lexicalStateAt("a / 2")).toBe("code");
    expect(lexicalStateAt("## c")).toBe("comment");
    expect(lexicalStateAt("## c\nx")).toBe("code");
  });
});
