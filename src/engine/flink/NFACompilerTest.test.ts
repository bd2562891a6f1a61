/**
 * Port of Apache Flink CEP's `NFACompilerTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/compiler/NFACompilerTest.java,
 * the Flink 2.x revision), method by method, in Flink's order.
 *
 * Patterns travel the users' path (dynamic-CEP JSON text and back). Where Flink calls
 * `compile(pattern)` and expects a `MalformedPatternException`, we compile with `compilePattern`
 * and expect a `MalformedPatternError` carrying Flink's message. Where it inspects
 * `NFAFactoryCompiler.getStates()`, we inspect the states `compileStates` builds from the
 * pattern chain (`GraphSpec.toPattern`, then `NFACompiler`).
 *
 * `testCheckingEmptyMatches` tests `NFACompiler.canProduceEmptyMatches`, which Flink calls from
 * one place: the SQL planner, to reject `MATCH_RECOGNIZE` patterns that can match nothing. Our
 * SQL export makes that decision, so the port checks it there.
 *
 * Skipped (not expressible in dynamic-CEP JSON): `testWindowTimeCorrectlySet`,
 * `testWindowTimesCorrectlySet`, `testMultipleWindowTimeWithZeroLength` and
 * `testCheckPatternWindowTimes` put `within(…)` on middle stages (`followedBy("middle").within(10 s)
 * .followedBy("then").within(20 s)…`); a GraphSpec has one window per graph, on its last stage.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import { exportSql } from "../../formats/sql/index.ts";
import { compilePattern, MalformedPatternError, type CompiledNFA } from "../index.ts";
import { graphToPattern } from "../compiler/graphToPattern.ts";
import { compileStates, ENDING_STATE_NAME } from "../compiler/nfaCompiler.ts";
import type { State } from "../compiler/state.ts";
import { SUB_EVENT_BINDINGS, SUBTYPE_SUB_EVENT } from "../operator/testing/flinkOperatorFixtures.ts";
import { roundTripThroughJson } from "../testing/jsonRoundTrip.ts";

/** `startFilter`: `value.getPrice() > 2`. */
const START_FILTER = "price > 2";
/** `endFilter`: `value.getName().equals("end")`. */
const END_FILTER = "name == 'end'";
/**
 * `TestFilter`, which throws if it is ever evaluated: a Java class with no binding here, so it
 * could not be evaluated either. The patterns that use it must be rejected at compile time.
 */
const TEST_FILTER = { type: "class", className: "org.apache.flink.cep.nfa.compiler.TestFilter" } as const;

/** `compile(pattern, false)` on the pattern as it comes back from its JSON text. */
function compile(pattern: PatternBuilder): CompiledNFA {
  return compilePattern(roundTripThroughJson(pattern.build()), { bindings: SUB_EVENT_BINDINGS });
}

/** `new NFAFactoryCompiler<>(pattern).compileFactory(); getStates()`, by name. */
function statesOf(pattern: PatternBuilder): Map<string, State> {
  const { states } = compileStates(graphToPattern(roundTripThroughJson(pattern.build())).lastPattern);
  const byName = new Map<string, State>();
  for (const state of states) byName.set(state.name, state);
  expect(byName.size).toBe(states.length);
  return byName;
}

function stateNamed(states: Map<string, State>, name: string): State {
  const state = states.get(name);
  if (state === undefined) throw new Error(`no state named ${name}`);
  return state;
}

/** `unfoldTransitions`: the set of (target state name, action). */
function unfoldTransitions(state: State): Set<string> {
  return new Set(state.stateTransitions.map((t) => `${t.targetState.name} ${t.action}`));
}

/**
 * `NFACompiler.canProduceEmptyMatches`, as our SQL export decides it: whether it refuses the
 * pattern as one that can produce empty matches.
 */
function canProduceEmptyMatches(pattern: PatternBuilder): boolean {
  const { notes } = exportSql(roundTripThroughJson(pattern.build()), {
    afterMatch: AfterMatchSkip.skipPastLastEvent(),
  });
  return notes.some((note) => note.severity === "error" && note.message.includes("empty matches"));
}

