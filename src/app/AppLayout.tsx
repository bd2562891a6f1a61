import type { ReactNode } from "react";
import { PANEL_LIMITS } from "./panelSizes.ts";
import type { PanelSizeKey, PanelSizes } from "./panelSizes.ts";
import { OUTSIDE_CANVAS_KEYS } from "./outsideCanvasKeys.ts";
import { Splitter } from "./Splitter.tsx";
import "./AppLayout.css";

export interface AppLayoutProps {
  readonly header: ReactNode;
  /** Shown under the header, above the panels (the message banner). */
  readonly banner: ReactNode;
  readonly left: ReactNode;
  readonly center: ReactNode;
  readonly right: ReactNode;
  /** The bottom dock's content; null leaves the dock out. */
  readonly dock: ReactNode;
  readonly sizes: PanelSizes;
  readonly onResize: (key: PanelSizeKey, value: number) => void;
  readonly onDockCollapsed: (collapsed: boolean) => void;
}

/**
 * The shell's frame: header, then left panel │ canvas │ right panel, then the bottom dock. Side
 * panels and the dock resize by their splitters; the dock folds down to a bar.
 */
export function AppLayout(props: AppLayoutProps) {
  const { sizes, onResize } = props;
  return (
    <div className="app-layout">
      {props.header}
      {props.banner}
      <div className="app-layout__main">
        <aside
          className={`app-layout__side app-layout__side--left ${OUTSIDE_CANVAS_KEYS}`}
          style={{ width: sizes.left }}
          aria-label="Rule set and palette"
          data-testid="app.left"
        >
          {props.left}
        </aside>
        <Splitter
          label="Resize the left panel"
          orientation="vertical"
          value={sizes.left}
          {...PANEL_LIMITS.left}
          direction={1}
          onResize={(v) => {
            onResize("left", v);
          }}
          testId="app.splitter.left"
        />
        <main className="app-layout__center" data-testid="app.center">
          {props.center}
        </main>
        <Splitter
          label="Resize the right panel"
          orientation="vertical"
          value={sizes.right}
          {...PANEL_LIMITS.right}
          direction={-1}
          onResize={(v) => {
            onResize("right", v);
          }}
          testId="app.splitter.right"
        />
        <aside
          className={`app-layout__side app-layout__side--right ${OUTSIDE_CANVAS_KEYS}`}
          style={{ width: sizes.right }}
          aria-label="Inspector, source and export"
          data-testid="app.right"
        >
          {props.right}
        </aside>
      </div>
      {props.dock !== null && <Dock {...props} />}
    </div>
  );
}

function Dock({ dock, sizes, onResize, onDockCollapsed }: AppLayoutProps) {
  const collapsed = sizes.dockCollapsed;
  return (
    <>
      {collapsed ? (
        <button
          type="button"
          className="app-layout__dock-bar"
          aria-expanded={false}
          aria-controls="app-dock"
          data-testid="app.dock.expand"
          onClick={() => {
            onDockCollapsed(false);
          }}
        >
          <span aria-hidden="true">▴</span> Show simulator
        </button>
      ) : (
        <Splitter
          label="Resize the simulator"
          orientation="horizontal"
          value={sizes.dock}
          {...PANEL_LIMITS.dock}
          direction={-1}
          onResize={(v) => {
            onResize("dock", v);
          }}
          testId="app.splitter.dock"
        />
      )}
      {/* Folding hides the dock without unmounting it: a running simulation keeps running. */}
      <div
        id="app-dock"
        className={`app-layout__dock ${OUTSIDE_CANVAS_KEYS}`}
        style={{ height: sizes.dock }}
        hidden={collapsed}
        data-testid="app.dock"
        // Its keys are its own: the canvas selection's shortcuts stay out (see useKeyboardShortcuts).
        data-own-keys
      >
        {dock}
      </div>
    </>
  );
}
