import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import { compilePattern, type EventRecord, type KeyedNFAState, type Match } from "./index.ts";
import { countStartedRuns } from "./nfaState.ts";

const pattern = PatternBuilder.begin("a")
  .where("kind == 'a'")
  .followedBy("b")
  .where("kind == 'b'")
  .oneOrMore()
  .followedBy("c")
  .where("kind == 'c'")
  .within(50)
  .build();

function stream(n: number): Array<[EventRecord, number]> {
  const kinds = ["a", "b", "x", "b", "c", "a", "b"];
  return Array.from({ length: n }, (_, i) => [{ kind: kinds[i % kinds.length], i }, i * 3]);
}

const plain = (matches: Match[]) => matches.map((m) => Object.fromEntries(m));

describe("KeyedNFAState", () => {
  it("survives structuredClone mid-stream: the clone continues exactly like the original", () => {
    const nfa = compilePattern(pattern);
    const original = nfa.createState();
    const events = stream(60);
    for (const [event, ts] of events.slice(0, 30)) {
      nfa.advanceTime(original, ts);
      nfa.process(original, event, ts);
    }
    const copy = structuredClone(original);
    for (const [event, ts] of events.slice(30)) {
      const a = nfa.advanceTime(original, ts);
      const b = nfa.advanceTime(copy, ts);
      expect(plain(b.matches)).toEqual(plain(a.matches));
      expect(b.timedOut.map((t) => t.timestamp)).toEqual(a.timedOut.map((t) => t.timestamp));
      expect(plain(nfa.process(copy, event, ts))).toEqual(plain(nfa.process(original, event, ts)));
    }
  });

  it("holds nothing once every window has passed: memory follows live partial matches", () => {
    const nfa = compilePattern(pattern);
    const state = nfa.createState();
    for (const [event, ts] of stream(500)) {
      nfa.advanceTime(state, ts);
      nfa.process(state, event, ts);
    }
    expect(state.liveNodes).toBeGreaterThan(0);
    nfa.advanceTime(state, 10_000);
    expect(nfa.isEmpty(state)).toBe(true);
    expect(state.liveNodes).toBe(0);
    expect(state.eventCount).toBe(0);
  });

  it("keeps its summary (live runs, held matches, next timeout) in step with its queues", () => {
    // With a skip strategy completed matches may wait in `completedMatches`.
    const held = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("b"))
      .where("kind == 'a'")
      .followedByAny("b")
      .where("kind == 'b'")
      .followedBy("c")
      .where("kind == 'c'")
      .within(40)
      .build();
    for (const graph of [pattern, held]) {
      const nfa = compilePattern(graph);
      const state = nfa.createState();
      const check = (s: KeyedNFAState): void => {
        expect(s.liveRuns).toBe(countStartedRuns(s.partialMatches));
        expect(s.heldMatches).toBe(s.completedMatches.length);
        const head = s.partialMatches[0];
        const deadline = head?.startEventId == null ? Infinity : head.startTimestamp + 40;
        if (graph === held) expect(s.timeoutAt).toBe(deadline);
      };
      for (const [event, ts] of stream(200)) {
        // Before the summary's deadline advanceTime has nothing to do.
        if (ts < state.timeoutAt) expect(nfa.advanceTime(state, ts).timedOut).toHaveLength(0);
        else nfa.advanceTime(state, ts);
        check(state);
        nfa.process(state, event, ts);
        check(state);
      }
    }
  });

  it("shares start runs between keys: a key's start run costs no memory of its own", () => {
    const nfa = compilePattern(pattern);
    const [one, two] = [nfa.createState(), nfa.createState()];
    for (const [event, ts] of stream(12)) {
      nfa.process(one, event, ts);
      nfa.process(two, event, ts);
    }
    const startOf = (s: KeyedNFAState) => s.partialMatches.find((run) => run.startEventId === null);
    expect(startOf(one)).toBeDefined();
    expect(startOf(one)).toBe(startOf(two));
    // A snapshot still carries its own copy.
    expect(startOf(structuredClone(one))).toEqual(startOf(one));
  });
});
