/**
 * Counts live partial matches across all keys without scanning the operator's state: wraps a
 * {@link CompiledNFA} and, around every call, adds how much the key's state grew or shrank. A
 * fresh state (start runs only) counts 0, so the total is "runs beyond the start state plus
 * completed matches held back by the skip strategy", summed over keys. The overhead is two
 * array-length reads per NFA call.
 */
import type { CompiledNFA, KeyedNFAState } from "../src/engine/index.ts";

/** A compiled NFA that keeps a running total of partial matches and its peak. */
export class PartialMatchCounter {
  /** Partial matches alive now (summed over keys). */
  live = 0;
  /** Highest `live` seen. */
  peak = 0;
  readonly nfa: CompiledNFA;

  constructor(inner: CompiledNFA) {
    // The NFA keeps these counts in the state object itself, so reading them costs no extra
    // cache miss per call (the queues' arrays are not touched).
    const size = (state: KeyedNFAState): number => state.liveRuns + state.heldMatches;
    const track = (before: number, state: KeyedNFAState): void => {
      this.live += size(state) - before;
      if (this.live > this.peak) this.peak = this.live;
    };
    this.nfa = {
      windowTime: inner.windowTime,
      stageNames: inner.stageNames,
      // Only changes are counted, so a fresh state's start runs add nothing, and a state the
      // operator drops (start runs only, `isEmpty`) has given back everything it added.
      createState: () => inner.createState(),
      process: (state, event, timestamp, config) => {
        const before = size(state);
        const result = inner.process(state, event, timestamp, config);
        track(before, state);
        return result;
      },
      advanceTime: (state, timestamp) => {
        const before = size(state);
        const result = inner.advanceTime(state, timestamp);
        track(before, state);
        return result;
      },
      isEmpty: (state) => inner.isEmpty(state),
      inspect: (state) => inner.inspect(state),
      countByStage: (state, into) => {
        inner.countByStage(state, into);
      },
      explain: (state, event, timestamp, config) => inner.explain(state, event, timestamp, config),
    };
  }
}
