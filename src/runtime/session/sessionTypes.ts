/**
 * The vocabulary of a {@link RunSession} (`runSession.ts`): how a run is configured, the small
 * summary it reports per tick, and the plain, structured-cloneable views of its outputs that
 * cross the Web Worker boundary (no `Map`s, no class instances).
 */
import type { EngineWarning } from "../../engine/index.ts";
import type { EventData } from "../../formats/events/index.ts";
import type { JavaKeyType } from "../javaHashCode.ts";
import type { BuiltInProcessorName, PartitionWatermark } from "../job/index.ts";
import type { BroadcastTimeline } from "./broadcastTimeline.ts";
import type { FeedTime } from "./eventFeed.ts";

/** How events are keyed and timed, and how the job runs. */
export interface RunConfig {
  /** The key field (Flink's `keyBy`); null runs unkeyed. */
  readonly key: string | null;
  /** Event time and watermarks; null runs in processing time. */
  readonly time: FeedTime;
  /** Processing time from this field (with `time` null); null: the event's position. */
  readonly clock: string | null;
  readonly parallelism: number;
  /** Key groups (Flink's max parallelism); default 128. */
  readonly maxParallelism?: number;
  readonly keyType?: JavaKeyType;
  /** The per-key partial-match cap (`CompileOptions.maxPartialMatches`); engine default if absent. */
  readonly maxPartialMatches?: number;
}

/**
 * `paused` before the first step and whenever stopped; `finished` once the end of input was
 * processed; `error` after an engine error (left by `reset` or `applyRuleSet`).
 */
export type SessionState = "paused" | "playing" | "finished" | "error";

/** One event of an output, with the input line it came from (null when unknown). */
export interface EventView {
  readonly line: number | null;
  readonly fields: EventData;
}

/** A match or a timed-out partial match, stage by stage in pattern order. */
export interface MatchView {
  readonly type: "match" | "timeout";
  /** 0-based position among the outputs of its kind (matches and timeouts count apart). */
  readonly seq: number;
  readonly ruleId: string;
  readonly version: number;
  readonly key: string | null;
  /** The match's timestamp, or when the partial match timed out. */
  readonly timestamp: number;
  readonly subtask: number;
  readonly stages: readonly { readonly stage: string; readonly events: readonly EventView[] }[];
}

/** An event behind the watermark (Flink's late side output). */
export interface LateView {
  readonly type: "late";
  readonly seq: number;
  readonly key: string | null;
  readonly timestamp: number;
  readonly subtask: number;
  readonly event: EventView;
}

/** A rule version replaced or removed, with the partial matches it dropped. */
export interface RuleDroppedView {
  readonly type: "rule-dropped";
  readonly seq: number;
  readonly ruleId: string;
  readonly version: number;
  readonly partialMatches: number;
}

/** A key's state cleared by the state TTL ("state cleaned"). */
export interface StateExpiredView {
  readonly type: "state-expired";
  readonly seq: number;
  /** The rule version whose partial matches were cleared; null for a processor's keyed state. */
  readonly ruleId: string | null;
  readonly version: number | null;
  readonly key: string | null;
  /** The job time at which the state was found expired. */
  readonly timestamp: number;
  /** When the state was last written. */
  readonly lastWrite: number;
  readonly partialMatches: number;
  readonly subtask: number;
}

/**
 * What a built-in processor collected (seed 000's `EvaluatedResult`, seed 001's match of a user
 * and a pattern), as the CLI prints it in its `{"type":"result",…}` lines.
 */
export interface ResultView {
  readonly type: "result";
  readonly seq: number;
  /** The element's key; null for what the broadcast side collected. */
  readonly key: string | null;
  readonly subtask: number;
  /** The input line of the element that produced it; null for the broadcast side or an unknown line. */
  readonly line: number | null;
  /** The processor's record, its fields in the article's order. */
  readonly result: Readonly<Record<string, unknown>>;
}

/** The output lists a session keeps; each is counted exactly and its newest records kept. */
export type OutputKind = "matches" | "timeouts" | "late" | "ruleDropped" | "stateExpired" | "results";

/** The record type of each output list. */
export interface OutputViews {
  readonly matches: MatchView;
  readonly timeouts: MatchView;
  readonly late: LateView;
  readonly ruleDropped: RuleDroppedView;
  readonly stateExpired: StateExpiredView;
  readonly results: ResultView;
}

