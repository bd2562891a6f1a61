import { describe, expect, it } from "vitest";
import type { GraphNode, Quantifier } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { ExportNote } from "../exportNote.ts";
import { seedBindings, seedRules } from "../java/seedRules.fixture.ts";
import { exportSql, type SqlExportOptions } from "./exportSql.ts";

const seedOptions: SqlExportOptions = {
  table: "click_stream",
  partitionBy: ["userId"],
  orderBy: "eventTime",
  bindings: seedBindings,
};
/** Apache Flink SQL has no NO SKIP; the seeds export once the caller picks a strategy. */
const skipToNext: SqlExportOptions = { ...seedOptions, afterMatch: AfterMatchSkip.skipToNext() };

const errors = (notes: readonly ExportNote[]) =>
  notes.filter((n) => n.severity === "error").map((n) => `${n.stage ?? "-"}: ${n.message}`);
const warnings = (notes: readonly ExportNote[]) =>
  notes.filter((n) => n.severity === "warning").map((n) => `${n.stage ?? "-"}: ${n.message}`);

/** The PATTERN line of a successful export. */
function patternOf(graph: GraphNode, options: SqlExportOptions = {}): string {
  const { sql, notes } = exportSql(graph, { afterMatch: AfterMatchSkip.skipPastLastEvent(), ...options });
  if (sql === null) throw new Error(errors(notes).join("\n"));
  return /PATTERN \((.*)\)/.exec(sql)?.[1] ?? "";
}

/** Error messages of a refused export. */
function refusedWith(graph: GraphNode, options: SqlExportOptions = {}): string[] {
  const { sql, notes } = exportSql(graph, { afterMatch: AfterMatchSkip.skipPastLastEvent(), ...options });
  expect(sql).toBeNull();
  return errors(notes);
}

const NULL_NOTE =
  "Aviator treats a missing field (nil) as smaller than every value and nil != x as true; in SQL those comparisons with NULL are UNKNOWN, so rows with NULL fields may match differently";
const NO_SKIP_ERROR =
  "-: after-match NO_SKIP has no equivalent in Apache Flink SQL (VVR ≥ 6.0.5 has AFTER MATCH NO SKIP); choose another strategy to export";

