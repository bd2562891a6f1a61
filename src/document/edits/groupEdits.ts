/**
 * Group patterns (`Pattern.begin(Pattern)` / `followedBy(Pattern)`, Flink's `GroupPattern`):
 * turn a run of consecutive stages into a group with its own quantifier, and back.
 */
import type { Edge, GraphNode, Quantifier } from "../../model/pattern.ts";
import { singleQuantifier } from "../../model/quantifier.ts";
import type { DocumentRule, StageKey, StagePosition } from "../studioDocument.ts";
import { allNodeNames, graphAt, nodeIn, numberedName, stageKey } from "./graphAccess.ts";
import type { GraphPath } from "./graphAccess.ts";
import { editGraph, editStructure, withPattern } from "./patternAccess.ts";
import { moveKeys, positionAt } from "./positionKeys.ts";

/**
 * Room between a group's frame and its stages on the canvas; `top` leaves room for the frame's
 * title bar. The designer draws and lays out groups with the same numbers.
 */
export const GROUP_PADDING = { left: 20, top: 40, right: 20, bottom: 20 } as const;

/**
 * The stages `names` in chain order when they form one unbroken run of the chain at `graphPath`,
 * or a sentence saying why they cannot be grouped.
 */
export function groupableRun(
  rule: DocumentRule,
  graphPath: GraphPath,
  names: readonly string[],
): { readonly run: readonly string[] } | { readonly problem: string } {
  const graph = graphAt(rule.rule.pattern, graphPath);
  if (!graph) return { problem: "the graph no longer exists" };
  const set = new Set(names);
  if (set.size === 0) return { problem: "select the stages to group" };
  for (const name of set) if (!nodeIn(graph, name)) return { problem: `there is no stage '${name}' here` };
  const inner = graph.edges.filter((e) => set.has(e.source) && set.has(e.target));
  const heads = [...set].filter((n) => !inner.some((e) => e.target === n));
  const run: string[] = [];
  let current = heads.length === 1 ? heads[0] : undefined;
  while (current !== undefined && !run.includes(current)) {
    run.push(current);
    const from: string = current;
    current = inner.find((e) => e.source === from)?.target;
  }
  if (run.length !== set.size) return { problem: "only consecutive stages of one chain can be grouped" };
  return { run };
}

/**
 * Puts the consecutive stages `names` into a new group (`group_N`, quantifier single) that takes
 * their place in the chain. Returns the group's name, or null (and the rule unchanged) when
 * {@link groupableRun} objects.
 */
export function groupStages(
  rule: DocumentRule,
  graphPath: GraphPath,
  names: readonly string[],
): { readonly rule: DocumentRule; readonly name: string | null } {
  const found = groupableRun(rule, graphPath, names);
  if (!("run" in found)) return { rule, name: null };
  const members = new Set(found.run);
  const first = found.run[0];
  const last = found.run.at(-1);
  const name = numberedName("group", allNodeNames(rule.rule.pattern));
  const next = editStructure(rule, graphPath, (g) => {
    const group: GraphNode = {
      type: "COMPOSITE",
      name,
      quantifier: singleQuantifier(),
      condition: null,
      nodes: g.nodes.filter((n) => members.has(n.name)),
      edges: g.edges.filter((e) => members.has(e.source) && members.has(e.target)),
      window: null,
      afterMatchStrategy: { type: "NO_SKIP", patternName: null },
      version: 1,
    };
    const edges: Edge[] = [];
    for (const e of g.edges) {
      if (members.has(e.source) && members.has(e.target)) continue;
      if (e.target === first) edges.push({ ...e, target: name });
      else if (e.source === last) edges.push({ ...e, source: name });
      else edges.push(e);
    }
    return { ...g, nodes: [...g.nodes.filter((n) => !members.has(n.name)), group], edges };
  });
  return { rule: { ...next, positions: groupPositions(next.positions, graphPath, name, found.run) }, name };
}

/**
 * Moves the members' positions into the group. Positions are relative to the enclosing group,
 * so the group sits just around its members and they become relative to it; if a member has no
 * position yet, automatic layout places them all.
 */
