import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { compilePattern, type EventRecord, type Match } from "./index.ts";

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
    expect(state.buffer.liveNodes).toBeGreaterThan(0);
    nfa.advanceTime(state, 10_000);
    expect(nfa.isEmpty(state)).toBe(true);
    expect(state.buffer.liveNodes).toBe(0);
    expect(state.buffer.events.size).toBe(0);
  });
});