describe("exportSql: seed rules", () => {
  it.each([1, 2, 3, 4, 5] as const)("scenario %i as seeded (NO_SKIP) is refused", (n) => {
    const { sql, notes } = exportSql(seedRules[n], seedOptions);
    expect(sql).toBeNull();
    expect(errors(notes)).toContain(NO_SKIP_ERROR);
  });

  it("scenario 1: next within 5 minutes", () => {
    const { sql, notes } = exportSql(seedRules[1], skipToNext);
    expect(sql).toBe(
      [
        "SELECT *",
        "FROM click_stream",
        "  MATCH_RECOGNIZE (",
        "    PARTITION BY userId",
        "    ORDER BY eventTime",
        "    MEASURES",
        "      first_view.eventTime AS first_view_eventTime,",
        "      second_view.eventTime AS second_view_eventTime",
        "    ONE ROW PER MATCH",
        "    AFTER MATCH SKIP TO NEXT ROW",
        "    PATTERN (first_view second_view) WITHIN INTERVAL '5' MINUTE",
        "    DEFINE",
        "      first_view AS first_view.eventType = 'view',",
        "      second_view AS second_view.eventType = 'view'",
        "  ) AS T",
      ].join("\n"),
    );
    expect(notes).toEqual([
      {
        severity: "info",
        stage: null,
        message: "AFTER MATCH follows the export options (SKIP_TO_NEXT); the rule says NO_SKIP",
      },
    ]);
  });

  it("scenario 2: followedBy approximated with a filler variable, with a warning", () => {
    const { sql, notes } = exportSql(seedRules[2], skipToNext);
    expect(sql).toBe(
      [
        "SELECT *",
        "FROM click_stream",
        "  MATCH_RECOGNIZE (",
        "    PARTITION BY userId",
        "    ORDER BY eventTime",
        "    MEASURES",
        "      cart_add.eventTime AS cart_add_eventTime,",
        "      purchase.eventTime AS purchase_eventTime",
        "    ONE ROW PER MATCH",
        "    AFTER MATCH SKIP TO NEXT ROW",
        "    PATTERN (cart_add ignored_before_purchase*? purchase) WITHIN INTERVAL '30' MINUTE",
        "    DEFINE",
        "      cart_add AS cart_add.eventType = 'cart' AND cart_add.price > 200,",
        "      ignored_before_purchase AS (ignored_before_purchase.eventType = 'purchase') IS NOT TRUE,",
        "      purchase AS purchase.eventType = 'purchase'",
        "  ) AS T",
      ].join("\n"),
    );
    expect(warnings(notes)).toEqual([
      "purchase: followedBy has no MATCH_RECOGNIZE equivalent; approximated by the variable ignored_before_purchase*? before it, which takes exactly the rows 'purchase' rejects. Matches start and end on the same rows as in Flink CEP, but the skipped rows are part of the SQL match (aggregates in MEASURES see them)",
    ]);
  });

  it("scenario 3: times(3) with the JSON's relaxed inner contiguity is refused", () => {
    expect(errors(exportSql(seedRules[3], skipToNext).notes)).toEqual([
      "repeat_view: its inner contiguity is relaxed (skip till next), but SQL loops are always consecutive(); make the stage consecutive to export it",
    ]);
  });

  it("scenario 4: the iterative InitialCondition becomes FIRST(initial_view.…)", () => {
    const { sql, notes } = exportSql(seedRules[4], skipToNext);
    expect(sql).toBe(
      [
        "SELECT *",
        "FROM click_stream",
        "  MATCH_RECOGNIZE (",
        "    PARTITION BY userId",
        "    ORDER BY eventTime",
        "    MEASURES",
        "      initial_view.eventTime AS initial_view_eventTime,",
        "      view_price_drop.eventTime AS view_price_drop_eventTime,",
        "      cart_after_price_drop.eventTime AS cart_after_price_drop_eventTime",
        "    ONE ROW PER MATCH",
        "    AFTER MATCH SKIP TO NEXT ROW",
        "    PATTERN (initial_view view_price_drop cart_after_price_drop) WITHIN INTERVAL '10' MINUTE",
        "    DEFINE",
        "      initial_view AS initial_view.eventType = 'view',",
        "      view_price_drop AS view_price_drop.eventType = 'view' AND view_price_drop.productId = FIRST(initial_view.productId) AND view_price_drop.price < FIRST(initial_view.price),",
        "      cart_after_price_drop AS cart_after_price_drop.eventType = 'cart'",
        "  ) AS T",
      ].join("\n"),
    );
    expect(notes.map((n) => n.message)).toContain(NULL_NOTE);
  });

  it("scenario 5: notNext and the relaxed loop are refused, each named", () => {
    expect(errors(exportSql(seedRules[5], seedOptions).notes)).toEqual([
      "first_view: its inner contiguity is relaxed (skip till next), but SQL loops are always consecutive(); make the stage consecutive to export it",
      "purchase: notNext has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
      NO_SKIP_ERROR,
    ]);
  });

  it("refuses CLASS conditions without bindings", () => {
    const { sql, notes } = exportSql(seedRules[1], { ...skipToNext, bindings: {} });
    expect(sql).toBeNull();
    expect(errors(notes)).toEqual([
      "first_view: the CLASS condition com.alibaba.ververica.cep.demo.condition.FirstViewCondition has no SQL equivalent; bind it to an expression to export it",
      "second_view: the CLASS condition com.alibaba.ververica.cep.demo.condition.FirstViewCondition has no SQL equivalent; bind it to an expression to export it",
    ]);
  });
});

