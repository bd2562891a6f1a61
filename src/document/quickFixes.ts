/**
 * One-click fixes for `validatePattern` diagnostics whose fix is obvious: the change Flink's own
 * message asks for (drop a flag Flink forbids here, remove an until on a non-looping stage, give a
 * trailing notFollowedBy a window, rename a duplicate …). Fixes that would change what the
 * pattern means in a way the user has to choose (which stage to skip to, which chain to keep)
 * are not offered.
 */
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import type { GraphNode, PatternNode, Quantifier, Rule, Window } from "../model/pattern.ts";
import { withoutHiddenCharacters } from "../model/hiddenCharacters.ts";
import { quantifierKind } from "../model/quantifier.ts";
import { allNodeNames, uniqueName } from "./edits/graphAccess.ts";
import { setQuantifierKind, setTimesWindow, withoutProperty } from "./edits/quantifierEdits.ts";
import { renameReferencesInGraph } from "./edits/stageReferences.ts";
import {
  graphAtIndices,
  locate,
  nodeAt,
  updateGraphAtIndices,
  updateNodeAt,
  updateQuantifierAt,
} from "./patternLocation.ts";
import type { PatternLocation } from "./patternLocation.ts";

/** A fix: what the button says and the change it makes. */
export interface QuickFix {
  readonly label: string;
  apply(rule: Rule): Rule;
}

/** The window the notFollowedBy fix adds: long enough for a demo, short enough to see timeouts. */
export const DEFAULT_FIX_WINDOW: Window = { type: "FIRST_AND_LAST", time: { unit: "MINUTES", size: 10 } };

type PatternChange = (pattern: GraphNode) => GraphNode;

function fix(label: string, change: PatternChange): QuickFix {
  return {
    label,
    apply(rule) {
      const pattern = change(rule.pattern);
      return pattern === rule.pattern ? rule : { ...rule, pattern };
    },
  };
}

/** The fixes for `diagnostic` on `rule` (possibly none). */
export function quickFixesFor(rule: Rule, diagnostic: PatternDiagnostic): QuickFix[] {
  const at = locate(diagnostic.path);
  const m = diagnostic.message;
  const node = nodeAt(rule.pattern, at);
  const quantifierFix = (label: string, update: (q: Quantifier) => Quantifier) =>
    fix(label, (p) => mirrorLast(updateQuantifierAt(p, at, update), at));

  if (m.includes("Duplicate pattern name:") || m.includes("another stage at this level has the same name")) {
    if (!node || node.name === "") return [];
    const fresh = uniqueName(node.name, allNodeNames(rule.pattern));
    return [fix(`Rename this one to '${fresh}'`, (p) => renameNodeAt(p, at, node.name, fresh))];
  }
  if (m.includes("retype it if that was not meant") && node && diagnostic.path.endsWith(".name")) {
    const cleaned = withoutHiddenCharacters(node.name);
    if (cleaned === "") return [];
    const fresh = uniqueName(cleaned, allNodeNames(rule.pattern));
    return [
      fix(`Rename to '${fresh}', without the hidden characters`, (p) =>
        renameWithReferences(p, at, node, fresh),
      ),
    ];
  }
  if (m.includes("GREEDY") || m.includes("cannot be greedy")) {
    return [quantifierFix("Remove greedy()", (q) => withoutProperty(q, "GREEDY"))];
  }
  if (m.includes("NOT pattern cannot be optional")) {
    return [quantifierFix("Remove optional()", (q) => withoutProperty(q, "OPTIONAL"))];
  }
  if (m.includes("Optional pattern cannot be preceded by greedy pattern")) {
    const previous = /\('(.*)' is greedy\)/.exec(m)?.[1];
    const fixes = [quantifierFix("Remove optional()", (q) => withoutProperty(q, "OPTIONAL"))];
    const prevAt = previous === undefined ? null : siblingLocation(rule.pattern, at, previous);
    if (prevAt) {
      fixes.push(
        fix(`Remove greedy() from '${previous ?? ""}'`, (p) =>
          mirrorLast(
            updateQuantifierAt(p, prevAt, (q) => withoutProperty(q, "GREEDY")),
            prevAt,
          ),
        ),
      );
    }
    return fixes;
  }
  if (m.includes("optional path to NOT condition")) {
    const previous = /the stage before, '(.*)', is optional/.exec(m)?.[1];
    const prevAt = previous === undefined ? null : siblingLocation(rule.pattern, at, previous);
    if (!prevAt) return [];
    return [
      fix(`Make '${previous ?? ""}' required`, (p) =>
        mirrorLast(
          updateQuantifierAt(p, prevAt, (q) => withoutProperty(q, "OPTIONAL")),
          prevAt,
        ),
      ),
    ];
  }
  if (m.includes("The until condition is only applicable to looping states")) {
    return [
      quantifierFix("Remove until()", (q) => ({ ...q, untilCondition: null })),
      quantifierFix("Make it oneOrMore()", (q) => setQuantifierKind(q, "LOOPING")),
    ];
  }
  if (m.includes("not applicable to a SINGLE stage")) {
    return [
      quantifierFix("Reset to the default contiguity", (q) => ({
        ...q,
        consumingStrategy: "SKIP_TILL_NEXT",
      })),
    ];
  }
  if (m.includes("times is ignored for a SINGLE stage")) {
    return [quantifierFix("Remove times", (q) => ({ ...q, times: null }))];
  }
  if (m.includes("is ignored for LOOPING")) {
    return [
      quantifierFix("Set times.to = times.from", (q) =>
        q.times ? { ...q, times: { ...q.times, to: q.times.from } } : q,
      ),
    ];
  }
  if (m.includes("Optional already applied!") || m.includes("The from should be a positive number")) {
    return [
      quantifierFix("Set times.from to 1", (q) => (q.times ? { ...q, times: { ...q.times, from: 1 } } : q)),
    ];
  }
  if (m.includes("The to should be a number greater than or equal to from")) {
    return [
      quantifierFix("Set times.to = times.from", (q) =>
        q.times ? { ...q, times: { ...q.times, to: q.times.from } } : q,
      ),
    ];
  }
  if (m.includes("drops times.windowTime on a TIMES stage")) {
    return [quantifierFix("Remove times.windowTime", (q) => setTimesWindow(q, null))];
  }
  if (m.includes("properties names none of SINGLE, LOOPING, TIMES")) {
    return [quantifierFix("Add SINGLE", (q) => ({ ...q, properties: ["SINGLE", ...q.properties] }))];
  }
  if (m.includes("properties has SINGLE together with")) {
    const kind = node?.quantifier && quantifierKind(node.quantifier);
    return kind ? [quantifierFix(`Keep ${kind}`, (q) => withoutProperty(q, "SINGLE"))] : [];
  }
  if (m.includes("NotFollowedBy is not supported without windowTime")) {
    return [fix("Add a 10-minute window", (p) => ({ ...p, window: DEFAULT_FIX_WINDOW }))];
  }
  if (diagnostic.path.startsWith("window.time") && diagnostic.stage === null) {
    // A window of 0 (or a negative one) does not limit the match: removing it says so honestly.
    return [fix("Remove the window", (p) => ({ ...p, window: null }))];
  }
  if (m.includes("patternName is ignored for")) {
    return [
      fix("Clear patternName", (p) => ({
        ...p,
        afterMatchStrategy: { ...p.afterMatchStrategy, patternName: null },
      })),
    ];
  }
  if (m === "the top-level condition is ignored by Flink's reader") {
    return [fix("Remove the top-level condition", (p) => ({ ...p, condition: null }))];
  }
  if (m.includes("GroupPattern does not support where clause")) {
    return [
      fix("Remove the group's condition", (p) => updateNodeAt(p, at, (n) => ({ ...n, condition: null }))),
    ];
  }
  if (
    at.target.kind === "edge" &&
    (m.includes("an edge leads from the stage to itself") ||
      m.includes("more than one outgoing edge") ||
      m.includes("more than one incoming edge") ||
      / names no stage of this graph/.test(m))
  ) {
    const index = at.target.index;
    return [
      fix("Remove this edge", (p) =>
        updateGraphAtIndices(p, at.graph, (g) => ({ ...g, edges: g.edges.filter((_, i) => i !== index) })),
      ),
    ];
  }
  return [];
}

