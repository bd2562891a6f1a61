import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { CompiledNFA, EventRecord } from "../api.ts";
import { compilePattern } from "../index.ts";
import type { KeyedNFAState } from "../nfaState.ts";

function feed(
  nfa: CompiledNFA,
  state: KeyedNFAState,
  events: ReadonlyArray<readonly [string, number, number?]>,
) {
  for (const [name, ts, price] of events) nfa.process(state, { name, price: price ?? 1, ts }, ts);
}

function counts(nfa: CompiledNFA, state: KeyedNFAState): Record<string, number> {
  const into = new Map<string, number>();
  nfa.countByStage(state, into);
  return Object.fromEntries(into);
}

function summary(nfa: CompiledNFA, state: KeyedNFAState): string[] {
  return nfa
    .inspect(state)
    .map(
      (v) =>
        `${v.completed ? "completed " : ""}${v.stage} ${String(v.startTimestamp)}..${String(v.previousTimestamp)}: ` +
        v.events.map((e) => `${e.stage}=${String(e.event["name"])}@${String(e.timestamp)}`).join(" "),
    );
}

describe("inspect / countByStage", () => {
  it("maps a times stage's internal states (b, b:0, …) to the stage name", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("a")
        .where("name == 'a'")
        .followedBy("b")
        .where("name == 'b'")
        .times(3)
        .followedBy("c")
        .where("name == 'c'")
        .build(),
    );
    const state = nfa.createState();
    expect(nfa.inspect(state)).toEqual([]);
    expect(counts(nfa, state)).toEqual({});
    feed(nfa, state, [
      ["a", 1],
      ["b", 2],
      ["b", 3],
    ]);
    expect(summary(nfa, state)).toEqual(["b 1..3: a=a@1 b=b@2 b=b@3"]);
    expect(counts(nfa, state)).toEqual({ b: 1 });
    feed(nfa, state, [["b", 4]]);
    expect(summary(nfa, state)).toEqual(["c 1..4: a=a@1 b=b@2 b=b@3 b=b@4"]);
    expect(counts(nfa, state)).toEqual({ c: 1 });
  });

  it("lists every branch of a oneOrMore loop with its own events, earliest start first", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("a")
        .where("name == 'a'")
        .followedByAny("b")
        .where("name == 'b'")
        .oneOrMore()
        .followedBy("c")
        .where("name == 'c'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, [
      ["a", 1],
      ["b", 2],
      ["a", 3],
      ["b", 4],
    ]);
    const views = summary(nfa, state);
    // followedByAny keeps the run that skipped b@2 (still waiting for its first b) next to the
    // one that took it.
    expect(views).toEqual(
      expect.arrayContaining(["b 1..4: a=a@1 b=b@2 b=b@4", "b 1..4: a=a@1 b=b@4", "b 3..4: a=a@3 b=b@4"]),
    );
    expect(nfa.inspect(state).map((v) => v.startTimestamp)).toEqual(
      [...nfa.inspect(state).map((v) => v.startTimestamp)].sort((x, y) => x - y),
    );
    const byStage = counts(nfa, state);
    expect(byStage["b"]).toBe(views.filter((v) => v.startsWith("b ")).length);
    expect(Object.keys(byStage).every((s) => ["a", "b", "c"].includes(s))).toBe(true);
  });

  it("uses the inner stage names of a looping group", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("start")
        .where("name == 'a'")
        .followedBy(PatternBuilder.begin("m1").where("name == 'b'").next("m2").where("name == 'c'"))
        .oneOrMore()
        .followedBy("end")
        .where("name == 'd'")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, [
      ["a", 1],
      ["b", 2],
    ]);
    expect(summary(nfa, state)).toEqual(["m2 1..2: start=a@1 m1=b@2"]);
    feed(nfa, state, [
      ["c", 3],
      ["b", 4],
    ]);
    expect(counts(nfa, state)).toEqual({ m2: 1, end: 1 });
    expect(summary(nfa, state)).toEqual(
      expect.arrayContaining([
        "end 1..3: start=a@1 m1=b@2 m2=c@3",
        "m2 1..4: start=a@1 m1=b@2 m2=c@3 m1=b@4",
      ]),
    );
  });

  it("shows a notFollowedBy at the end as a run waiting in the NOT stage", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("cart")
        .where("name == 'cart'")
        .notFollowedBy("purchase")
        .where("name == 'purchase'")
        .within(10)
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, [
      ["cart", 1],
      ["view", 2],
    ]);
    expect(summary(nfa, state)).toEqual(["purchase 1..1: cart=cart@1"]);
    expect(counts(nfa, state)).toEqual({ purchase: 1 });
    // The forbidden event stops the run (Flink's Stop state): nothing waits any more.
    feed(nfa, state, [["purchase", 3]]);
    expect(nfa.inspect(state)).toEqual([]);
    expect(counts(nfa, state)).toEqual({});
  });

  it("lists completed matches a skip strategy holds back, without counting them as waiting", () => {
    const nfa = compilePattern(
      PatternBuilder.begin("s", AfterMatchSkip.skipPastLastEvent())
        .where("name == 'a'")
        .followedBy("e")
        .where("name == 'c' && price > first(getEventsForPattern('s')).price")
        .build(),
    );
    const state = nfa.createState();
    feed(nfa, state, [
      ["a", 1, 10],
      ["a", 2, 1],
    ]);
    // c@3 (price 5) completes the run that started at 2, but the run from 1 started earlier and
    // is still open, so the match waits in completedMatches.
    expect(nfa.process(state, { name: "c", price: 5 }, 3)).toEqual([]);
    expect(summary(nfa, state)).toEqual(["e 1..1: s=a@1", "completed e 2..3: s=a@2 e=c@3"]);
    expect(counts(nfa, state)).toEqual({ e: 1 });
  });

  it("does not change the state", () => {
    const pattern = PatternBuilder.begin("a")
      .where("name == 'a'")
      .followedByAny("b")
      .where("name == 'b'")
      .oneOrMore()
      .followedBy("c")
      .where("name == 'c'")
      .build();
    const inspected = compilePattern(pattern);
    const plain = compilePattern(pattern);
    const s1 = inspected.createState();
    const s2 = plain.createState();
    const events: EventRecord[] = ["a", "b", "b", "a", "b", "c", "b", "c"].map((name, i) => ({ name, i }));
    events.forEach((event, i) => {
      inspected.inspect(s1);
      inspected.countByStage(s1, new Map());
      expect(inspected.process(s1, event, i)).toEqual(plain.process(s2, event, i));
    });
  });
});
