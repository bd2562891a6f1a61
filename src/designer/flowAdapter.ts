/**
 * The document → React Flow mapping of the pattern canvas (pure; tested). Stages become `stage`
 * nodes, group patterns `stageGroup` containers whose inner stages carry `parentId` (React Flow
 * sub flows: positions relative to the group), and edges `contiguity` edges. Validation findings
 * are attached to the node or edge whose JSON path they name.
 *
 * It draws whatever the model holds — repeated names, cycles, edges to missing stages — so a bad
 * JSON edit shows up on the canvas with its errors instead of breaking it.
 */
import { stageKey } from "../document/edits/graphAccess.ts";
import { positionAt } from "../document/edits/positionKeys.ts";
import type { DocumentRule, StageKey, StagePosition } from "../document/studioDocument.ts";
import type { ConditionBindings, EdgeContiguity, GraphNode } from "../model/pattern.ts";
import { stageChain } from "../model/stageChain.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { STAGE_SIZE, groupSizeFor } from "./designerGeometry.ts";
import { diagnosticIndexOf } from "./diagnosticIndex.ts";
import type { Rect, Size } from "./designerGeometry.ts";
import type { DesignerEdge, DesignerNode, FlowRef } from "./flowTypes.ts";
import { missingPositions } from "./placement.ts";
import { CONTIGUITY_WORDS } from "./stageLabels.ts";
import type { Selection } from "./selectionStore.ts";

/**
 * Arrowhead colours by contiguity. SVG markers cannot read CSS custom properties (React Flow builds
 * marker ids from the colour), so these repeat the `--c-*` tokens of `app.css`.
 */
const MARKER_COLORS: Readonly<Record<EdgeContiguity, string>> = {
  STRICT: "#2f6fde",
  SKIP_TILL_NEXT: "#7b5cd6",
  SKIP_TILL_ANY: "#0b7d7f",
  NOT_NEXT: "#c62828",
  NOT_FOLLOW: "#c62828",
};

/** What the canvas draws from. */
export interface FlowInput {
  readonly docRule: DocumentRule;
  readonly bindings: ConditionBindings;
  readonly diagnostics: readonly PatternDiagnostic[];
  readonly selection: Selection;
  /** Sizes React Flow measured, by node id; unmeasured nodes count as {@link STAGE_SIZE}. */
  readonly measured?: ReadonlyMap<string, Size>;
}

/** The drawing: nodes (every group before its inner stages), edges, and what each id stands for. */
export interface FlowModel {
  readonly nodes: DesignerNode[];
  readonly edges: DesignerEdge[];
  readonly refs: ReadonlyMap<string, FlowRef>;
  /** Findings no drawn node or edge claims (pattern-wide ones, edges to missing stages). */
  readonly unplaced: readonly PatternDiagnostic[];
}

/** The React Flow id of a stage: its stage key, suffixed when an earlier stage of its graph has the same name. */
function nodeIdFor(graphPath: readonly string[], name: string, occurrence = 0): string {
  const key = stageKey(graphPath, name);
  return occurrence === 0 ? key : `${key}#${occurrence + 1}`;
}

/** The React Flow id of the `index`-th edge of a graph. */
function edgeIdFor(graphPath: readonly string[], source: string, target: string, index: number): string {
  return `${stageKey(graphPath, source)}->${target}@${index}`;
}

/** Maps the rule on the canvas to React Flow nodes and edges. Pure. */
export function ruleToFlow(input: FlowInput): FlowModel {
  const { docRule } = input;
  const positions: Readonly<Record<StageKey, StagePosition>> = {
    ...docRule.positions,
    ...missingPositions(docRule.rule, docRule.positions),
  };
  const builder = new FlowBuilder(input, positions);
  builder.addGraph(docRule.rule.pattern, [], "", undefined);
  return builder.finish();
}

function joinJsonPath(base: string, segment: string): string {
  return base === "" ? segment : `${base}.${segment}`;
}

class FlowBuilder {
  readonly nodes: DesignerNode[] = [];
  readonly edges: DesignerEdge[] = [];
  readonly refs = new Map<string, FlowRef>();
  private readonly claimed = new Set<PatternDiagnostic>();
  private readonly findings: ReturnType<typeof diagnosticIndexOf>;

  constructor(
    private readonly input: FlowInput,
    private readonly positions: Readonly<Record<StageKey, StagePosition>>,
  ) {
    this.findings = diagnosticIndexOf(input.diagnostics);
  }