/**
 * Renames the located node. Its graph's edges follow only when no other node there has the old
 * name (else they cannot say which one they meant); AVIATOR references stay, as they are
 * ambiguous between the two stages either way.
 */
/**
 * Renames the node at `at` and, for a stage, what refers to it as the designer's rename does: the
 * conditions' `getEventsForPattern` / until references and the skip strategy's stage.
 */
function renameWithReferences(
  pattern: GraphNode,
  at: PatternLocation,
  node: PatternNode,
  to: string,
): GraphNode {
  const renamed = renameNodeAt(pattern, at, node.name, to);
  // Group names are not stage names to Flink: only a stage's rename reaches conditions and the strategy.
  if (node.type !== "ATOMIC") return renamed;
  const referenced = renameReferencesInGraph(renamed, new Map([[node.name, to]]));
  const skip = referenced.afterMatchStrategy;
  return at.graph.length === 0 && skip.patternName === node.name
    ? { ...referenced, afterMatchStrategy: { ...skip, patternName: to } }
    : referenced;
}

/** Renames the node at `at`, and its edges unless another node of its graph keeps the old name. */
function renameNodeAt(pattern: GraphNode, at: PatternLocation, from: string, to: string): GraphNode {
  const renamed = updateNodeAt(pattern, at, (n) => ({ ...n, name: to }));
  const graph = graphAtIndices(renamed, at.graph);
  if (!graph || graph.nodes.some((n) => n.name === from)) return renamed;
  return updateGraphAtIndices(renamed, at.graph, (g) => ({
    ...g,
    edges: g.edges.map((e) => ({
      ...e,
      source: e.source === from ? to : e.source,
      target: e.target === from ? to : e.target,
    })),
  }));
}

/** The location of the node called `name` in the same graph as `at`. */
function siblingLocation(pattern: GraphNode, at: PatternLocation, name: string): PatternLocation | null {
  const index = graphAtIndices(pattern, at.graph)?.nodes.findIndex((n) => n.name === name) ?? -1;
  return index < 0 ? null : { graph: at.graph, target: { kind: "node", index }, rest: "" };
}

/**
 * Keeps the top-level GraphSpec's mirror of its last stage (name and quantifier, as the reference
 * writer copies them) in step when a fix changed that stage's quantifier.
 */
function mirrorLast(pattern: GraphNode, at: PatternLocation): GraphNode {
  const node = at.graph.length === 0 ? nodeAt(pattern, at) : null;
  if (!node || node.name !== pattern.name || node.quantifier === pattern.quantifier) return pattern;
  return { ...pattern, quantifier: node.quantifier };
}