describe("NFACompilerTest", () => {
  it("testNFACompilerUniquePatternName", () => {
    const invalidPattern = PatternBuilder.begin("start")
      .where(TEST_FILTER)
      .followedBy("middle")
      .where(TEST_FILTER)
      .followedBy("start")
      .where(TEST_FILTER);

    // two "start" patterns with the same name
    expect(() => compile(invalidPattern)).toThrow(MalformedPatternError);
    expect(() => compile(invalidPattern)).toThrow("Duplicate pattern name: start. Names must be unique.");
  });

  it("testNFACompilerPatternEndsWithNotFollowedBy", () => {
    const invalidPattern = PatternBuilder.begin("start")
      .where(TEST_FILTER)
      .followedBy("middle")
      .where(TEST_FILTER)
      .notFollowedBy("end")
      .where(TEST_FILTER);

    // the last pattern is notFollowedBy, with no window
    expect(() => compile(invalidPattern)).toThrow(MalformedPatternError);
    expect(() => compile(invalidPattern)).toThrow(
      "NotFollowedBy is not supported without windowTime as a last part of a Pattern!",
    );
  });

  it("testNFACompilerWithSimplePattern", () => {
    const states = statesOf(
      PatternBuilder.begin("start")
        .where(START_FILTER)
        .followedBy("middle")
        .where(SUBTYPE_SUB_EVENT)
        .next("end")
        .where(END_FILTER),
    );
    expect(states.size).toBe(4);

    const startState = stateNamed(states, "start");
    expect(startState.isStart()).toBe(true);
    expect(unfoldTransitions(startState)).toEqual(new Set(["middle TAKE"]));

    const middleState = stateNamed(states, "middle");
    expect(unfoldTransitions(middleState)).toEqual(new Set(["middle IGNORE", "end TAKE"]));

    const endState = stateNamed(states, "end");
    expect(unfoldTransitions(endState)).toEqual(new Set([`${ENDING_STATE_NAME} TAKE`]));

    const endingState = stateNamed(states, ENDING_STATE_NAME);
    expect(endingState.isFinal()).toBe(true);
    expect(endingState.stateTransitions).toHaveLength(0);
  });

  it("testNFACompilerPatternNotFollowedByWithIn", () => {
    const states = statesOf(
      PatternBuilder.begin("start").where(START_FILTER).notFollowedBy("middle").where(END_FILTER).within(1),
    );
    expect(states.size).toBe(4);

    const startState = stateNamed(states, "start");
    expect(startState.isStart()).toBe(true);
    expect(unfoldTransitions(startState)).toEqual(new Set(["middle TAKE"]));

    const middleState = stateNamed(states, "middle");
    expect(middleState.isPending()).toBe(true);
    expect(unfoldTransitions(middleState)).toEqual(new Set(["middle IGNORE", "middle:0 PROCEED"]));

    const middle0State = stateNamed(states, "middle:0");
    expect(middle0State.isStop()).toBe(true);
    expect(unfoldTransitions(middle0State)).toEqual(new Set(["middle:0 TAKE"]));

    const endingState = stateNamed(states, ENDING_STATE_NAME);
    expect(endingState.isFinal()).toBe(true);
    expect(endingState.stateTransitions).toHaveLength(0);
  });

  it("testNoUnnecessaryStateCopiesCreated", () => {
    const states = compileStates(
      graphToPattern(
        roundTripThroughJson(
          PatternBuilder.begin("start")
            .where(START_FILTER)
            .notFollowedBy("not")
            .where(START_FILTER)
            .followedBy("oneOrMore")
            .where(START_FILTER)
            .oneOrMore()
            .followedBy("end")
            .where(END_FILTER)
            .build(),
        ),
      ).lastPattern,
    ).states;

    expect(states.filter((state) => state.name === "end")).toHaveLength(1);
  });

  it("testSkipToNotExistsMatchingPattern", () => {
    const invalidPattern = PatternBuilder.begin("start", AfterMatchSkip.skipToLast("midd"))
      .where("string.contains(name, 'a')")
      .next("middle")
      .where("string.contains(name, 'd')")
      .oneOrMore()
      .optional()
      .next("end")
      .where("string.contains(name, 'c')");

    expect(() => compile(invalidPattern)).toThrow(MalformedPatternError);
    expect(() => compile(invalidPattern)).toThrow(
      "The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern",
    );
  });

  it("testCheckingEmptyMatches", () => {
    // SQL loops are consecutive() (`a*` is oneOrMore().optional().consecutive()), so the loops
    // here are too; canProduceEmptyMatches does not look at contiguity.
    expect(canProduceEmptyMatches(PatternBuilder.begin("a").optional())).toBe(true);
    expect(canProduceEmptyMatches(PatternBuilder.begin("a").oneOrMore().optional().consecutive())).toBe(true);
    expect(
      canProduceEmptyMatches(
        PatternBuilder.begin("a").oneOrMore().optional().consecutive().next("b").optional(),
      ),
    ).toBe(true);

    expect(canProduceEmptyMatches(PatternBuilder.begin("a"))).toBe(false);
    expect(canProduceEmptyMatches(PatternBuilder.begin("a").oneOrMore().consecutive())).toBe(false);
    expect(
      canProduceEmptyMatches(PatternBuilder.begin("a").oneOrMore().consecutive().next("b").optional()),
    ).toBe(false);
  });
});
