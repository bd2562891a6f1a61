import { Panel } from "@xyflow/react";

/**
 * React Flow's attribution, drawn by us instead of by `<ReactFlow>` so that the link is not a
 * Tab stop: keyboard users move from the canvas to the inspector without passing a link to a
 * web site. It stays visible and clickable, in React Flow's own class and place (the library
 * asks for the credit to stay when it is not a Pro subscription).
 */
export function FlowAttribution() {
  return (
    <Panel position="top-right" className="react-flow__attribution" data-testid="designer.attribution">
      <a
        href="https://reactflow.dev"
        target="_blank"
        rel="noopener noreferrer"
        tabIndex={-1}
        aria-label="React Flow attribution"
      >
        React Flow
      </a>
    </Panel>
  );
}