  /** Adds one graph level; returns the rects of its nodes (for the enclosing group's size). */
  addGraph(
    graph: GraphNode,
    graphPath: readonly string[],
    jsonPath: string,
    parentId: string | undefined,
  ): Rect[] {
    const { selection, docRule } = this.input;
    const selectedHere =
      selection.type === "stages" && samePath(selection.graphPath, graphPath) ? selection.names : [];
    const idByName = new Map<string, string>();
    const seen = new Map<string, number>();
    const rects: Rect[] = [];
    // Chain order (begin first), so Tab walks the stages as the pattern reads; JSON paths keep
    // each node's index in the file.
    readingOrder(graph).forEach((i) => {
      const node = graph.nodes[i];
      if (!node) return;
      const occurrence = seen.get(node.name) ?? 0;
      seen.set(node.name, occurrence + 1);
      const id = nodeIdFor(graphPath, node.name, occurrence);
      if (occurrence === 0) idByName.set(node.name, id);
      const key = stageKey(graphPath, node.name);
      const nodePath = joinJsonPath(jsonPath, `nodes[${i}]`);
      const base = positionAt(this.positions, key) ?? { x: 0, y: 0 };
      // Duplicates share a position key; stack them below the first so each stays visible.
      const position = { x: base.x, y: base.y + occurrence * (STAGE_SIZE.height + 24) };
      const diagnostics = this.claim(node.type === "COMPOSITE" ? null : node.name, nodePath);
      const common = {
        id,
        // React Flow's node wrapper is the focusable `group` a screen reader announces: it carries the name.
        ariaLabel: `${node.type === "COMPOSITE" ? "Group" : "Stage"} ${node.name}`,
        position,
        selected: selectedHere.includes(node.name),
        ...(parentId === undefined ? {} : { parentId }),
      };
      this.refs.set(id, { kind: "stage", graphPath, name: node.name, stageKey: key });
      if (node.type === "COMPOSITE") {
        const index = this.nodes.length;
        const inner = this.addGraph(node, [...graphPath, node.name], nodePath, id);
        const size = groupSizeFor(inner);
        this.nodes.splice(index, 0, {
          ...common,
          type: "stageGroup",
          width: size.width,
          height: size.height,
          data: { ruleId: docRule.rule.id, graphPath, group: node, diagnostics, stageKey: key },
        });
        rects.push({ ...position, ...size });
        return;
      }
      const measured = this.input.measured?.get(id);
      this.nodes.push({
        ...common,
        type: "stage",
        // Until React Flow measures a node its layout size stands in (the minimap and the
        // visible-only rendering of large rules place unmeasured nodes by it).
        initialWidth: STAGE_SIZE.width,
        initialHeight: STAGE_SIZE.height,
        ...(measured ? { measured } : {}),
        data: {
          ruleId: docRule.rule.id,
          graphPath,
          stage: node,
          bindings: this.input.bindings,
          diagnostics,
          stageKey: key,
        },
      });
      rects.push({ ...position, ...(measured ?? STAGE_SIZE) });
    });
    this.addEdges(graph, graphPath, jsonPath, idByName);
    return rects;
  }

  private addEdges(
    graph: GraphNode,
    graphPath: readonly string[],
    jsonPath: string,
    idByName: ReadonlyMap<string, string>,
  ): void {
    const { selection } = this.input;
    graph.edges.forEach((edge, k) => {
      const source = idByName.get(edge.source);
      const target = idByName.get(edge.target);
      // An edge to a stage that does not exist cannot be drawn; its error stays in the pattern panel.
      if (source === undefined || target === undefined) return;
      const id = edgeIdFor(graphPath, edge.source, edge.target, k);
      const selected =
        selection.type === "edge" &&
        samePath(selection.graphPath, graphPath) &&
        selection.source === edge.source &&
        selection.target === edge.target;
      this.refs.set(id, { kind: "edge", graphPath, source: edge.source, target: edge.target });
      this.edges.push({
        id,
        type: "contiguity",
        source,
        target,
        selected,
        // Read as the Pattern API says it, not as React Flow's "Edge from <id> to <id>".
        ariaLabel: `${edge.source} ${CONTIGUITY_WORDS[edge.type]} ${edge.target}`,
        markerEnd: { type: "arrowclosed", color: MARKER_COLORS[edge.type], width: 14, height: 14 },
        data: {
          contiguity: edge.type,
          graphPath,
          source: edge.source,
          target: edge.target,
          diagnostics: this.claim(null, joinJsonPath(jsonPath, `edges[${k}]`)),
        },
      });
    });
  }

  /** Findings about the element at `path` (and, for a stage, those naming it); groups skip their inner ones. */
  private claim(stageName: string | null, path: string): readonly PatternDiagnostic[] {
    const found = this.findings.about(stageName, path);
    for (const d of found) this.claimed.add(d);
    return found;
  }

  finish(): FlowModel {
    const unplaced = this.input.diagnostics.filter((d) => !this.claimed.has(d));
    return { nodes: this.nodes, edges: this.edges, refs: this.refs, unplaced };
  }
}

/** The indices of `graph.nodes` in chain order: the chain's stages from begin, then any others as written. */
function readingOrder(graph: GraphNode): number[] {
  // Index lookups through a map: `indexOf` per link was quadratic in a rule of thousands of stages.
  const indexOf = new Map<GraphNode["nodes"][number], number>();
  graph.nodes.forEach((node, i) => {
    if (!indexOf.has(node)) indexOf.set(node, i);
  });
  const chained = new Set(stageChain(graph).links.flatMap((l) => indexOf.get(l.node) ?? []));
  const rest = graph.nodes.map((_, i) => i).filter((i) => !chained.has(i));
  return [...chained, ...rest];
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