describe("exportSql: quantifiers", () => {
  const quantified = (build: (b: PatternBuilder) => PatternBuilder) =>
    build(PatternBuilder.begin("s").where("x == 0").next("a").where("x == 1")).next("z").build();

  it.each<[string, (b: PatternBuilder) => PatternBuilder, string]>([
    ["single", (b) => b, "a"],
    ["optional", (b) => b.optional(), "a?"],
    ["times(3)", (b) => b.times(3).consecutive(), "a{3}"],
    ["times(3) greedy", (b) => b.times(3).greedy().consecutive(), "a{3}"],
    ["times(2, 4)", (b) => b.times(2, 4).consecutive(), "a{2,4}?"],
    ["times(2, 4) greedy", (b) => b.times(2, 4).greedy().consecutive(), "a{2,4}"],
    ["times(0, 4)", (b) => b.times(0, 4).consecutive(), "a{0,4}?"],
    ["times(0, 4) greedy", (b) => b.times(0, 4).greedy().consecutive(), "a{0,4}"],
    ["times(0, 1)", (b) => b.times(0, 1).consecutive(), "a?"],
    ["oneOrMore", (b) => b.oneOrMore().consecutive(), "a+?"],
    ["oneOrMore greedy", (b) => b.oneOrMore().greedy().consecutive(), "a+"],
    ["oneOrMore optional", (b) => b.oneOrMore().optional().consecutive(), "a*?"],
    ["oneOrMore optional greedy", (b) => b.oneOrMore().optional().greedy().consecutive(), "a*"],
    ["timesOrMore(3)", (b) => b.timesOrMore(3).consecutive(), "a{3,}?"],
    ["timesOrMore(3) greedy", (b) => b.timesOrMore(3).greedy().consecutive(), "a{3,}"],
    ["times(1) relaxed: one event, contiguity irrelevant", (b) => b.times(1), "a{1}"],
  ])("%s", (_name, build, expected) => {
    expect(patternOf(quantified(build))).toBe(`s ${expected} z`);
  });

  it.each<[string, (b: PatternBuilder) => PatternBuilder, string]>([
    [
      "relaxed loop",
      (b) => b.oneOrMore(),
      "a: its inner contiguity is relaxed (skip till next), but SQL loops are always consecutive(); make the stage consecutive to export it",
    ],
    [
      "allowCombinations",
      (b) => b.times(2, 3).allowCombinations(),
      "a: its inner contiguity is allowCombinations(), but SQL loops are always consecutive(); make the stage consecutive to export it",
    ],
    [
      "optional timesOrMore(2)",
      (b) => b.timesOrMore(2).optional().consecutive(),
      "a: an optional timesOrMore(2) needs a group pattern, which Apache Flink SQL does not support",
    ],
    [
      "optional times(2, 3)",
      (b) => b.times(2, 3).optional().consecutive(),
      "a: an optional times(2, 3) needs a group pattern, which Apache Flink SQL does not support",
    ],
    [
      "until",
      (b) => b.oneOrMore().consecutive().until("x == 9"),
      "a: until() has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
    ],
    [
      "times windowTime",
      (b) => b.times(2, 3, 1_000).consecutive(),
      "a: a per-repetition window (times.windowTime) has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
    ],
  ])("refuses %s", (_name, build, message) => {
    expect(refusedWith(quantified(build))).toEqual([message]);
  });

  it("refuses a greedy last stage, which Flink SQL rejects", () => {
    const graph = PatternBuilder.begin("a").next("b").oneOrMore().greedy().consecutive().build();
    expect(refusedWith(graph)).toEqual([
      'b: a greedy quantifier on the last stage is rejected by Flink SQL ("Greedy quantifiers are not allowed as the last element of a Pattern yet"); make it reluctant (not greedy)',
    ]);
    expect(patternOf(PatternBuilder.begin("a").next("b").oneOrMore().consecutive().build())).toBe("a b+?");
  });

  it("refuses patterns that can match nothing", () => {
    const graph = PatternBuilder.begin("a").optional().next("b").oneOrMore().optional().consecutive().build();
    expect(refusedWith(graph)).toEqual([
      "-: every stage is optional, so the pattern can match nothing; Flink SQL rejects patterns that can produce empty matches",
    ]);
  });

  it("refuses GREEDY on a single stage", () => {
    const base = PatternBuilder.begin("a").build();
    const quantifier: Quantifier = {
      consumingStrategy: "SKIP_TILL_NEXT",
      properties: ["SINGLE", "GREEDY"],
      times: null,
      untilCondition: null,
    };
    const graph: GraphNode = { ...base, nodes: [{ type: "ATOMIC", name: "a", condition: null, quantifier }] };
    expect(refusedWith(graph)).toEqual([
      "a: GREEDY on a single stage is malformed (Flink: not applicable to singleton quantifier)",
    ]);
  });
});

