/** Pattern-wide settings: the `within` window of a graph and the after-match skip strategy. */
import type { AfterMatchSkipStrategy, Window } from "../../model/pattern.ts";
import type { DocumentRule } from "../studioDocument.ts";
import type { GraphPath } from "./graphAccess.ts";
import { editGraph } from "./patternAccess.ts";

/** Sets `within(time, type)` of the graph at `graphPath` (a group's own window when nested); null removes it. */
export function setWindow(rule: DocumentRule, graphPath: GraphPath, window: Window | null): DocumentRule {
  return editGraph(rule, graphPath, (g) => (sameWindow(g.window, window) ? g : { ...g, window }));
}

/**
 * Sets the after-match skip strategy. `patternName` is kept only for SKIP_TO_FIRST / SKIP_TO_LAST,
 * the two strategies that name a stage.
 */
export function setSkipStrategy(rule: DocumentRule, strategy: AfterMatchSkipStrategy): DocumentRule {
  const namesStage = strategy.type === "SKIP_TO_FIRST" || strategy.type === "SKIP_TO_LAST";
  const next: AfterMatchSkipStrategy = namesStage ? strategy : { type: strategy.type, patternName: null };
  return editGraph(rule, [], (g) => {
    const current = g.afterMatchStrategy;
    if (current.type === next.type && current.patternName === next.patternName) return g;
    return { ...g, afterMatchStrategy: next };
  });
}

function sameWindow(a: Window | null, b: Window | null): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && a.time.unit === b.time.unit && a.time.size === b.time.size;
}
