/**
 * What a condition sees while it runs: Flink's `IterativeCondition.Context` plus the broadcast
 * config. It is also the condition language's environment (`event`, `getEventsForPattern`,
 * `config`), so evaluating a condition allocates nothing.
 */
import type { EventRecord } from "../api.ts";

export interface ConditionContext {
  /** The event being tested. */
  readonly event: EventRecord;
  /**
   * `Context.getEventsForPattern(name)`: the events stage `name` took so far in this run (for a
   * group stage, per inner stage name); empty when it took none.
   */
  getEventsForPattern(name: string): readonly EventRecord[];
  /** Broadcast configuration passed to `process`, if any. */
  readonly config: Readonly<Record<string, unknown>> | undefined;
  /** `Context.timestamp()`: the event's timestamp. */
  readonly timestamp: number;
  /** Increases with every processed event; pure conditions cache their result per value. */
  readonly eventSequence: number;
  /** Set when a condition read the partial match; such results must not be cached per event. */
  partialMatchAccessed: boolean;
}

/** A compiled condition: Flink's `IterativeCondition.filter(event, ctx)`. */
export type EventCondition = (ctx: ConditionContext) => boolean;