describe("exportSql: contiguity", () => {
  it.each<[string, (b: PatternBuilder) => PatternBuilder, string]>([
    [
      "followedByAny",
      (b) => b.followedByAny("b"),
      "b: followedByAny has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (SQL never lets a row that matches be skipped)",
    ],
    [
      "notNext",
      (b) => b.notNext("b").next("c"),
      "b: notNext has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
    ],
    [
      "notFollowedBy",
      (b) => b.notFollowedBy("b").next("c"),
      "b: notFollowedBy has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
    ],
  ])("refuses %s", (_name, build, message) => {
    expect(refusedWith(build(PatternBuilder.begin("a").where("x == 1")).where("x == 2").build())).toEqual([
      message,
    ]);
  });

  it("needs no filler when followedBy leads to a stage without a condition", () => {
    const graph = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("x == 1")
      .followedBy("b")
      .build();
    const { sql, notes } = exportSql(graph, { partitionBy: ["k"] });
    expect(sql).toContain("PATTERN (a b)");
    expect(notes).toEqual([]);
  });

  it("refuses followedBy into an optional stage and after a greedy one", () => {
    const intoOptional = PatternBuilder.begin("a")
      .followedBy("b")
      .where("x == 1")
      .optional()
      .next("c")
      .build();
    expect(refusedWith(intoOptional)).toEqual([
      "b: followedBy into an optional stage has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (it would need a group pattern)",
    ]);
    const afterGreedy = PatternBuilder.begin("a")
      .oneOrMore()
      .greedy()
      .consecutive()
      .followedBy("b")
      .where("x == 1")
      .build();
    expect(refusedWith(afterGreedy)).toEqual([
      "b: followedBy after a greedy stage cannot be approximated: Flink SQL rejects the optional filler variable after a greedy one",
    ]);
  });

  it("names the filler so it collides with no stage", () => {
    const graph = PatternBuilder.begin("ignored_before_b").next("a").followedBy("b").where("x == 1").build();
    expect(patternOf(graph)).toBe("ignored_before_b a ignored_before_b_2*? b");
  });

  it("refuses group patterns", () => {
    const graph = PatternBuilder.begin("a").next(PatternBuilder.begin("b").next("c")).build();
    expect(refusedWith(graph)).toEqual([
      'c: group patterns have no MATCH_RECOGNIZE equivalent in Apache Flink SQL ("Group patterns are not supported yet")',
    ]);
  });
});

