/**
 * Applies a rule read from the source view to the document, through D1's pure edits: the rule
 * replaces the old one (key, enabled flag and publish state stay) and canvas positions follow
 * their stages. Positions are keyed by stage name, so a stage renamed in the JSON would lose
 * its place; a node whose name changed while it kept its index in its graph is taken to be the
 * same stage, renamed, and keeps its position.
 */
import { findRule } from "../document/documentQueries.ts";
import { stageKey } from "../document/edits/graphAccess.ts";
import type { GraphPath } from "../document/edits/graphAccess.ts";
import { moveKeys } from "../document/edits/positionKeys.ts";
import { replaceRule, updateRule } from "../document/edits/ruleEdits.ts";
import type { StageKey, StagePosition, StudioDocument } from "../document/studioDocument.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";

type Positions = Readonly<Record<StageKey, StagePosition>>;

/** `doc` with rule `key` replaced by `rule`; `doc` itself when nothing changed. */
export function applySourceRule(doc: StudioDocument, key: string, rule: Rule): StudioDocument {
  const before = findRule(doc, key);
  if (!before) return doc;
  const replaced = replaceRule(doc, key, rule);
  return updateRule(replaced, key, (r) => {
    const positions = carryRenamedPositions(r.positions, before.rule.pattern, rule.pattern, []);
    return positions === r.positions ? r : { ...r, positions };
  });
}

/** Moves the positions of stages renamed in place (same index, old name gone, new name new). */
function carryRenamedPositions(
  positions: Positions,
  before: GraphNode,
  after: GraphNode,
  graphPath: GraphPath,
): Positions {
  const oldNames = new Set(before.nodes.map((n) => n.name));
  const newNames = new Set(after.nodes.map((n) => n.name));
  let out = positions;
  after.nodes.forEach((node, i) => {
    const old = before.nodes[i];
    if (!old || old.type !== node.type) return;
    let path = [...graphPath, old.name];
    if (old.name !== node.name && !newNames.has(old.name) && !oldNames.has(node.name)) {
      out = moveKeys(out, stageKey(graphPath, old.name), stageKey(graphPath, node.name));
      path = [...graphPath, node.name];
    }
    if (old.type === "COMPOSITE" && node.type === "COMPOSITE") {
      out = carryRenamedPositions(out, old, node, path);
    }
  });
  return out;
}
