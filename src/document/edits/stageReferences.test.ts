import { describe, expect, it } from "vitest";
import { renameInExpression } from "./stageReferences.ts";

const rename = (expression: string, from: string, to: string) =>
  renameInExpression(expression, new Map([[from, to]]));

describe("renameInExpression", () => {
  it("rewrites only getEventsForPattern arguments, every occurrence, keeping the rest of the text", () => {
    expect(
      rename(
        "productId == first(getEventsForPattern('initial_view')).productId &&\n  price <   last(getEventsForPattern(\"initial_view\")).price && s == 'initial_view'",
        "initial_view",
        "first_view",
      ),
    ).toBe(
      "productId == first(getEventsForPattern('first_view')).productId &&\n  price <   last(getEventsForPattern('first_view')).price && s == 'initial_view'",
    );
  });

  it("quotes new names that need escaping", () => {
    expect(rename("count(getEventsForPattern('a')) > 1", "a", "it's")).toBe(
      "count(getEventsForPattern('it\\'s')) > 1",
    );
  });

  it("returns the same string when nothing refers to the stage, or it does not parse", () => {
    const untouched = "getEventsForPattern('b') != nil";
    expect(rename(untouched, "a", "c")).toBe(untouched);
    const broken = "getEventsForPattern('a') &&";
    expect(rename(broken, "a", "c")).toBe(broken);
  });

  it("applies several renames at once without chaining them", () => {
    const renames = new Map([
      ["a", "b"],
      ["b", "c"],
    ]);
    expect(renameInExpression("getEventsForPattern('a') == getEventsForPattern('b')", renames)).toBe(
      "getEventsForPattern('b') == getEventsForPattern('c')",
    );
  });
});
