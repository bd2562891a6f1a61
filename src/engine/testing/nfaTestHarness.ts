/**
 * Port of Flink's test utilities `NFATestHarness` and `NFATestUtilities` (flink-cep
 * `src/test/java/org/apache/flink/cep/utils`), used by the ported Flink suites.
 *
 * Every harness builds the pattern, sends it through the path users take (export to
 * dynamic-CEP JSON text, import it back) and compiles the result, so a ported test also checks
 * that the pattern survives the JSON round trip.
 *
 * Feeding follows Flink's harness exactly: for each record `advanceTime(ts)` then
 * `process(event, ts)`; no final `advanceTime` after the last record.
 */
import { expect } from "vitest";
import type { ConditionBindings, GraphNode } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { CompiledNFA, EventRecord, Match } from "../api.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import { compilePattern } from "../index.ts";
import { roundTripThroughJson } from "./jsonRoundTrip.ts";

/** Flink's test `Event(id, name, price)`; extra fields model `SubEvent` and friends. */
export interface TestEvent {
  readonly id: number;
  readonly name: string;
  readonly price: number;
  readonly [field: string]: unknown;
}

/** `new Event(id, name, price)`; `extra` adds fields (e.g. `{ volume: 2 }` for a `SubEvent`). */
export function ev(id: number, name: string, price: number, extra?: Record<string, unknown>): TestEvent {
  return { ...extra, id, name, price };
}

/** `(event, timestamp)` pairs: Flink's `StreamRecord<Event>` list. */
export type TestInput = ReadonlyArray<readonly [TestEvent, number]>;

/** A pattern as the tests write it: a builder (built here) or an already-built graph. */
export type PatternLike = PatternBuilder | GraphNode;

/** Harness options. */
export interface HarnessOptions {
  readonly bindings?: ConditionBindings;
  /** Run with NO_SKIP whatever the pattern says (Flink's `NFATestHarness.forNFA`). */
  readonly noSkip?: boolean;
}

type TestMatch = Map<string, TestEvent[]>;

/**
 * `NFATestUtilities.feedNFA`: feeds every record and returns the matches flattened in stage
 * order, with NO_SKIP regardless of the pattern's strategy.
 */
export function feedNFA(
  pattern: PatternLike,
  input: TestInput,
  opts: { bindings?: ConditionBindings } = {},
): TestEvent[][] {
  return NFATestHarness.forPattern(pattern, { ...opts, noSkip: true }).feedRecords(input);
}

/** `NFATestHarness`: one compiled NFA plus its per-key state, fed record by record. */
export class NFATestHarness {
  /** All timeouts seen by `feed*` / `consume*` / `advanceTime` so far, in the order they happened. */
  readonly timedOut: Array<{ match: TestMatch; timestamp: number }> = [];

  private readonly state: KeyedNFAState;

  private constructor(private readonly nfa: CompiledNFA) {
    this.state = nfa.createState();
  }

  /** `NFATestHarness.forPattern(p).build()`: uses the pattern's skip strategy unless `noSkip`. */
  static forPattern(pattern: PatternLike, opts: HarnessOptions = {}): NFATestHarness {
    const graph = roundTripThroughJson(pattern instanceof PatternBuilder ? pattern.build() : pattern);
    const nfa = compilePattern(graph, {
      ...(opts.bindings ? { bindings: opts.bindings } : {}),
      ...(opts.noSkip ? { afterMatchSkipStrategy: { type: "NO_SKIP", patternName: null } } : {}),
    });
    return new NFATestHarness(nfa);
  }

  /** `feedRecords`: every match of every record, flattened (stage order, events in arrival order). */
  feedRecords(input: TestInput): TestEvent[][] {
    return this.consumeRecords(input).map(flatten);
  }

  /** `consumeRecords`: as {@link feedRecords}, but keeps each match's stage → events map. */
  consumeRecords(input: TestInput): TestMatch[] {
    const result: TestMatch[] = [];
    for (const [event, ts] of input) result.push(...this.consumeRecord(event, ts));
    return result;
  }

  /** `feedRecord`: one record's matches, flattened. */
  feedRecord(event: TestEvent, ts: number): TestEvent[][] {
    return this.consumeRecord(event, ts).map(flatten);
  }

  /** `consumeRecord`: `advanceTime(ts)` (pending matches kept, timeouts recorded) then `process(event, ts)`. */
  consumeRecord(event: TestEvent, ts: number): TestMatch[] {
    const pending = this.advanceTime(ts).matches;
    const matches = this.nfa.process(this.state, event, ts).map(asTestMatch);
    return [...pending, ...matches];
  }

  /** `NFA.advanceTime(ts)` alone: pending matches released and partial matches timed out. */
  advanceTime(ts: number): {
    matches: TestMatch[];
    timedOut: Array<{ match: TestMatch; timestamp: number }>;
  } {
    const result = this.nfa.advanceTime(this.state, ts);
    const timedOut = result.timedOut.map((t) => ({ match: asTestMatch(t.match), timestamp: t.timestamp }));
    this.timedOut.push(...timedOut);
    return { matches: result.matches.map(asTestMatch), timedOut };
  }

  /** The compiled NFA under test (for tests that look at `isEmpty` or the window). */
  get compiled(): CompiledNFA {
    return this.nfa;
  }

  /** The per-key state under test. */
  get nfaState(): KeyedNFAState {
    return this.state;
  }
}

/**
 * `NFATestUtilities.comparePatterns`: the same multiset of matches, whatever the order.
 * Like Flink's version, events inside a match are compared after sorting by (name, price, id),
 * so a ported expectation written in a different in-match order still passes exactly when it
 * passes in Flink.
 */
export function comparePatterns(actual: TestEvent[][], expected: TestEvent[][]): void {
  const normalise = (matches: TestEvent[][]) =>
    matches.map((m) => [...m].sort(compareEvents)).sort(compareEventLists);
  expect(normalise(actual)).toEqual(normalise(expected));
}

function flatten(match: TestMatch): TestEvent[] {
  return [...match.values()].flat();
}

function asTestMatch(match: Match): TestMatch {
  const result: TestMatch = new Map();
  // The harness only ever feeds TestEvents, and the engine hands back the same objects.
  for (const [stage, events] of match)
    result.set(
      stage,
      events.map((e: EventRecord) => e as TestEvent),
    );
  return result;
}

/** Flink's `EventComparator`: name, then price, then id. */
function compareEvents(a: TestEvent, b: TestEvent): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.price !== b.price) return a.price < b.price ? -1 : 1;
  return a.id - b.id;
}

/** Flink's `ListEventComparator`: shorter first, then element by element. */
function compareEventLists(a: TestEvent[], b: TestEvent[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = compareEvents(a[i] as TestEvent, b[i] as TestEvent);
    if (c !== 0) return c;
  }
  return 0;
}