function groupPositions(
  positions: Readonly<Record<StageKey, StagePosition>>,
  graphPath: GraphPath,
  group: string,
  members: readonly string[],
): Readonly<Record<StageKey, StagePosition>> {
  let moved = positions;
  for (const m of members)
    moved = moveKeys(moved, stageKey(graphPath, m), stageKey([...graphPath, group], m));
  const own = members.map((m) => positionAt(positions, stageKey(graphPath, m)));
  if (own.some((p) => p === undefined)) return moved;
  const placed = own.filter((p): p is StagePosition => p !== undefined);
  const origin = {
    x: Math.min(...placed.map((p) => p.x)) - GROUP_PADDING.left,
    y: Math.min(...placed.map((p) => p.y)) - GROUP_PADDING.top,
  };
  const inner = members.flatMap((m, i): [StageKey, StagePosition][] => {
    const p = own[i];
    return p ? [[stageKey([...graphPath, group], m), { x: p.x - origin.x, y: p.y - origin.y }]] : [];
  });
  return Object.fromEntries([...Object.entries(moved), [stageKey(graphPath, group), origin], ...inner]);
}

/**
 * Dissolves group `groupName`: its stages take its place in the enclosing chain (the edge into
 * the group now enters its first stage, the edge out leaves its last), and the group's own
 * quantifier and window go with it. Unchanged when an inner name is already used next to the group.
 */
export function ungroup(rule: DocumentRule, graphPath: GraphPath, groupName: string): DocumentRule {
  const graph = graphAt(rule.rule.pattern, graphPath);
  const group = graph && nodeIn(graph, groupName);
  if (!graph || group?.type !== "COMPOSITE") return rule;
  const outer = new Set(graph.nodes.filter((n) => n !== group).map((n) => n.name));
  if (group.nodes.some((n) => outer.has(n.name))) return rule;
  const targeted = new Set(group.edges.map((e) => e.target));
  const sources = new Set(group.edges.map((e) => e.source));
  const first = group.nodes.find((n) => !targeted.has(n.name))?.name;
  const last = group.nodes.find((n) => !sources.has(n.name))?.name;
  const next = editStructure(rule, graphPath, (g) => {
    const edges: Edge[] = [];
    for (const e of g.edges) {
      if (e.target === groupName) {
        if (first !== undefined) edges.push({ ...e, target: first });
      } else if (e.source === groupName) {
        if (last !== undefined) edges.push({ ...e, source: last });
      } else edges.push(e);
    }
    const nodes = g.nodes.flatMap((n) => (n === group ? group.nodes : [n]));
    return { ...g, nodes, edges: [...edges, ...group.edges] };
  });
  return { ...next, positions: ungroupPositions(next.positions, graphPath, group) };
}

function ungroupPositions(
  positions: Readonly<Record<StageKey, StagePosition>>,
  graphPath: GraphPath,
  group: GraphNode,
): Readonly<Record<StageKey, StagePosition>> {
  const groupKey = stageKey(graphPath, group.name);
  const origin = positionAt(positions, groupKey);
  let moved: Readonly<Record<StageKey, StagePosition>> = Object.fromEntries(
    Object.entries(positions).filter(([key]) => key !== groupKey),
  );
  for (const n of group.nodes) {
    const innerKey = stageKey([...graphPath, group.name], n.name);
    const p = positionAt(moved, innerKey);
    moved = moveKeys(moved, innerKey, stageKey(graphPath, n.name));
    // Members were placed relative to the group; now they are relative to the group's parent.
    if (p && origin)
      moved = { ...moved, [stageKey(graphPath, n.name)]: { x: p.x + origin.x, y: p.y + origin.y } };
  }
  return moved;
}

/**
 * Sets a group's quantifier (`GroupPattern` times / oneOrMore / optional …). As for stages, the
 * top-level GraphSpec's mirror of its last node follows.
 */
export function setGroupQuantifier(
  rule: DocumentRule,
  graphPath: GraphPath,
  groupName: string,
  quantifier: Quantifier,
): DocumentRule {
  const next = editGraph(rule, graphPath, (g) => {
    const group = nodeIn(g, groupName);
    if (group?.type !== "COMPOSITE" || group.quantifier === quantifier) return g;
    return { ...g, nodes: g.nodes.map((n) => (n === group ? { ...group, quantifier } : n)) };
  });
  const top = next.rule.pattern;
  if (next === rule || graphPath.length > 0 || top.name !== groupName) return next;
  return withPattern(next, { ...top, quantifier });
}
