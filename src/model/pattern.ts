/**
 * The pattern model: one typed description of a Flink CEP pattern, shared by the engine, the
 * exporters and the designer. Its shape follows Flink dynamic CEP's `GraphSpec` (Ververica
 * `org.apache.flink.cep.dynamic.impl.json.spec`) field for field, so import and export are
 * checks rather than translations, and its words are Flink's.
 *
 * Reading guide:
 * - A pattern is a {@link GraphNode}: stages (`nodes`) joined by `edges` into one chain.
 *   The begin stage is the one no edge targets.
 * - An edge's `type` is the contiguity of its *target* stage: how the target's first event
 *   relates to the source's last (`next`, `followedBy`, … in the Java API).
 * - A stage's `quantifier.consumingStrategy` is its *inner* contiguity, between iterations of
 *   a looping or times stage (`consecutive()` = STRICT, `allowCombinations()` = SKIP_TILL_ANY).
 * - A {@link GraphNode} nested in `nodes` is a group pattern (`GroupPattern`) with its own
 *   quantifier.
 */
import type { Condition } from "./condition.ts";
import type { Duration } from "./duration.ts";

/** Flink's `ConsumingStrategy` values that an edge can carry. */
export const EDGE_CONTIGUITIES = [
  "STRICT",
  "SKIP_TILL_NEXT",
  "SKIP_TILL_ANY",
  "NOT_NEXT",
  "NOT_FOLLOW",
] as const;
/** How a stage's first event relates to the previous stage: next / followedBy / followedByAny / notNext / notFollowedBy. */
export type EdgeContiguity = (typeof EDGE_CONTIGUITIES)[number];

/** Flink's `ConsumingStrategy` values allowed inside a quantifier. */
export const INNER_CONTIGUITIES = ["STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY"] as const;
/** Contiguity between iterations of a looping/times stage: consecutive() / default / allowCombinations(). */
export type InnerContiguity = (typeof INNER_CONTIGUITIES)[number];

/** Flink's `Quantifier.QuantifierProperty`, in its EnumSet (declaration) order. */
export const QUANTIFIER_PROPERTIES = ["SINGLE", "LOOPING", "TIMES", "OPTIONAL", "GREEDY"] as const;
export type QuantifierProperty = (typeof QUANTIFIER_PROPERTIES)[number];

/** Flink's `Quantifier.Times`: repetition bounds plus an optional per-repetition window. */
export interface Times {
  readonly from: number;
  readonly to: number;
  /** Max gap between consecutive repetitions (`times(a, b, window)`, `timesOrMore(n, window)`). */
  readonly windowTime: Duration | null;
}

/**
 * Flink's `Quantifier`, as dynamic CEP's `QuantifierSpec` writes it.
 * - single: `properties` = [SINGLE], `times` null.
 * - oneOrMore() / timesOrMore(n): [LOOPING], `times` = {from: n, to: n}.
 * - times(n) / times(a, b): [TIMES], `times` = {from: a, to: b}.
 * OPTIONAL and GREEDY are added flags.
 */
export interface Quantifier {
  readonly consumingStrategy: InnerContiguity;
  /** Kept in EnumSet order: SINGLE, LOOPING, TIMES, OPTIONAL, GREEDY. */
  readonly properties: readonly QuantifierProperty[];
  readonly times: Times | null;
  /** `until(condition)`: stops a looping stage. */
  readonly untilCondition: Condition | null;
}

/** `WithinType`: measure the window from the first event, or between consecutive events. */
export const WINDOW_TYPES = ["FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"] as const;
export type WindowType = (typeof WINDOW_TYPES)[number];

/** `within(time, type)`, applied to the last stage of the graph that declares it. */
export interface Window {
  readonly type: WindowType;
  readonly time: Duration;
}

/** `AfterMatchSkipStrategy` kinds. */
export const SKIP_STRATEGIES = [
  "NO_SKIP",
  "SKIP_TO_NEXT",
  "SKIP_PAST_LAST_EVENT",
  "SKIP_TO_FIRST",
  "SKIP_TO_LAST",
] as const;
export type SkipStrategyType = (typeof SKIP_STRATEGIES)[number];

/** What to discard after a match; `patternName` names the stage for SKIP_TO_FIRST / SKIP_TO_LAST. */
export interface AfterMatchSkipStrategy {
  readonly type: SkipStrategyType;
  readonly patternName: string | null;
}

/** One Flink `Pattern`: a named stage with a condition and a quantifier. */
export interface AtomicNode {
  readonly type: "ATOMIC";
  readonly name: string;
  readonly quantifier: Quantifier;
  /** null accepts every event (no `where()`). */
  readonly condition: Condition | null;
}

/**
 * A graph of stages: the whole pattern at top level, a `GroupPattern` when nested.
 * At top level `name` and `quantifier` are what the reference writer puts there (the last
 * node's); they are carried for faithful round trips and not used by the engine.
 */
export interface GraphNode {
  readonly type: "COMPOSITE";
  readonly name: string;
  /** The group's quantifier when nested. */
  readonly quantifier: Quantifier | null;
  /** Ignored by Flink's reader; carried for round trips. */
  readonly condition: Condition | null;
  readonly nodes: readonly PatternNode[];
  readonly edges: readonly Edge[];
  readonly window: Window | null;
  readonly afterMatchStrategy: AfterMatchSkipStrategy;
  /** GraphSpec's constant `version` field (always 1 when written); null when the source omitted it. */
  readonly version: number | null;
}

export type PatternNode = AtomicNode | GraphNode;

/** Joins two stages; `type` is the contiguity of `target`. */
export interface Edge {
  readonly source: string;
  readonly target: string;
  readonly type: EdgeContiguity;
}

/** A pattern processor as dynamic CEP stores it: `{id, version, pattern, function}`. */
export interface Rule {
  readonly id: string;
  /**
   * True when the source wrote `id` as a JSON number (`"id": 7`), so exports write a number
   * again. The id itself stays a string: no digits are ever lost.
   */
  readonly idIsNumber?: boolean;
  readonly version: number;
  readonly pattern: GraphNode;
  /** The `PatternProcessFunction` class name (a label here). */
  readonly function: string | null;
}

/** Binding table: Java condition class name → condition-language expression. */
export type ConditionBindings = Readonly<Record<string, string>>;
