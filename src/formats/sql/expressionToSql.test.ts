import { describe, expect, it } from "vitest";
import { parseExpression } from "../../expr/index.ts";
import { expressionToSql, type ExpressionScope } from "./expressionToSql.ts";

const scope: ExpressionScope = { rowVariable: "b", stage: "b", stages: new Set(["a", "b", "end"]) };

function sql(source: string, at: ExpressionScope = scope): string {
  const result = expressionToSql(parseExpression(source), at);
  if (!result.ok) throw new Error(result.reason);
  return result.sql;
}

function refusal(source: string): string {
  const result = expressionToSql(parseExpression(source), scope);
  if (result.ok) throw new Error(`translated: ${result.sql}`);
  return result.reason;
}

describe("expressionToSql: operators", () => {
  it.each([
    ["price > 10", "b.price > 10"],
    ["name == 'x' && price >= 1.5", "b.name = 'x' AND b.price >= 1.5"],
    ["a == 1 || b != 2 && c < 3", "b.a = 1 OR b.b <> 2 AND b.c < 3"],
    ["(a == 1 || b == 2) && c <= 3", "(b.a = 1 OR b.b = 2) AND b.c <= 3"],
    ["!(a == 1)", "NOT b.a = 1"],
    ["!(a == 1 && c == 2)", "NOT (b.a = 1 AND b.c = 2)"],
    ["!flag", "NOT b.flag"],
    ["a - (b - c) == 0", "b.a - (b.b - b.c) = 0"],
    ["a * (b + c) > -d", "b.a * (b.b + b.c) > -b.d"],
    ["a % 3 == 0", "MOD(b.a, 3) = 0"],
    ["a ** 2 > 4", "POWER(b.a, 2) > 4"],
    ["x == true", "b.x = TRUE"],
    ["0x1F == a", "31 = b.a"],
    ["a == 100N", "b.a = 100"],
    ["price > 2.5M", "b.price > 2.5"],
    ["c ? a > 1 : a < 1", "CASE WHEN b.c THEN b.a > 1 ELSE b.a < 1 END"],
    ["(a > 1) == (c > 1)", "(b.a > 1) = (b.c > 1)"],
  ])("%s", (source, expected) => {
    expect(sql(source)).toBe(expected);
  });

  it("writes nil comparisons as IS [NOT] NULL", () => {
    expect(sql("a == nil")).toBe("b.a IS NULL");
    expect(sql("nil != a")).toBe("b.a IS NOT NULL");
    expect(sql("a + 1 == nil")).toBe("b.a + 1 IS NULL");
  });

  it("concatenates with || when a side is a string", () => {
    expect(sql("name + '!' == 'x!'")).toBe("b.name || '!' = 'x!'");
    expect(sql("a + b == 3")).toBe("b.a + b.b = 3");
  });

  it("escapes strings and quotes identifiers", () => {
    expect(sql('name == "it\'s"')).toBe("b.name = 'it''s'");
    expect(sql("value == 1 && `end` == 2".replace("`end`", "timestamp"))).toBe(
      "b.`value` = 1 AND b.`timestamp` = 2",
    );
    expect(sql("x == 1", { ...scope, rowVariable: "end" })).toBe("`end`.x = 1");
  });

  it("anchors regex matches to the whole string, like Aviator", () => {
    expect(sql("name =~ /a.c/")).toBe("REGEXP(b.name, '\\A(?:a.c)\\z')");
    expect(sql("name =~ /it's/")).toBe("REGEXP(b.name, '\\A(?:it''s)\\z')");
  });

  it("flags comparisons where nil and NULL disagree", () => {
    const at = (source: string) => {
      const result = expressionToSql(parseExpression(source), scope);
      return result.ok && result.nullSensitive;
    };
    expect(at("a > 1 && a >= 2 && a == 3")).toBe(false);
    expect(at("a < 1")).toBe(true);
    expect(at("a != 'x'")).toBe(true);
  });
});