/**
 * Which output records a `query` returns (all given must hold): those of rule `ruleId` (records
 * naming no rule — late events, processor results — never), those of key `key`.
 */
export interface OutputFilter {
  readonly ruleId?: string;
  readonly key?: string;
}

/** An engine error with what the user needs to find its cause. */
export interface RunError {
  readonly message: string;
  readonly ruleId: string | null;
  readonly version: number | null;
  /** The stage whose condition failed, when known. */
  readonly stage: string | null;
  readonly key: string | null;
  readonly subtask: number | null;
  /** The input line of the event being processed; null for a timer or an unknown line. */
  readonly line: number | null;
}

/** Where the run stands in its input. */
export interface RunPosition {
  /** Input items consumed (events, watermark records, bad rows). */
  readonly items: number;
  /** Events consumed (skipped bad rows included). */
  readonly processedEvents: number;
  /** Events read so far; final once `inputDone`. */
  readonly totalEvents: number;
  /** Input items read so far (events, watermark records, bad rows): how far a seek can go. */
  readonly totalItems: number;
  readonly inputDone: boolean;
  /** The end of input (final watermark) was processed. */
  readonly ended: boolean;
}

/**
 * A warning of a run, listed once. `partial-match-cap`: a rule dropped partial matches at the
 * per-key cap, so matches that needed them are missing (the setting can be raised);
 * `broadcast-rejected`: a broadcast record the run refused.
 */
export interface RunWarning {
  readonly kind: EngineWarning["kind"] | "broadcast-rejected";
  readonly message: string;
}

/** What a session reports per tick: small, so it can be posted every animation frame. */
export interface RunSummary {
  readonly state: SessionState;
  readonly position: RunPosition;
  /** The job's watermark; null before the first one (Flink's Long.MIN_VALUE). */
  readonly watermark: number | null;
  /** The job's processing-time clock (the clock field, or the event position, in processing time). */
  readonly processingTime: number;
  /** The largest event timestamp read so far; null before the first and in processing time. */
  readonly maxEventTime: number | null;
  readonly counts: { readonly [K in OutputKind]: number } & { readonly problems: number };
  /** The newest records of each list, oldest first. */
  readonly newest: { readonly [K in OutputKind]: readonly OutputViews[K][] };
  /** Keys whose events or outputs were processed since the previous summary (first ones listed). */
  readonly changedKeys: { readonly count: number; readonly listed: readonly string[] };
  /** Processing rate over the last tick; null when the host gave no clock or nothing ran. */
  readonly eventsPerSecond: number | null;
  /** Target rate while playing; null runs as fast as possible. */
  readonly speed: number | null;
  /** The rule versions running now (none while a processor runs). */
  readonly activeRules: readonly { readonly id: string; readonly version: number }[];
  /** The built-in processor the run runs instead of the rules; null: the rules run. */
  readonly processor: BuiltInProcessorName | null;
  /**
   * Partial matches waiting in each stage, by rule id then stage name, over every key and subtask
   * (every running rule and stage listed, 0 included). Refreshed at most once per summary
   * interval while playing, and never taking more than a tenth of the run's time
   * (`sessionMetrics.ts`): it may trail the position by a few events.
   */
  readonly stageCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Event time: each source partition's watermark and status (active / idle), and each
   * subtask's watermark (the minimum over the active partitions; null before the first).
   */
  readonly watermarks: {
    readonly partitions: readonly PartitionWatermark[];
    readonly subtasks: readonly (number | null)[];
  };
  /** The broadcast stream's records, which the run took so far, and when each rule version took over. */
  readonly broadcast: BroadcastTimeline;
  /** Warnings such as the partial-match cap being hit or a broadcast record rejected, once each. */
  readonly warnings: readonly RunWarning[];
  /** Bad input rows (`LINE: reason`), the first ones listed. */
  readonly problems: readonly string[];
  /**
   * Input rows read with a warning (`NAME:LINE: warning`: a JSON row with a duplicate key, read
   * with the last value), however far the run is: how many, and the first ones.
   */
  readonly rowWarnings: { readonly count: number; readonly listed: readonly string[] };
  readonly error: RunError | null;
}
