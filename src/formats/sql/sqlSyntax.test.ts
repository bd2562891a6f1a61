import { describe, expect, it } from "vitest";
import { sqlIdentifier, sqlInterval, sqlPath, sqlString } from "./sqlSyntax.ts";

describe("sqlIdentifier", () => {
  it.each([
    ["first_view", "first_view"],
    ["Price2", "Price2"],
    ["start", "`start`"],
    ["END", "`END`"],
    ["value", "`value`"],
    ["pattern", "`pattern`"],
    ["_x", "`_x`"],
    ["1st", "`1st`"],
    ["my stage", "`my stage`"],
    ["a`b", "`a``b`"],
    ["vue\u00e9", "`vue\u00e9`"],
    ["", "``"],
  ])("%j → %s", (name, expected) => {
    expect(sqlIdentifier(name)).toBe(expected);
  });

  it("quotes each part of a path", () => {
    expect(sqlPath("cat.db.events")).toBe("cat.db.events");
    expect(sqlPath("default.my table")).toBe("`default`.`my table`");
  });
});

describe("sqlString", () => {
  it("doubles quotes and leaves backslashes alone", () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("a\\b")).toBe("'a\\b'");
    expect(sqlString("")).toBe("''");
  });
});

describe("sqlInterval", () => {
  it.each([
    [5 * 60_000, "INTERVAL '5' MINUTE"],
    [7 * 86_400_000, "INTERVAL '7' DAY"],
    [2 * 3_600_000, "INTERVAL '2' HOUR"],
    [90 * 60_000, "INTERVAL '90' MINUTE"],
    [45_000, "INTERVAL '45' SECOND"],
    [120 * 86_400_000, "INTERVAL '120' DAY(3)"],
    [1_500, "INTERVAL '1.500' SECOND"],
    [250, "INTERVAL '0.250' SECOND"],
    [123_456, "INTERVAL '123.456' SECOND(3, 3)"],
  ])("%i ms → %s", (millis, expected) => {
    expect(sqlInterval(millis)).toBe(expected);
  });
});
