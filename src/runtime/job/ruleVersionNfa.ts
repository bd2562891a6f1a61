/**
 * One rule version as the job runs it: the rule's {@link CompiledNFA} behind a thin adapter that
 * gives the NFA what a dynamic-CEP pattern processor has in Flink and `CepOperator` does not
 * offer today (see /tmp/team/operator-changes.md):
 *
 * - broadcast config for conditions: `process` passes the config that was in force when the
 *   element reached the job (`configOf`), so a config change applies from the next element on
 *   whatever the watermark delay (an element buffered in event time keeps the config it arrived
 *   under, instead of one that depends on when the watermark happens to release it);
 * - the live partial matches of this version across every key and subtask: each NFA call tells
 *   the adapter which state it changed, so it keeps the set of non-empty states (an operator only
 *   discards empty ones) and can count their runs when the version is dropped;
 * - retiring: Ververica's `DynamicCepOperator` clears an outdated pattern processor's keyed
 *   state. A retired adapter does nothing and reports every state empty, so an operator that
 *   also runs other rules drops this rule's state the next time it visits the key.
 *
 * Why an update hands nothing over: in `DynamicCepOperator.java` (package
 * `org.apache.flink.cep.dynamic.operator`, flink-cep 1.15-vvr-6.0.2, as in the public copy
 * github.com/Karekin/flink_cep) the NFA state and the element queue are keyed state per pattern
 * processor, named `nfaStateName-<id>-<version>` and `eventQueuesStateName-<id>-<version>`, and
 * `processElement` buffers each element into every processor's own queue. On an update,
 * `handleUpdatePatternProcessorEvent` rebuilds its maps from the new processor list only, so the
 * old version's partial matches and the elements still in its queue are never read again (no
 * timeout is emitted for them), and the new version starts with an empty NFA and an empty queue.
 */
import type {
  CompiledNFA,
  EventExplanation,
  EventRecord,
  Match,
  PartialMatchView,
  TimedOutMatch,
} from "../../engine/index.ts";
import { countPartialMatches, type KeyedNFAState } from "../../engine/index.ts";
import type { Rule } from "../../model/pattern.ts";
import type { BroadcastConfig } from "./jobTypes.ts";

/** The config an element arrived under, or undefined when no config was ever broadcast. */
export type ConfigLookup = (event: EventRecord) => BroadcastConfig | undefined;

const NOTHING: { matches: Match[]; timedOut: TimedOutMatch[] } = { matches: [], timedOut: [] };

/** A rule version's NFA as the job's operators see it; one instance serves every subtask. */
export class RuleVersionNfa implements CompiledNFA {
  private readonly live = new Set<KeyedNFAState>();
  private isRetired = false;

  constructor(
    readonly rule: Rule,
    readonly inner: CompiledNFA,
    private readonly configOf: ConfigLookup,
    /** Whether to keep the set of live states (only needed when the version can be dropped). */
    private readonly track: boolean,
  ) {}

  get retired(): boolean {
    return this.isRetired;
  }

  get windowTime(): number | null {
    return this.inner.windowTime;
  }

  get stageNames(): readonly string[] {
    return this.inner.stageNames;
  }

  createState(): KeyedNFAState {
    return this.inner.createState();
  }

  process(state: KeyedNFAState, event: EventRecord, timestamp: number, config?: BroadcastConfig): Match[] {
    if (this.isRetired) return [];
    const matches = this.inner.process(state, event, timestamp, config ?? this.configOf(event));
    if (this.track) this.note(state);
    return matches;
  }

  advanceTime(state: KeyedNFAState, timestamp: number): { matches: Match[]; timedOut: TimedOutMatch[] } {
    if (this.isRetired) return NOTHING;
    const result = this.inner.advanceTime(state, timestamp);
    if (this.track) this.note(state);
    return result;
  }

  isEmpty(state: KeyedNFAState): boolean {
    return this.isRetired || this.inner.isEmpty(state);
  }

  inspect(state: KeyedNFAState): readonly PartialMatchView[] {
    return this.inner.inspect(state);
  }

  countByStage(state: KeyedNFAState, into: Map<string, number>): void {
    this.inner.countByStage(state, into);
  }

  explain(
    state: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
    config?: BroadcastConfig,
  ): EventExplanation {
    return this.inner.explain(state, event, timestamp, config ?? this.configOf(event));
  }

  /** The keys' states holding partial matches (tracked only when the job tracks them). */
  liveStates(): ReadonlySet<KeyedNFAState> {
    return this.live;
  }

  /** Live partial matches of this version, over every key of every subtask. */
  partialMatchCount(): number {
    let count = 0;
    for (const state of this.live) count += countPartialMatches(state);
    return count;
  }

  /** Stops this version; returns its live partial matches, which are dropped. */
  retire(): number {
    const count = this.partialMatchCount();
    this.isRetired = true;
    this.live.clear();
    return count;
  }

  /** Marks a restored version as retired (it was when the snapshot was taken). */
  markRetired(): void {
    this.isRetired = true;
    this.live.clear();
  }

  /** Counts a state restored from a snapshot as live, as the NFA call that made it did. */
  adopt(state: KeyedNFAState): void {
    if (this.track && !this.isRetired) this.note(state);
  }

  /** A state its operator cleared without an NFA call (state TTL): no longer live. */
  forget(state: KeyedNFAState): void {
    this.live.delete(state);
  }

  private note(state: KeyedNFAState): void {
    if (this.inner.isEmpty(state)) this.live.delete(state);
    else this.live.add(state);
  }
}
