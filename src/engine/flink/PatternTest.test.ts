/**
 * Port of Apache Flink CEP's `PatternTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/pattern/PatternTest.java, the
 * Flink 2.x revision), method by method, in Flink's order.
 *
 * Flink builds `Pattern` objects with the Java API and looks at them, or expects the API call to
 * throw. Here the pattern is written as dynamic-CEP JSON and read back the way users' patterns
 * are, then:
 * - the construction tests walk the `Pattern` chain `GraphSpec.toPattern` builds (`getPrevious()`,
 *   `getName()`, `getQuantifier().getConsumingStrategy()`, `getCondition()`);
 * - the tests that expect `MalformedPatternException` / `IllegalArgumentException` expect our
 *   import or `compilePattern` to reject the JSON, at the JSON path of the offending field. A JSON
 *   stage cannot call the API twice, so the rule is checked on the JSON that says the same thing
 *   (a quantifier that is both LOOPING and TIMES; a NOT edge into a looping stage).
 *
 * Skipped (the JSON cannot say them): `testPatternCanHaveQuantifierSpecifiedOnce1`, `…4` and `…5`
 * call `oneOrMore()` twice on one stage, and `testUntilCannotBeAppliedTwice` calls `until` twice;
 * a quantifier's `properties` is a set and it has one `untilCondition`.
 *
 * `dummyCondition()` (`value -> true`) is the expression `true`; Mockito's `mock(IterativeCondition)`
 * any expression.
 */
import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import type { GraphNode, PatternNode, Quantifier } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { exportGraphSpec, importGraphSpec } from "../../formats/dynamicCep/index.ts";
import { compilePattern, MalformedPatternError } from "../index.ts";
import { graphToPattern } from "../compiler/graphToPattern.ts";
import type { FlinkPattern } from "../compiler/flinkPattern.ts";
import type { IterativeCondition } from "../compiler/iterativeCondition.ts";
import { SUB_EVENT_BINDINGS, SUBTYPE_SUB_EVENT } from "../operator/testing/flinkOperatorFixtures.ts";
import { roundTripThroughJson } from "../testing/jsonRoundTrip.ts";

const DUMMY_CONDITION = "true";

/** The pattern chain as `GraphSpec.toPattern` builds it from the JSON: the last pattern. */
function patternOf(pattern: PatternBuilder): FlinkPattern {
  return graphToPattern(roundTripThroughJson(pattern.build())).lastPattern;
}

/** `getPrevious()`, which Flink's test asserts is not null. */
function previousOf(pattern: FlinkPattern): FlinkPattern {
  const previous = pattern.previous;
  if (previous === null) throw new Error(`'${pattern.name}' has no previous pattern`);
  return previous;
}

/** The model condition a `where` / `or` / `subtype` put on the pattern, if any. */
function userCondition(condition: IterativeCondition): Condition | null {
  return condition.kind === "user" ? condition.condition : null;
}

/** `getCondition() instanceof RichOrCondition` and friends. */
function conditionType(pattern: FlinkPattern): Condition["type"] | null {
  return userCondition(pattern.condition)?.type ?? null;
}

/**
 * Where the users' path rejects `graph`: the JSON paths of the import errors, or of the
 * `MalformedPatternError` diagnostics of `compilePattern`; empty when the pattern is accepted.
 */
function rejectedAt(graph: GraphNode): Array<{ path: string; message: string }> {
  const imported = importGraphSpec(JSON.parse(JSON.stringify(exportGraphSpec(graph))) as unknown);
  if (!imported.ok) return imported.errors.map(({ path, message }) => ({ path, message }));
  try {
    compilePattern(imported.value, { bindings: SUB_EVENT_BINDINGS });
    return [];
  } catch (error) {
    if (!(error instanceof MalformedPatternError)) throw error;
    return error.diagnostics.map(({ path, message }) => ({ path, message }));
  }
}