describe("exportSql: after match, window, conditions", () => {
  it.each([
    [AfterMatchSkip.skipToNext(), "SKIP TO NEXT ROW"],
    [AfterMatchSkip.skipPastLastEvent(), "SKIP PAST LAST ROW"],
    [AfterMatchSkip.skipToFirst("b"), "SKIP TO FIRST b"],
    [AfterMatchSkip.skipToLast("end"), "SKIP TO LAST `end`"],
  ])("AFTER MATCH for %o", (skip, expected) => {
    const graph = PatternBuilder.begin("a", skip).next("b").next("end").build();
    expect(exportSql(graph).sql).toContain(`    AFTER MATCH ${expected}\n`);
  });

  it("refuses SKIP TO FIRST/LAST where SQL's throwExceptionOnMiss() would fail the job", () => {
    const refusedWith = (graph: GraphNode) => {
      const { sql, notes } = exportSql(graph);
      expect(sql).toBeNull();
      return errors(notes);
    };
    const optional = PatternBuilder.begin("a", AfterMatchSkip.skipToLast("b"))
      .next("b")
      .optional()
      .next("c")
      .build();
    expect(refusedWith(optional)).toEqual([
      "b: Flink SQL skips with throwExceptionOnMiss(), so a match without this optional stage fails the job where Flink CEP does not skip; choose another strategy to export",
    ]);
    const ownFirst =
      "Flink SQL skips with throwExceptionOnMiss(), so skipping to the match's own first row " +
      '("Could not skip to first element of a match.") fails the job where Flink CEP does not skip; choose another strategy to export';
    const first = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("a")).next("b").build();
    expect(refusedWith(first)).toEqual([`a: ${ownFirst}`]);
    // After an optional first stage, the target's first row can still be the match's first.
    const afterOptional = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("b"))
      .optional()
      .next("b")
      .build();
    expect(refusedWith(afterOptional)).toEqual([`b: ${ownFirst}`]);
    const lastOfSingle = PatternBuilder.begin("a", AfterMatchSkip.skipToLast("a")).next("b").build();
    expect(refusedWith(lastOfSingle)).toEqual([
      "a: Flink SQL skips with throwExceptionOnMiss(), so skipping to the match's own first row, its only row of this stage " +
        '("Could not skip to first element of a match.") fails the job where Flink CEP does not skip; choose another strategy to export',
    ]);
    // A begin stage of at least 3 rows never ends on the match's first row.
    const lastOfThree = PatternBuilder.begin("a", AfterMatchSkip.skipToLast("a"))
      .times(3)
      .consecutive()
      .next("b")
      .build();
    expect(exportSql(lastOfThree).sql).toContain("AFTER MATCH SKIP TO LAST a\n");
  });

  it("refuses patterns Flink CEP itself rejects, naming Flink's rule", () => {
    // The planner would call b.optional() after a.greedy() and throw the same way.
    const graph = PatternBuilder.begin("a")
      .times(2, 3)
      .consecutive()
      .greedy()
      .next("b")
      .optional()
      .next("c")
      .build();
    expect(refusedWith(graph)).toEqual([
      "b: Flink rejects this pattern: Optional pattern cannot be preceded by greedy pattern ('a' is greedy)",
    ]);
  });

  it("refuses NO_SKIP, an unknown skip target and a PREVIOUS_AND_CURRENT window", () => {
    expect(errors(exportSql(PatternBuilder.begin("a").build()).notes)).toEqual([NO_SKIP_ERROR]);
    const unknown = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("zz")).build();
    expect(errors(exportSql(unknown).notes)).toEqual([
      "-: SKIP_TO_FIRST names 'zz', which is not a stage of the pattern",
    ]);
    const window = PatternBuilder.begin("a").next("b").within(60_000, "PREVIOUS_AND_CURRENT").build();
    expect(refusedWith(window)).toEqual([
      "-: a PREVIOUS_AND_CURRENT window has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (WITHIN is first-to-last)",
    ]);
  });

  it("writes no WITHIN without a window, RichAnd/Or/Not as AND/OR/NOT", () => {
    const graph = PatternBuilder.begin("a", AfterMatchSkip.skipPastLastEvent())
      .where("x == 1")
      .where("y == 2")
      .or({ type: "not", inner: { type: "aviator", expression: "z == 3 || z == 4" } })
      .build();
    const sql = exportSql(graph).sql ?? "";
    expect(sql).toContain("    PATTERN (a)\n");
    expect(sql).toContain("      a AS ((a.x = 1) AND (a.y = 2)) OR (NOT (a.z = 3 OR a.z = 4))\n");
  });

  it.each([
    [
      { type: "subtype", className: "x", subClassName: "com.x.Sub" },
      "a: the SubType condition (com.x.Sub) has no SQL equivalent: a table's rows have one type",
    ],
    [{ type: "groovy", expression: "x == 1" }, "a: GROOVY conditions have no Flink SQL translation"],
    [{ type: "aviator", expression: "x ==" }, /^a: the condition does not parse \(1:5: .*\): x ==$/],
    [
      { type: "aviator", expression: "x & 1 == 1" },
      "a: the condition cannot be written in Flink SQL: the bitwise operator '&' has no Flink SQL equivalent (in: x & 1 == 1)",
    ],
  ] as const)("refuses the condition %o", (condition, message) => {
    const graph = PatternBuilder.begin("a").where(condition).build();
    const [error] = refusedWith(graph);
    if (typeof message === "string") expect(error).toBe(message);
    else expect(error).toMatch(message);
  });

  it("translates bound CLASS conditions and drops constructor args with a warning", () => {
    const graph = PatternBuilder.begin("a", AfterMatchSkip.skipToNext())
      .where({ type: "class", className: "com.x.Cond", args: ["5"] })
      .build();
    const { sql, notes } = exportSql(graph, { bindings: { "com.x.Cond": "price > 5" } });
    expect(sql).toContain("      a AS a.price > 5\n");
    expect(warnings(notes)).toEqual([
      "a: the constructor arguments of com.x.Cond are not part of its bound expression and are dropped",
    ]);
  });
});

