/**
 * Stage edits: add, rename, delete, and set a stage's condition or quantifier. Each is pure
 * (document rule in, document rule out; the same object back when nothing changed) and leaves
 * an unknown graph path or stage name alone, so a stale selection can never corrupt a rule.
 */
import type { Condition } from "../../model/condition.ts";
import type { AtomicNode, EdgeContiguity, Edge, GraphNode, Quantifier } from "../../model/pattern.ts";
import { singleQuantifier } from "../../model/quantifier.ts";
import type { DocumentRule, StagePosition } from "../studioDocument.ts";
import { allNodeNames, graphAt, nodeIn, numberedName, stageKey, uniqueName } from "./graphAccess.ts";
import type { GraphPath } from "./graphAccess.ts";
import { editGraph, editStructure, withPattern } from "./patternAccess.ts";
import { dropKeys, moveKeys } from "./positionKeys.ts";
import { renameStageReferences } from "./stageReferences.ts";

/** Flink's name for its final NFA state (`NFACompiler.ENDING_STATE_NAME`). */
const ENDING_STATE_NAME = "$endState$";

/** What a new stage starts with. */
export interface AddStageOptions {
  /** Made unique if taken; `stage_N` when absent or blank. */
  readonly name?: string;
  /** null (the default) accepts every event. */
  readonly condition?: Condition | null;
  /**
   * Chain the new stage after `source` with contiguity `type`. If `source` already leads
   * somewhere, the new stage is inserted between, and the old target keeps its contiguity.
   */
  readonly connectFrom?: { readonly source: string; readonly type: EdgeContiguity };
  readonly position?: StagePosition;
}

/**
 * Adds a stage (single quantifier) to the graph at `graphPath`. Returns the new rule and the
 * stage's name, or the rule unchanged and `name: null` when `graphPath` names no group.
 */
export function addStage(
  rule: DocumentRule,
  graphPath: GraphPath,
  options: AddStageOptions = {},
): { readonly rule: DocumentRule; readonly name: string | null } {
  const graph = graphAt(rule.rule.pattern, graphPath);
  if (!graph) return { rule, name: null };
  const taken = allNodeNames(rule.rule.pattern);
  const requested = options.name?.trim() ?? "";
  const name = requested === "" ? numberedName("stage", taken) : uniqueName(requested, taken);
  const stage: AtomicNode = {
    type: "ATOMIC",
    name,
    quantifier: singleQuantifier(),
    condition: options.condition ?? null,
  };
  const from = options.connectFrom;
  let next = editStructure(rule, graphPath, (g) => {
    const edges =
      from && nodeIn(g, from.source) ? insertAfter(g.edges, from.source, name, from.type) : g.edges;
    return { ...g, nodes: [...g.nodes, stage], edges };
  });
  if (options.position) {
    next = { ...next, positions: { ...next.positions, [stageKey(graphPath, name)]: options.position } };
  }
  return { rule: next, name };
}

function insertAfter(edges: readonly Edge[], source: string, name: string, type: EdgeContiguity): Edge[] {
  const out: Edge[] = [];
  for (const edge of edges) {
    if (edge.source === source) out.push({ source: name, target: edge.target, type: edge.type });
    else out.push(edge);
  }
  out.push({ source, target: name, type });
  return out;
}

/**
 * Why `to` cannot be the new name of `from`, or null when it can. Stage names are unique across
 * the whole pattern (Flink's `checkPatternNameUniqueness`), so groups' stages count too.
 */
export function stageNameProblem(rule: DocumentRule, from: string, to: string): string | null {
  if (to.trim() === "") return "a stage needs a name";
  if (to === from) return null;
  if (to === ENDING_STATE_NAME) return `'${ENDING_STATE_NAME}' is reserved for Flink's final NFA state`;
  if (to.includes(":")) return "Flink cuts state names at ':', so matches would show another name";
  if (allNodeNames(rule.rule.pattern).has(to)) return `'${to}' is already a stage name in this pattern`;
  return null;
}

