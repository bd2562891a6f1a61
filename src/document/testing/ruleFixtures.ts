/** Small document rules for the edits' tests, built from plain data. */
import type { Condition } from "../../model/condition.ts";
import type { AtomicNode, EdgeContiguity, GraphNode, PatternNode, Rule } from "../../model/pattern.ts";
import { singleQuantifier } from "../../model/quantifier.ts";
import type { DocumentRule, StudioDocument } from "../studioDocument.ts";

/** A single-quantifier stage. */
export function stage(name: string, condition: Condition | null = null): AtomicNode {
  return { type: "ATOMIC", name, quantifier: singleQuantifier(), condition };
}

/** An AVIATOR condition. */
export function aviator(expression: string): Condition {
  return { type: "aviator", expression };
}

/**
 * A graph chaining `nodes` in the given (begin-to-end) order with `types` (followedBy by default),
 * nodes and edges written last first, as the reference writer does.
 */
export function chainGraph(nodes: readonly PatternNode[], types: readonly EdgeContiguity[] = []): GraphNode {
  const edges = nodes.slice(1).map((n, i) => ({
    source: nodes[i]?.name ?? "",
    target: n.name,
    type: types[i] ?? ("SKIP_TILL_NEXT" as const),
  }));
  const last = nodes.at(-1);
  return {
    type: "COMPOSITE",
    name: last?.name ?? "",
    quantifier: last?.quantifier ?? singleQuantifier(),
    condition: null,
    nodes: [...nodes].reverse(),
    edges: edges.reverse(),
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
    version: 1,
  };
}

/** A group node chaining `nodes`, with a single quantifier. */
export function group(
  name: string,
  nodes: readonly PatternNode[],
  types: readonly EdgeContiguity[] = [],
): GraphNode {
  return { ...chainGraph(nodes, types), name, quantifier: singleQuantifier() };
}

/** A document rule whose pattern is `pattern`. */
export function docRule(pattern: GraphNode, key = "r1", id = "1"): DocumentRule {
  const rule: Rule = { id, version: 1, pattern, function: null };
  return { key, rule, enabled: true, positions: {}, published: null };
}

/** A document rule chaining the stages `names` (begin first). */
export function chainRule(names: readonly string[], types: readonly EdgeContiguity[] = []): DocumentRule {
  return docRule(
    chainGraph(
      names.map((n) => stage(n)),
      types,
    ),
  );
}

/** A document of `rules`, the first active. */
export function docOf(...rules: DocumentRule[]): StudioDocument {
  return { rules, activeRuleKey: rules[0]?.key ?? null, bindings: {} };
}

/** The begin-to-end edges of a graph as `a-TYPE->b` strings, sorted, for compact assertions. */
export function edgeList(graph: GraphNode): string[] {
  return graph.edges.map((e) => `${e.source}-${e.type}->${e.target}`).sort();
}

/** The graph's node names in stored order. */
export function nodeNames(graph: GraphNode): string[] {
  return graph.nodes.map((n) => n.name);
}
