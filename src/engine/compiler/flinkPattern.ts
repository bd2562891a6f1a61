/**
 * The pattern chain NFACompiler reads: Flink's `Pattern` / `GroupPattern` / `Quantifier`, reduced
 * to the fields the compiler uses. {@link graphToPattern} builds it from the model graph the way
 * dynamic CEP's `GraphSpec.toPattern` builds Java patterns.
 */
import type { QuantifierProperty } from "../../model/pattern.ts";
import type { IterativeCondition } from "./iterativeCondition.ts";

/** `Quantifier.ConsumingStrategy`. */
export type ConsumingStrategy = "STRICT" | "SKIP_TILL_NEXT" | "SKIP_TILL_ANY" | "NOT_FOLLOW" | "NOT_NEXT";

/** `Quantifier`: the edge strategy into the pattern, the strategy between iterations, the property set. */
export interface FlinkQuantifier {
  readonly consumingStrategy: ConsumingStrategy;
  readonly innerConsumingStrategy: "STRICT" | "SKIP_TILL_NEXT" | "SKIP_TILL_ANY";
  readonly properties: ReadonlySet<QuantifierProperty>;
}

/** `Quantifier.Times` with its window in ms. */
export interface FlinkTimes {
  readonly from: number;
  readonly to: number;
  readonly windowTime: number | null;
}

/** `Pattern` (or `GroupPattern` when `rawPattern` is set). */
export interface FlinkPattern {
  /** `getName()`; Flink names every group pattern "GroupPattern". */
  readonly name: string;
  /** The stage name users see (a group's node name); used in messages. */
  readonly displayName: string;
  /** JSON path of the node this pattern came from. */
  readonly path: string;
  readonly previous: FlinkPattern | null;
  readonly quantifier: FlinkQuantifier;
  readonly times: FlinkTimes | null;
  /** `getCondition()`: the `where` condition, `trueFunction` when none. */
  readonly condition: IterativeCondition;
  readonly untilCondition: IterativeCondition | null;
  /** `getWindowSize(FIRST_AND_LAST)` in ms. */
  readonly windowFirstAndLast: number | null;
  /** `getWindowSize(PREVIOUS_AND_CURRENT)` in ms. */
  readonly windowPreviousAndCurrent: number | null;
  /** `GroupPattern.getRawPattern()`: the last pattern of the group; null for plain patterns. */
  readonly rawPattern: FlinkPattern | null;
}

export function hasProperty(pattern: FlinkPattern, property: QuantifierProperty): boolean {
  return pattern.quantifier.properties.has(property);
}

export function isGroupPattern(pattern: FlinkPattern): boolean {
  return pattern.rawPattern !== null;
}