/**
 * Renames stage (or group) `from` in the graph at `graphPath` to `to`: edges, canvas positions,
 * and for a stage also the skip strategy's `patternName` and every `getEventsForPattern('from')`
 * in AVIATOR conditions. Unchanged when {@link stageNameProblem} objects. CLASS conditions are
 * evaluated through the shared binding table, which is not rewritten (other rules share it).
 */
export function renameStage(
  rule: DocumentRule,
  graphPath: GraphPath,
  from: string,
  to: string,
): DocumentRule {
  const graph = graphAt(rule.rule.pattern, graphPath);
  const node = graph && nodeIn(graph, from);
  if (!node || to === from || stageNameProblem(rule, from, to) !== null) return rule;
  const renamed = editStructure(rule, graphPath, (g) => ({
    ...g,
    nodes: g.nodes.map((n) => (n === node ? { ...n, name: to } : n)),
    edges: g.edges.map((e) => ({
      ...e,
      source: e.source === from ? to : e.source,
      target: e.target === from ? to : e.target,
    })),
  }));
  const positions = moveKeys(renamed.positions, stageKey(graphPath, from), stageKey(graphPath, to));
  const pattern =
    node.type === "ATOMIC"
      ? renameStageReferences(renamed.rule.pattern, graphPath.length === 0, from, to)
      : renamed.rule.pattern;
  return { ...withPattern(renamed, pattern), positions };
}

/**
 * Deletes stages (or groups) of the graph at `graphPath` with their edges and positions. A
 * deleted stage in the middle of the chain is bridged: its predecessor is joined to its
 * successor with the successor's incoming contiguity, so the chain stays one chain.
 */
export function deleteStages(
  rule: DocumentRule,
  graphPath: GraphPath,
  names: readonly string[],
): DocumentRule {
  const graph = graphAt(rule.rule.pattern, graphPath);
  const doomed = new Set(names.filter((n) => graph && nodeIn(graph, n)));
  if (doomed.size === 0) return rule;
  const next = editStructure(rule, graphPath, (g) => {
    let edges = g.edges;
    for (const name of doomed) edges = bridge(edges, name);
    return { ...g, nodes: g.nodes.filter((n) => !doomed.has(n.name)), edges };
  });
  const positions = dropKeys(
    next.positions,
    [...doomed].map((n) => stageKey(graphPath, n)),
  );
  return positions === next.positions ? next : { ...next, positions };
}

/** `edges` without `name`'s edges, its predecessor joined to its successor if it had both. */
function bridge(edges: readonly Edge[], name: string): readonly Edge[] {
  const incoming = edges.find((e) => e.target === name);
  const outgoing = edges.find((e) => e.source === name);
  const kept = edges.filter((e) => e.source !== name && e.target !== name);
  if (!incoming || !outgoing || incoming.source === outgoing.target) return kept;
  return [...kept, { source: incoming.source, target: outgoing.target, type: outgoing.type }];
}

/** Sets a stage's condition; null accepts every event. */
export function setStageCondition(
  rule: DocumentRule,
  graphPath: GraphPath,
  name: string,
  condition: Condition | null,
): DocumentRule {
  return editGraph(rule, graphPath, (g) =>
    mapAtomic(g, name, (n) => (n.condition === condition ? n : { ...n, condition })),
  );
}

/**
 * Sets a stage's quantifier. When the top-level GraphSpec mirrors this stage (the reference
 * writer copies the last stage's name and quantifier there), the mirror follows.
 */
export function setStageQuantifier(
  rule: DocumentRule,
  graphPath: GraphPath,
  name: string,
  quantifier: Quantifier,
): DocumentRule {
  const next = editGraph(rule, graphPath, (g) =>
    mapAtomic(g, name, (n) => (n.quantifier === quantifier ? n : { ...n, quantifier })),
  );
  const top = next.rule.pattern;
  if (next === rule || graphPath.length > 0 || top.name !== name) return next;
  return withPattern(next, { ...top, quantifier });
}

function mapAtomic(graph: GraphNode, name: string, update: (node: AtomicNode) => AtomicNode): GraphNode {
  const node = nodeIn(graph, name);
  if (node?.type !== "ATOMIC") return graph;
  const updated = update(node);
  if (updated === node) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (n === node ? updated : n)) };
}
