/**
 * The quick fixes that rename: a duplicate stage name, a stage or group name and a rule id holding
 * hidden characters or look-alikes. A stage's references (edges, `getEventsForPattern`, the skip
 * strategy's stage) follow as in the designer's own rename, and its canvas position too.
 */
import { withoutHiddenCharacters } from "../model/hiddenCharacters.ts";
import { withoutLookAlikes } from "../model/lookAlikeCharacters.ts";
import type { GraphNode, PatternNode, Rule } from "../model/pattern.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { REPLACE_LOOK_ALIKES, RETYPE_HIDDEN } from "../model/validateText.ts";
import { allNodeNames, stageKey, uniqueName } from "./edits/graphAccess.ts";
import { renameStageReferences } from "./edits/stageReferences.ts";
import { graphAtIndices, locate, nodeAt, updateGraphAtIndices, updateNodeAt } from "./patternLocation.ts";
import type { PatternLocation } from "./patternLocation.ts";
import type { QuickFix } from "./quickFixes.ts";

/**
 * The rename fixes for `diagnostic` on `rule` (possibly none), or null when it is no finding a
 * rename fixes. `ruleIds` are the rule set's ids: a fixed rule id is made fresh against them.
 */
export function renameFixes(
  rule: Rule,
  diagnostic: PatternDiagnostic,
  ruleIds: ReadonlySet<string>,
): QuickFix[] | null {
  const m = diagnostic.message;
  if (diagnostic.stage === null && m.startsWith("rule id '")) return ruleIdFixes(rule, m, ruleIds);
  const at = locate(diagnostic.path);
  const node = nodeAt(rule.pattern, at);
  if (m.includes("Duplicate pattern name:") || m.includes("another stage at this level has the same name")) {
    if (!node || node.name === "") return [];
    const fresh = uniqueName(node.name, allNodeNames(rule.pattern));
    return [
      renameFix(rule.pattern, at, node.name, fresh, `Rename this one to '${fresh}'`, (p) =>
        renameNodeAt(p, at, node.name, fresh),
      ),
    ];
  }
  const hidden = m.endsWith(RETYPE_HIDDEN);
  if (!diagnostic.path.endsWith(".name") || !(hidden || m.endsWith(REPLACE_LOOK_ALIKES))) return null;
  if (!node) return [];
  const cleaned = hidden ? withoutHiddenCharacters(node.name) : withoutLookAlikes(node.name);
  if (cleaned === "") return [];
  const fresh = uniqueName(cleaned, allNodeNames(rule.pattern));
  const label = hidden
    ? `Rename to '${fresh}', without the hidden characters`
    : `Replace look-alikes: rename to '${fresh}'`;
  return [
    renameFix(rule.pattern, at, node.name, fresh, label, (p) => renameWithReferences(p, at, node, fresh)),
  ];
}

/**
 * A fix renaming the node at `at` from `from` to `to` with `change`, moving its canvas position
 * unless another node of that graph keeps the name `from` (the positions key is theirs too).
 */
function renameFix(
  pattern: GraphNode,
  at: PatternLocation,
  from: string,
  to: string,
  label: string,
  change: (pattern: GraphNode) => GraphNode,
): QuickFix {
  const apply = (rule: Rule): Rule => {
    const changed = change(rule.pattern);
    return changed === rule.pattern ? rule : { ...rule, pattern: changed };
  };
  const groups: string[] = [];
  let graph = pattern;
  for (const i of at.graph) {
    const next = graph.nodes[i];
    if (next?.type !== "COMPOSITE") return { label, apply };
    groups.push(next.name);
    graph = next;
  }
  if (graph.nodes.filter((n) => n.name === from).length !== 1) return { label, apply };
  return { label, apply, moves: { from: stageKey(groups, from), to: stageKey(groups, to) } };
}

/**
 * A rule id with hidden characters or look-alikes: rename the rule to the id as it reads (trimmed,
 * as the id field trims), or a fresh one when another rule has that id; none when nothing is left.
 */
function ruleIdFixes(rule: Rule, message: string, ruleIds: ReadonlySet<string>): QuickFix[] {
  const hidden = message.endsWith(RETYPE_HIDDEN);
  if (!hidden && !message.endsWith(REPLACE_LOOK_ALIKES)) return [];
  const cleaned = (hidden ? withoutHiddenCharacters(rule.id) : withoutLookAlikes(rule.id)).trim();
  if (cleaned === "" || cleaned === rule.id) return [];
  const fresh = uniqueName(cleaned, ruleIds);
  const label = hidden
    ? `Rename the rule to '${fresh}', without the hidden characters`
    : `Replace look-alikes: rename the rule to '${fresh}'`;
  // An id holding such characters was never a JSON number: there is no `idIsNumber` to keep in step.
  return [{ label, apply: (r) => (r.id === rule.id ? { ...r, id: fresh } : r) }];
}

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
  return node.type === "ATOMIC"
    ? renameStageReferences(renamed, at.graph.length === 0, node.name, to)
    : renamed;
}

/**
 * Renames the node at `at`. Its graph's edges follow only when no other node there keeps the old
 * name (else they cannot say which one they meant).
 */
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
