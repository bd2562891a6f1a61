import type { ReactNode } from "react";
import { runCommand } from "../document/commands/registry.ts";
import { useDocument } from "../document/useDocument.ts";
import { OUTSIDE_CANVAS_KEYS } from "./outsideCanvasKeys.ts";
import { shortcutLabel } from "./shortcutLabel.ts";
import "./Header.css";

export interface HeaderProps {
  /** The document actions (import, templates, share), in the order shown. */
  readonly actions: ReactNode;
  readonly dockCollapsed: boolean;
  readonly onToggleDock: () => void;
}

/** The top bar: product name, undo/redo, the document actions and the simulator toggle. */
export function Header({ actions, dockCollapsed, onToggleDock }: HeaderProps) {
  const canUndo = useDocument((s) => s.canUndo);
  const canRedo = useDocument((s) => s.canRedo);
  return (
    <header className={`app-header ${OUTSIDE_CANVAS_KEYS}`}>
      <h1 className="app-header__title">
        <span className="app-header__logo" aria-hidden="true" />
        CEP Studio
      </h1>
      <div className="app-header__group" role="group" aria-label="History">
        <button
          type="button"
          className="app-button"
          disabled={!canUndo}
          title={`Undo (${shortcutLabel("Mod+Z")})`}
          data-testid="app.undo"
          onClick={() => {
            runCommand("undo");
          }}
        >
          <UndoIcon flipped={false} />
          Undo
        </button>
        <button
          type="button"
          className="app-button"
          disabled={!canRedo}
          title={`Redo (${shortcutLabel("Mod+Shift+Z")})`}
          data-testid="app.redo"
          onClick={() => {
            runCommand("redo");
          }}
        >
          <UndoIcon flipped />
          Redo
        </button>
      </div>
      <div className="app-header__group" role="group" aria-label="Document">
        {actions}
      </div>
      <div className="app-header__spacer" />
      <button
        type="button"
        className="app-button"
        aria-pressed={!dockCollapsed}
        aria-controls="app-dock"
        data-testid="app.toggleDock"
        onClick={onToggleDock}
      >
        {dockCollapsed ? "Show simulator" : "Hide simulator"}
      </button>
    </header>
  );
}

function UndoIcon({ flipped }: { readonly flipped: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      style={flipped ? { transform: "scaleX(-1)" } : undefined}
    >
      <path
        d="M5.5 3 2 6.5 5.5 10M2.5 6.5H10a4 4 0 0 1 0 8H7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
