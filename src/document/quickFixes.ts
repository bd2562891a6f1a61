/**
 * One-click fixes for `validatePattern` diagnostics whose fix is obvious: the change Flink's own
 * message asks for (drop a flag Flink forbids here, remove an until on a non-looping stage, give a
 * trailing notFollowedBy a window, rename a duplicate …; the renames are in
 * `quickFixesRename.ts`). Fixes that would change what the pattern means in a way the user has to
 * choose (which stage to skip to, which chain to keep) are not offered.
 */
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import type { GraphNode, Quantifier, Rule, Window } from "../model/pattern.ts";
import { quantifierKind } from "../model/quantifier.ts";
import { moveKeys } from "./edits/positionKeys.ts";
import { setQuantifierKind, setTimesWindow, withoutProperty } from "./edits/quantifierEdits.ts";
import {
  graphAtIndices,
  locate,
  nodeAt,
  updateGraphAtIndices,
  updateNodeAt,
  updateQuantifierAt,
} from "./patternLocation.ts";
import type { PatternLocation } from "./patternLocation.ts";
import { renameFixes } from "./quickFixesRename.ts";
import type { DocumentRule, StageKey } from "./studioDocument.ts";

/** A fix: what the button says and the change it makes. */
export interface QuickFix {
  readonly label: string;
  apply(rule: Rule): Rule;
  /** A rename's canvas-position keys, so the stage (or the group and its stages) keeps its place. */
  readonly moves?: { readonly from: StageKey; readonly to: StageKey };
}

/** Applies `fix` to a rule of the document, its canvas positions following a rename. */
export function applyQuickFix(entry: DocumentRule, quickFix: QuickFix): DocumentRule {
  const rule = quickFix.apply(entry.rule);
  if (rule === entry.rule) return entry;
  const { moves } = quickFix;
  const positions = moves ? moveKeys(entry.positions, moves.from, moves.to) : entry.positions;
  return { ...entry, rule, positions };
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

/**
 * The fixes for `diagnostic` on `rule` (possibly none). `ruleIds` are the ids of the rule set's
 * rules: a fixed rule id is made fresh against them.
 */
export function quickFixesFor(
  rule: Rule,
  diagnostic: PatternDiagnostic,
  ruleIds: ReadonlySet<string> = new Set(),
): QuickFix[] {
  const at = locate(diagnostic.path);
  const m = diagnostic.message;
  const node = nodeAt(rule.pattern, at);
  const quantifierFix = (label: string, update: (q: Quantifier) => Quantifier) =>
    fix(label, (p) => mirrorLast(updateQuantifierAt(p, at, update), at));

  const renames = renameFixes(rule, diagnostic, ruleIds);
  if (renames !== null) return renames;
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