/** Expects the users' path to reject `pattern` at `path`, with a message containing `message`. */
function expectRejected(pattern: PatternBuilder | GraphNode, path: string, message = ""): void {
  const graph = pattern instanceof PatternBuilder ? pattern.build() : pattern;
  expect(rejectedAt(graph)).toContainEqual({ path, message: expect.stringContaining(message) as string });
}

/** The graph with the quantifier of its node `name` replaced (what the Java API cannot build). */
function withQuantifier(graph: GraphNode, name: string, quantifier: Quantifier): GraphNode {
  const nodes = graph.nodes.map((node): PatternNode => (node.name === name ? { ...node, quantifier } : node));
  return { ...graph, nodes, quantifier: graph.nodes[0]?.name === name ? quantifier : graph.quantifier };
}

/** The JSON path of the (only-built) node `name` of `graph`. */
function nodePath(graph: GraphNode, name: string): string {
  const index = graph.nodes.findIndex((node) => node.name === name);
  if (index < 0) throw new Error(`no node ${name}`);
  return `nodes[${index}]`;
}

describe("PatternTest", () => {
  it("testStrictContiguity", () => {
    const pattern = patternOf(PatternBuilder.begin("start").next("next").next("end"));
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("next");
    expect(previous2.name).toBe("start");
  });

  it("testNonStrictContiguity", () => {
    const pattern = patternOf(PatternBuilder.begin("start").followedBy("next").followedBy("end"));
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    expect(pattern.quantifier.consumingStrategy).toBe("SKIP_TILL_NEXT");
    expect(previous.quantifier.consumingStrategy).toBe("SKIP_TILL_NEXT");

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("next");
    expect(previous2.name).toBe("start");
  });

  it("testStrictContiguityWithCondition", () => {
    const pattern = patternOf(
      PatternBuilder.begin("start").next("next").where("name == 'foobar'").next("end").where("id == 42"),
    );
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    // getCondition() is never null: a stage without `where` gets BooleanConditions.trueFunction().
    expect(pattern.condition).not.toBeNull();
    expect(previous.condition).not.toBeNull();
    expect(previous2.condition).toEqual({ kind: "true" });

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("next");
    expect(previous2.name).toBe("start");
  });

  it("testPatternWithSubtyping", () => {
    const pattern = patternOf(
      PatternBuilder.begin("start").next("subevent").where(SUBTYPE_SUB_EVENT).followedBy("end"),
    );
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    expect(conditionType(previous)).toBe("subtype");

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("subevent");
    expect(previous2.name).toBe("start");
  });

  it("testPatternWithSubtypingAndFilter", () => {
    const pattern = patternOf(
      PatternBuilder.begin("start")
        .next("subevent")
        .where(SUBTYPE_SUB_EVENT)
        .where("false")
        .followedBy("end"),
    );
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    expect(pattern.quantifier.consumingStrategy).toBe("SKIP_TILL_NEXT");
    expect(userCondition(previous.condition)).not.toBeNull();

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("subevent");
    expect(previous2.name).toBe("start");
  });

  it("testPatternWithOrFilter", () => {
    const pattern = patternOf(
      PatternBuilder.begin("start").where("false").or("false").next("or").or("false").followedBy("end"),
    );
    const previous = previousOf(pattern);
    const previous2 = previousOf(previous);
    expect(previous2.previous).toBeNull();

    expect(pattern.quantifier.consumingStrategy).toBe("SKIP_TILL_NEXT");
    // `or` on a stage without a condition sets it; on one with a condition it makes a RichOrCondition.
    expect(conditionType(previous)).not.toBe("or");
    expect(conditionType(previous2)).toBe("or");

    expect(pattern.name).toBe("end");
    expect(previous.name).toBe("or");
    expect(previous2.name).toBe("start");
  });

  it("testRichCondition", () => {
    const pattern = patternOf(
      PatternBuilder.begin("start")
        .where("price > 1")
        .where("price < 5")
        .followedBy("end")
        .where("name == 'a'")
        .or("name == 'b'"),
    );
    expect(conditionType(pattern)).toBe("or");
    expect(conditionType(previousOf(pattern))).toBe("and");
  });

  it("testPatternTimesNegativeTimes", () => {
    const pattern = PatternBuilder.begin("start").where(DUMMY_CONDITION).times(-1);
    expectRejected(pattern, `${nodePath(pattern.build(), "start")}.quantifier.times.from`);
  });

  it("testPatternTimesNegativeFrom", () => {
    const pattern = PatternBuilder.begin("start").where(DUMMY_CONDITION).times(-1, 2);
    expectRejected(pattern, `${nodePath(pattern.build(), "start")}.quantifier.times.from`);
  });

  it("testPatternCanHaveQuantifierSpecifiedOnce2", () => {
    // oneOrMore().optional().times(1): a quantifier that is LOOPING, OPTIONAL and TIMES.
    const graph = PatternBuilder.begin("start").where(DUMMY_CONDITION).build();
    const invalid = withQuantifier(graph, "start", {
      consumingStrategy: "SKIP_TILL_NEXT",
      properties: ["LOOPING", "TIMES", "OPTIONAL"],
      times: { from: 1, to: 1, windowTime: null },
      untilCondition: null,
    });
    expectRejected(invalid, "nodes[0].quantifier.properties", "Already applied quantifier to this Pattern");
  });

  it("testPatternCanHaveQuantifierSpecifiedOnce3", () => {
    // times(1).oneOrMore(): a quantifier that is TIMES and LOOPING.
    const graph = PatternBuilder.begin("start").where(DUMMY_CONDITION).build();
    const invalid = withQuantifier(graph, "start", {
      consumingStrategy: "SKIP_TILL_NEXT",
      properties: ["LOOPING", "TIMES"],
      times: { from: 1, to: 1, windowTime: null },
      untilCondition: null,
    });
    expectRejected(invalid, "nodes[0].quantifier.properties", "Already applied quantifier to this Pattern");
  });

  const notPatterns = [
    ["NotNext", (p: PatternBuilder) => p.notNext("not")],
    ["NotFollowed", (p: PatternBuilder) => p.notFollowedBy("not")],
  ] as const;
  for (const [name, not] of notPatterns) {
    // A NOT stage carries no quantifier: checkIfNoNotPattern() / "NOT pattern cannot be optional".
    const cases = [
      [
        `test${name}CannotBeOneOrMore`,
        (p: PatternBuilder) => p.oneOrMore(),
        "Option not applicable to NOT pattern",
      ],
      [`test${name}CannotBeTimes`, (p: PatternBuilder) => p.times(3), "Option not applicable to NOT pattern"],
      [`test${name}CannotBeOptional`, (p: PatternBuilder) => p.optional(), "NOT pattern cannot be optional"],
    ] as const;
    for (const [method, quantify, message] of cases) {
      it(method, () => {
        const pattern = quantify(
          not(PatternBuilder.begin("start").where(DUMMY_CONDITION)).where(DUMMY_CONDITION),
        );
        expectRejected(pattern, `${nodePath(pattern.build(), "not")}.quantifier.properties`, message);
      });
    }
  }

  it("testUntilCannotBeAppliedToTimes", () => {
    const pattern = PatternBuilder.begin("start").where(DUMMY_CONDITION).times(1).until(DUMMY_CONDITION);
    expectRejected(
      pattern,
      `${nodePath(pattern.build(), "start")}.quantifier.untilCondition`,
      "The until condition is only applicable to looping states.",
    );
  });

  it("testUntilCannotBeAppliedToSingleton", () => {
    const pattern = PatternBuilder.begin("start").where(DUMMY_CONDITION).until(DUMMY_CONDITION);
    expectRejected(
      pattern,
      `${nodePath(pattern.build(), "start")}.quantifier.untilCondition`,
      "The until condition is only applicable to looping states.",
    );
  });
});