describe("exportSql: names and options", () => {
  it("quotes reserved and unusual names everywhere", () => {
    const graph = PatternBuilder.begin("start", AfterMatchSkip.skipToFirst("my end"))
      .where("value > 1")
      .next("my end")
      .where("x == first(getEventsForPattern('start')).x")
      .build();
    const { sql } = exportSql(graph, {
      table: "cat.default.events",
      partitionBy: ["user id"],
      orderBy: "time",
    });
    expect(sql).toBe(
      [
        "SELECT *",
        "FROM cat.`default`.events",
        "  MATCH_RECOGNIZE (",
        "    PARTITION BY `user id`",
        "    ORDER BY `time`",
        "    MEASURES",
        "      `start`.`time` AS start_time,",
        "      `my end`.`time` AS `my end_time`",
        "    ONE ROW PER MATCH",
        "    AFTER MATCH SKIP TO FIRST `my end`",
        "    PATTERN (`start` `my end`)",
        "    DEFINE",
        "      `start` AS `start`.`value` > 1,",
        "      `my end` AS `my end`.x = FIRST(`start`.x)",
        "  ) AS T",
      ].join("\n"),
    );
  });

  it("takes measures as given and defaults sensibly", () => {
    const graph = PatternBuilder.begin("a", AfterMatchSkip.skipToNext())
      .oneOrMore()
      .consecutive()
      .next("b")
      .build();
    const custom = exportSql(graph, {
      measures: [{ expression: "COUNT(a.id)", alias: "n" }],
      partitionBy: ["k"],
    });
    expect(custom.sql).toContain("    MEASURES\n      COUNT(a.id) AS n\n    ONE ROW PER MATCH");
    const defaults = exportSql(graph);
    expect(defaults.sql).toContain(
      "    MEASURES\n      FIRST(a.rowtime) AS a_first_rowtime,\n      LAST(a.rowtime) AS a_last_rowtime,\n      b.rowtime AS b_rowtime\n",
    );
    expect(defaults.sql).toContain("FROM events\n");
    expect(defaults.notes).toEqual([
      {
        severity: "info",
        stage: null,
        message:
          "no PARTITION BY: the query runs with parallelism 1 over all rows; give the columns your job keys by",
      },
    ]);
  });
});
