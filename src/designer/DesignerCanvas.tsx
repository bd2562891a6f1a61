import { useCallback, useRef } from "react";
import type { DragEvent } from "react";
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import type { Connection, EdgeChange, IsValidConnection, NodeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { runCommand } from "../document/commands/registry.ts";
import { beginGesture, changeDocument, endGesture } from "../document/documentStore.ts";
import { connectStages } from "../document/edits/edgeEdits.ts";
import { setPositions, updateRule } from "../document/edits/ruleEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { useActiveRule } from "../document/useDocument.ts";
import { addPaletteShape, PALETTE_DRAG_TYPE } from "./addPaletteShape.ts";
import { ContiguityEdge } from "./ContiguityEdge.tsx";
import { EdgeLabelLayer, edgeLabelLayerOf } from "./edgeLabelLayer.ts";
import { FlowAttribution } from "./FlowAttribution.tsx";
import { positionUpdate, selectionAfter } from "./flowChanges.ts";
import type { DesignerEdge, DesignerNode, FlowRef } from "./flowTypes.ts";
import { GroupNode } from "./GroupNode.tsx";
import { PALETTE_SHAPES } from "./paletteShapes.ts";
import type { PaletteShape } from "./paletteShapes.ts";
import { PatternPanel } from "./PatternPanel.tsx";
import { select, selectionStore } from "./selectionStore.ts";
import { StageNode } from "./StageNode.tsx";
import { FIT_ALL_OPTIONS, FIT_VIEW_OPTIONS, useAutoFitView } from "./useAutoFitView.ts";
import { useFlowModel } from "./useFlowModel.ts";
import "./DesignerCanvas.css";

const nodeTypes = { stage: StageNode, stageGroup: GroupNode };
const edgeTypes = { contiguity: ContiguityEdge };
const MINIMAP_SIZE = { width: 150, height: 96 };
/** A minimap is for finding your way in a big rule; on a small one it only hides the canvas. */
const MINIMAP_MIN_NODES = 5;
/**
 * From this many nodes React Flow renders only those in view: measuring thousands of nodes and
 * their handles froze the tab for seconds after importing a 2 000-stage rule. Below it every node
 * stays in the DOM, so Tab can reach stages scrolled out of view.
 */
const VISIBLE_ONLY_MIN_NODES = 300;
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const HIDE_BUILT_IN_ATTRIBUTION = { hideAttribution: true };

/**
 * The pattern canvas: the active rule's stages, groups and edges (React Flow), with its pattern
 * settings, a minimap and zoom controls. Every edit goes through the document's pure edits, every
 * selection through the selection store; the canvas holds no model state of its own.
 */
export function DesignerCanvas() {
  const docRule = useActiveRule();
  if (!docRule) {
    return (
      <div className="designer-canvas designer-canvas--empty" data-testid="designer.canvas">
        <p className="designer-canvas__empty-text">
          No rule to show. Add a rule to the rule set to start designing.
        </p>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <RuleCanvas docRule={docRule} />
    </ReactFlowProvider>
  );
}

function sameGraph(a: FlowRef | undefined, b: FlowRef | undefined): boolean {
  return (
    a?.kind === "stage" &&
    b?.kind === "stage" &&
    a.graphPath.length === b.graphPath.length &&
    a.graphPath.every((p, i) => p === b.graphPath[i])
  );
}

function RuleCanvas({ docRule }: { readonly docRule: DocumentRule }) {
  const { model, diagnostics, applyDimensions } = useFlowModel(docRule);
  const { screenToFlowPosition } = useReactFlow();
  const labelLayer = useStore(edgeLabelLayerOf);
  const ruleKey = docRule.key;
  const { refs } = model;
  // While a drag is under way, its position changes are one undo step.
  const dragging = useRef(false);

  const container = useRef<HTMLDivElement>(null);
  const fitReadable = useAutoFitView(ruleKey, model.nodes, container);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignerNode>[]) => {
      applyDimensions(changes);
      const update = positionUpdate(changes, refs);
      if (update) {
        if (update.dragging && !dragging.current) {
          beginGesture();
          dragging.current = true;
        }
        if (Object.keys(update.positions).length > 0) {
          changeDocument((doc) => setPositions(doc, ruleKey, update.positions));
        }
        if (update.ended && dragging.current) {
          endGesture();
          dragging.current = false;
        }
      }
      select(selectionAfter(selectionStore.getState().selection, changes, refs));
    },
    [applyDimensions, refs, ruleKey],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<DesignerEdge>[]) => {
      select(selectionAfter(selectionStore.getState().selection, changes, refs));
    },
    [refs],
  );

  const isValidConnection: IsValidConnection<DesignerEdge> = useCallback(
    (connection) =>
      connection.source !== connection.target &&
      sameGraph(refs.get(connection.source), refs.get(connection.target)),
    [refs],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const source = refs.get(connection.source);
      const target = refs.get(connection.target);
      if (source?.kind !== "stage" || target?.kind !== "stage" || !sameGraph(source, target)) return;
      changeDocument((doc) =>
        updateRule(doc, ruleKey, (r) =>
          connectStages(r, source.graphPath, source.name, target.name, "SKIP_TILL_NEXT"),
        ),
      );
    },
    [refs, ruleKey],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const shape = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!isPaletteShape(shape)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addPaletteShape(shape, { x: Math.round(point.x), y: Math.round(point.y) });
    },
    [screenToFlowPosition],
  );

  const isEmpty = docRule.rule.pattern.nodes.length === 0;
  return (
    <div
      ref={container}
      className="designer-canvas"
      data-testid="designer.canvas"
      // Where focus goes when a shortcut removes the focused stage (see useKeyboardShortcuts).
      data-focus-home
      tabIndex={-1}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeLabelLayer value={labelLayer}>
        <ReactFlow<DesignerNode, DesignerEdge>
          nodes={model.nodes}
          edges={model.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onPaneClick={() => {
            select({ type: "none" });
          }}
          deleteKeyCode={null}
          // An edge's keyboard stop is its label button; the SVG path would be a second, silent one.
          edgesFocusable={false}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.2}
          maxZoom={2}
          onlyRenderVisibleElements={model.nodes.length >= VISIBLE_ONLY_MIN_NODES}
          // The attribution is <FlowAttribution> below, which keeps its link out of the Tab order.
          proOptions={HIDE_BUILT_IN_ATTRIBUTION}
          aria-label={`Pattern of rule ${docRule.rule.id}`}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c5cbd5" />
          <Panel position="top-left">
            <PatternPanel rule={docRule.rule} diagnostics={model.unplaced} />
          </Panel>
          <Controls showInteractive={false} fitViewOptions={FIT_ALL_OPTIONS}>
            <ControlButton
              title="Auto layout"
              aria-label="Auto layout"
              data-testid="designer.autoLayout"
              onClick={() => {
                runCommand("autoLayout");
                fitReadable();
              }}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <rect x="1" y="2" width="5" height="4" rx="1" />
                <rect x="10" y="2" width="5" height="4" rx="1" />
                <rect x="5.5" y="10" width="5" height="4" rx="1" />
                <path
                  d="M6 4h4M3.5 6v2.5H8V10M12.5 6v2.5H8"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.2"
                />
              </svg>
            </ControlButton>
          </Controls>
          {model.nodes.length >= MINIMAP_MIN_NODES && (
            <MiniMap
              pannable
              zoomable
              ariaLabel="Minimap of the pattern"
              style={MINIMAP_SIZE}
              nodeColor={(node) => (node.type === "stageGroup" ? "#e4e9f2" : "#9db8ea")}
              nodeStrokeColor={(node) => (node.type === "stageGroup" ? "#9aa3b2" : "#2f6fde")}
              maskColor="rgb(246 247 249 / 70%)"
            />
          )}
          <FlowAttribution />
        </ReactFlow>
      </EdgeLabelLayer>
      {isEmpty && (
        <p
          className="designer-canvas__empty-text designer-canvas__empty-text--overlay"
          data-testid="designer.empty"
        >
          This rule has no stages yet. Add one from the palette, or drag a shape here.
        </p>
      )}
      {diagnostics.length === 0 ? null : (
        <span className="app-visually-hidden" role="status">
          {diagnostics.filter((d) => d.severity === "error").length} errors in this pattern
        </span>
      )}
    </div>
  );
}

function isPaletteShape(value: string): value is PaletteShape {
  return (PALETTE_SHAPES as readonly string[]).includes(value);
}
