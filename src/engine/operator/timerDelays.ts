/**
 * Every window a pattern declares, in milliseconds: the graph's `within` (nested groups
 * included) and each `times(…, windowTime)` / `timesOrMore(…, windowTime)` window. A partial
 * match can only time out, or release a pending match, at "an event's timestamp + one of these";
 * the operator sets its event-time timers there.
 */
import { durationToMillis } from "../../model/duration.ts";
import type { GraphNode, PatternNode } from "../../model/pattern.ts";

/** The distinct positive window lengths of `graph`, ascending. */
export function timerDelaysOf(graph: GraphNode): number[] {
  const delays = new Set<number>();
  collect(graph, delays);
  return [...delays].filter((ms) => ms > 0).sort((a, b) => a - b);
}

function collect(node: PatternNode, delays: Set<number>): void {
  const windowTime = node.quantifier?.times?.windowTime;
  if (windowTime) delays.add(durationToMillis(windowTime));
  if (node.type === "ATOMIC") return;
  if (node.window) delays.add(durationToMillis(node.window.time));
  for (const child of node.nodes) collect(child, delays);
}
