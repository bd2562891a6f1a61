/**
 * What a {@link RunSession} answers on demand besides output lists: a key's partial matches
 * stage by stage, why an event did what it did, every subtask's broadcast state, metrics over
 * time. Plain, structured-cloneable data, as everything that crosses the worker boundary.
 */
import type { EventExplanation } from "../../engine/index.ts";
import type { BuiltInProcessorName } from "../job/index.ts";
import type { ProcessorKeyStateView } from "../processors/keyStateViews.ts";
import type { KeyedStateData } from "../processors/state.ts";
import type { EventView } from "./sessionTypes.ts";

/** One live partial match of a key (Flink's `ComputationState` with its events). */
export interface PartialMatchInfo {
  /** The user's stage the run waits in. */
  readonly stage: string;
  readonly startTimestamp: number;
  readonly previousTimestamp: number;
  /** A completed match the after-match skip strategy holds back. */
  readonly completed: boolean;
  readonly events: readonly {
    readonly stage: string;
    readonly timestamp: number;
    readonly event: EventView;
  }[];
  /** When the pattern's window (`within`) ends for this run: start + window; null without one. */
  readonly windowEndsAt: number | null;
  /** `windowEndsAt` − the current time (see {@link KeyPartialMatches.time}); null when either is unknown. */
  readonly timeLeft: number | null;
}

/** A key's state for one rule version. */
export interface RulePartialMatches {
  readonly ruleId: string;
  readonly version: number;
  /** The pattern's window in ms; null without one. */
  readonly windowMs: number | null;
  readonly partialMatches: readonly PartialMatchInfo[];
  /** The key's elements waiting until the watermark passes them (event time; shared by rules run together). */
  readonly buffered: readonly { readonly timestamp: number; readonly event: EventView }[];
}

/** A key's keyed state in the built-in processor the run runs. */
export interface ProcessorKeyState {
  readonly processor: BuiltInProcessorName;
  /** The state read for people (seed 000: open purchase paths per channel; seed 001: last action). */
  readonly view: ProcessorKeyStateView;
  /**
   * The key's keyed state as Flink holds it: state name → ValueState value or MapState entries
   * (`[key, value]` pairs); null when the key holds none (never seen, or cleared after a purchase).
   */
  readonly state: KeyedStateData | null;
}

/** The answer to `partialMatches {key}`. */
export interface KeyPartialMatches {
  readonly key: string | null;
  /** The subtask that owns the key, and its key group (Flink's `KeyGroupRangeAssignment`). */
  readonly subtask: number;
  readonly keyGroup: number;
  /**
   * What windows are measured against: the subtask's watermark (null before the first one, +∞
   * after the end of input's final watermark), or the processing clock.
   */
  readonly time: { readonly kind: "eventTime" | "processingTime"; readonly now: number | null };
  /** Every running rule version, in activation order (also those holding nothing for the key); none while a processor runs. */
  readonly rules: readonly RulePartialMatches[];
  /** The key's state in the processor the run runs instead of rules; null when rules run (or the key is null). */
  readonly processor: ProcessorKeyState | null;
}

/** What happened to an input item, for one rule. */
export type ExplainOutcome =
  /** The NFA processed it: the engine's account, against the key's state just before. */
  | { readonly type: "explained"; readonly version: number; readonly explanation: EventExplanation }
  /** At or behind the subtask's watermark on arrival: Flink's late side output; no NFA saw it. */
  | { readonly type: "late"; readonly watermark: number }
  /** Buffered until the watermark passes its timestamp, which it has not (yet) at the run's position. */
  | { readonly type: "waiting"; readonly watermark: number | null }
  /** The source skipped the row (no key, no readable time, a bad partition, …). */
  | { readonly type: "skipped"; readonly reason: string }
  /** The item is a watermark record or a bad row, not an event. */
  | { readonly type: "not-an-event"; readonly item: "watermark" | "problem" | "fatal" }
  /** The element was processed while no version of the rule ran. */
  | { readonly type: "rule-not-running" };

/** The answer to `explain {position, ruleId}`. */
export interface ExplainResult {
  /** The input item (0-based) and its line. */
  readonly position: number;
  readonly line: number | null;
  readonly ruleId: string;
  readonly key: string | null;
  readonly subtask: number | null;
  readonly keyGroup: number | null;
  /** The event's timestamp (event time) or the processing time it was processed at. */
  readonly timestamp: number | null;
  readonly outcome: ExplainOutcome;
}

/** One point of the metrics series. */
export interface MetricsSample {
  /** The host clock (ms) when sampled; null without a clock. */
  readonly at: number | null;
  /** Input items consumed, and events among them. */
  readonly position: number;
  readonly events: number;
  readonly eventsPerSecond: number | null;
  /** Live partial matches over every key, subtask and running rule version. */
  readonly partialMatches: number;
  /** Estimated bytes of keyed NFA state (see {@link MetricsSeries.stateBytesMethod}). */
  readonly stateBytes: number;
  /** Keys (per rule version) holding partial matches. */
  readonly keysWithState: number;
  readonly watermark: number | null;
  /** The largest event time read − the watermark; null in processing time or before a finite watermark. */
  readonly watermarkLag: number | null;
  readonly late: number;
}

/** The answer to `metrics`. */
export interface MetricsSeries {
  /** Least host time between two samples (samples thin out, doubling it, on long runs). */
  readonly intervalMs: number;
  readonly samples: readonly MetricsSample[];
  /** How `stateBytes` is estimated, in words. */
  readonly stateBytesMethod: string;
}
