/**
 * The React Flow node and edge types of the pattern canvas, and what each drawn element stands
 * for in the document. Data fields are plain values derived from the document by
 * `flowAdapter.ts`; components never read the document for what their data already holds.
 */
import type { Edge, Node } from "@xyflow/react";
import type { AtomicNode, ConditionBindings, EdgeContiguity, GraphNode } from "../model/pattern.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";

/** Data of a stage (atomic pattern) node. */
type StageNodeData = {
  readonly ruleId: string;
  readonly graphPath: readonly string[];
  readonly stage: AtomicNode;
  readonly bindings: ConditionBindings;
  /** Validation findings about this stage, errors first. */
  readonly diagnostics: readonly PatternDiagnostic[];
  /** The stage key (`group/stage`), also the node's test id suffix. */
  readonly stageKey: string;
};

/** Data of a group (GroupPattern) node: a container drawn around its inner stages. */
type GroupNodeData = {
  readonly ruleId: string;
  readonly graphPath: readonly string[];
  readonly group: GraphNode;
  readonly diagnostics: readonly PatternDiagnostic[];
  readonly stageKey: string;
};

/** Data of an edge: its contiguity and the findings about it. */
type ContiguityEdgeData = {
  readonly contiguity: EdgeContiguity;
  readonly graphPath: readonly string[];
  readonly source: string;
  readonly target: string;
  readonly diagnostics: readonly PatternDiagnostic[];
};

export type StageFlowNode = Node<StageNodeData, "stage">;
export type GroupFlowNode = Node<GroupNodeData, "stageGroup">;
export type DesignerNode = StageFlowNode | GroupFlowNode;
export type DesignerEdge = Edge<ContiguityEdgeData, "contiguity">;

/** What a drawn element stands for, by its React Flow id. */
export type FlowRef =
  | {
      readonly kind: "stage";
      readonly graphPath: readonly string[];
      readonly name: string;
      readonly stageKey: string;
    }
  | {
      readonly kind: "edge";
      readonly graphPath: readonly string[];
      readonly source: string;
      readonly target: string;
    };
