/**
 * What the palette adds: a plain stage, a group, and the common stage shapes of the Pattern API
 * (oneOrMore, times(n), optional, an absence via notFollowedBy). Adding is pure: a document rule
 * and the selection in, the rule with the new stage (chained after the selected stage, or after
 * the chain's last stage) and where it went out.
 */
import { addStage, setStageQuantifier } from "../document/edits/stageEdits.ts";
import { groupStages } from "../document/edits/groupEdits.ts";
import { graphAt, stageKey } from "../document/edits/graphAccess.ts";
import type { DocumentRule, StagePosition } from "../document/studioDocument.ts";
import type { EdgeContiguity, GraphNode, Quantifier } from "../model/pattern.ts";
import { loopingQuantifier, singleQuantifier, timesQuantifier, withProperty } from "../model/quantifier.ts";
import { stageChain } from "../model/stageChain.ts";
import { missingPositions } from "./placement.ts";
import type { Selection } from "./selectionStore.ts";

/** The palette's entries. */
export const PALETTE_SHAPES = ["stage", "group", "oneOrMore", "times", "optional", "absence"] as const;
export type PaletteShape = (typeof PALETTE_SHAPES)[number];

/** How each entry reads in the palette, with the Pattern API call it stands for. */
export const PALETTE_LABELS: Readonly<Record<PaletteShape, { label: string; call: string }>> = {
  stage: { label: "Stage", call: ".followedBy()" },
  group: { label: "Group", call: "(Pattern)" },
  oneOrMore: { label: "1 or more", call: ".oneOrMore()" },
  times: { label: "Times", call: ".times(2)" },
  optional: { label: "Optional", call: ".optional()" },
  absence: { label: "Absence", call: ".notFollowedBy()" },
};

const SHAPE_QUANTIFIER: Readonly<Partial<Record<PaletteShape, () => Quantifier>>> = {
  oneOrMore: () => loopingQuantifier(1),
  times: () => timesQuantifier(2, 2),
  optional: () => withProperty(singleQuantifier(), "OPTIONAL"),
};

/** The result of adding a shape: the rule, the graph it went into and the new stage's name. */
interface AddedShape {
  readonly rule: DocumentRule;
  readonly graphPath: readonly string[];
  readonly name: string;
}

/**
 * Adds `shape` to `rule`: into the graph of the selected stages, chained after the last selected
 * one in chain order (or after the chain's last stage); at `position` when given (a drop point,
 * top-level graph coordinates), else right of the stage it follows.
 */
export function addShape(
  rule: DocumentRule,
  selection: Selection,
  shape: PaletteShape,
  position?: StagePosition,
): AddedShape | null {
  const graphPath = selection.type === "stages" && position === undefined ? selection.graphPath : [];
  const graph = graphAt(rule.rule.pattern, graphPath);
  if (!graph) return null;
  const source = anchorStage(graph, selection.type === "stages" ? selection.names : []);
  const type: EdgeContiguity = shape === "absence" ? "NOT_FOLLOW" : "SKIP_TILL_NEXT";
  const added = addStage(rule, graphPath, {
    ...(shape === "absence" ? { name: "absent" } : {}),
    ...(source === null ? {} : { connectFrom: { source, type } }),
    ...(position === undefined ? {} : { position }),
  });
  if (added.name === null) return null;
  let next = added.rule;
  let name = added.name;
  const quantifier = SHAPE_QUANTIFIER[shape];
  if (quantifier) next = setStageQuantifier(next, graphPath, name, quantifier());
  if (shape === "group") {
    const grouped = groupStages(next, graphPath, [name]);
    if (grouped.name === null) return null;
    next = grouped.rule;
    name = grouped.name;
    if (position !== undefined) {
      next = { ...next, positions: { ...next.positions, [stageKey(graphPath, name)]: position } };
    }
  }
  // Place what has no position yet in the same change, so one undo takes the whole addition back.
  next = { ...next, positions: { ...next.positions, ...missingPositions(next.rule, next.positions) } };
  return { rule: next, graphPath, name };
}

/** The selected stage latest in chain order, else the chain's last stage; null for an empty graph. */
function anchorStage(graph: GraphNode, selected: readonly string[]): string | null {
  const links = stageChain(graph).links;
  const order = links.length > 0 ? links.map((l) => l.node.name) : graph.nodes.map((n) => n.name);
  const picked = order.filter((name) => selected.includes(name));
  return picked.at(-1) ?? order.at(-1) ?? null;
}