describe("expressionToSql: functions", () => {
  it.each([
    ["string.contains(name, 'ab')", "POSITION('ab' IN b.name) > 0"],
    ["string.startsWith(name, 'ab')", "b.name LIKE 'ab%'"],
    ["string.endsWith(name, 'ab')", "b.name LIKE '%ab'"],
    ["string.startsWith(name, '50%_!\\\\')", "b.name LIKE '50!%!_!!\\%' ESCAPE '!'"],
    ["string.startsWith(name, prefix)", "POSITION(b.prefix IN b.name) = 1"],
    ["string.length(name) > 3", "CHAR_LENGTH(b.name) > 3"],
    ["string.indexOf(name, 'x') == 2", "POSITION('x' IN b.name) - 1 = 2"],
    ["string.substring(name, 1, 3) == 'bc'", "SUBSTRING(b.name FROM 1 + 1 FOR 3 - 1) = 'bc'"],
    ["string.substring(name, 2) == 'c'", "SUBSTRING(b.name FROM 2 + 1) = 'c'"],
    ["math.abs(delta) < 5", "ABS(b.delta) < 5"],
    ["math.pow(a, 2) + math.sqrt(c) > math.log10(d)", "POWER(b.a, 2) + SQRT(b.c) > LOG10(b.d)"],
    ["math.log(a) > math.floor(c) - math.ceil(d)", "LN(b.a) > FLOOR(b.c) - CEIL(b.d)"],
    [
      "long(s) == 3 && str(n) == '3' && double(x) > 0.5",
      "CAST(b.s AS BIGINT) = 3 AND CAST(b.n AS STRING) = '3' AND CAST(b.x AS DOUBLE) > 0.5",
    ],
  ])("%s", (source, expected) => {
    expect(sql(source)).toBe(expected);
  });

  it("writes math.round as Java's Math.round (halves toward +∞), not SQL ROUND (halves away from zero)", () => {
    const result = expressionToSql(parseExpression("math.round(p - 1) == -2"), scope);
    expect(result.ok && result.sql).toBe("CAST(FLOOR(b.p - 1 + 0.5) AS BIGINT) = -2");
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe("expressionToSql: iterative conditions", () => {
  it("maps first/last/index over earlier stages to FIRST/LAST", () => {
    expect(sql("price < first(getEventsForPattern('a')).price")).toBe("b.price < FIRST(a.price)");
    expect(sql("price < last(getEventsForPattern('a')).price")).toBe("b.price < LAST(a.price)");
    expect(sql("price < getEventsForPattern('a')[2].price")).toBe("b.price < FIRST(a.price, 2)");
    expect(sql("x == first(getEventsForPattern('end')).y")).toBe("b.x = FIRST(`end`.y)");
  });

  it("reads the own stage's previous row as LAST(x, 1)", () => {
    expect(sql("price > last(getEventsForPattern('b')).price")).toBe("b.price > LAST(b.price, 1)");
    const first = expressionToSql(parseExpression("price > first(getEventsForPattern('b')).price"), scope);
    expect(first.ok && first.sql).toBe("b.price > FIRST(b.price)");
    expect(first.ok && first.warnings.length).toBe(1);
  });

  it("keeps the own stage's rows apart from the row under test in a filler's scope", () => {
    const filler: ExpressionScope = { ...scope, rowVariable: "gap" };
    expect(sql("price > last(getEventsForPattern('b')).price", filler)).toBe("gap.price > LAST(b.price)");
  });

  it("warns about nested field paths", () => {
    const result = expressionToSql(
      parseExpression("data.productId == first(getEventsForPattern('a')).data.productId"),
      scope,
    );
    expect(result.ok && result.sql).toBe("b.`data`.productId = FIRST(a.`data`.productId)");
    expect(result.ok && result.warnings).toHaveLength(2);
  });
});

describe("expressionToSql: refusals", () => {
  it.each([
    ["a & 1 == 1", "the bitwise operator '&' has no Flink SQL equivalent"],
    ["(a << 2) > 1", "the bitwise operator '<<' has no Flink SQL equivalent"],
    ["~a == 1", "the bitwise operator '~' has no Flink SQL equivalent"],
    ["a == (c ? nil : 1)", "nil is only translatable in '== nil' / '!= nil' comparisons"],
    [
      "config.limit < price",
      "'config.limit' reads the broadcast configuration, which Flink SQL does not have",
    ],
    ["count(getEventsForPattern('a')) > 2", "the function count() has no Flink SQL translation"],
    ["getEventsForPattern('zzz')[0].p == 1", "getEventsForPattern('zzz') names no stage of this pattern"],
    ["name =~ pattern", "'=~' is only translatable with a regex literal on its right"],
    ["string.endsWith(name, suffix)", "string.endsWith() is only translatable with a string literal suffix"],
    ["seq.every(xs, lambda(x) -> x > 1 end)", "the function seq.every() has no Flink SQL translation"],
  ])("%s", (source, reason) => {
    expect(refusal(source)).toBe(reason);
  });
});
