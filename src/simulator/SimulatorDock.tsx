import { useEffect, useRef, type KeyboardEvent } from "react";
import { simulator } from "./controller/simulatorController.ts";
import { RunControls } from "./controls/RunControls.tsx";
import { RunMessages } from "./controls/RunMessages.tsx";
import { dockTabs, type DockTab } from "./dockTabs.ts";
import { countText } from "./format/timeText.ts";
import { PanelFrame, usePanelPreload } from "../ui/lazyPanel.tsx";
import { showDockTab, useSimulation } from "./simulationStore.ts";
import "./SimulatorDock.css";

/** The dock's panels, in tab order (a stable list, so the background preload runs once). */
const dockPanels = dockTabs.map((tab) => tab.component);

function TabBadge({ tab }: { tab: DockTab }) {
  const value = useSimulation((s) => tab.badge?.(s) ?? null);
  if (value === null) return null;
  return <span className="sim-tab-badge">{countText(value)}</span>;
}

/**
 * The tab a key moves to from tab `index` of `count`, as WAI-ARIA tabs do: the arrows to the
 * neighbouring tab (wrapping), Home and End to the first and last; null for any other key.
 */
function tabForKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/**
 * The simulator: the bottom dock of the app. The run-controls bar and the run's messages stay
 * visible; below them the tabs of `dockTabs.ts`. Mounting it starts the app's one CEP worker
 * with the document's rules and the demo data.
 */
export function SimulatorDock() {
  const active = useSimulation((s) => s.dockTab);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    simulator();
  }, []);
  // Once the app has painted and settled, fetch the other panels' chunks in the background.
  usePanelPreload(dockPanels);
  const current = dockTabs.find((t) => t.id === active) ?? dockTabs[0];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = dockTabs.findIndex((t) => t.id === current?.id);
    const target = index < 0 ? null : tabForKey(e.key, index, dockTabs.length);
    if (target === null) return;
    e.preventDefault();
    const next = dockTabs[target];
    if (next === undefined) return;
    showDockTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };
  return (
    <section className="sim-dock" aria-label="Simulator" data-testid="sim.dock">
      <RunControls />
      <RunMessages />
      <div className="sim-tabs" role="tablist" aria-label="Simulator views" onKeyDown={onKeyDown}>
        {dockTabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element === null) tabRefs.current.delete(tab.id);
              else tabRefs.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={`sim-tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls="sim-tab-panel"
            tabIndex={tab.id === current?.id ? 0 : -1}
            data-testid={`sim.tab.${tab.id}`}
            onClick={() => {
              showDockTab(tab.id);
            }}
          >
            {tab.label}
            <TabBadge tab={tab} />
          </button>
        ))}
      </div>
      <div
        className="sim-tab-panel"
        role="tabpanel"
        id="sim-tab-panel"
        aria-labelledby={`sim-tab-${current?.id ?? ""}`}
      >
        {current !== undefined && (
          <PanelFrame key={current.id} label={current.label} panel={current.component} testId="sim.panel" />
        )}
      </div>
    </section>
  );
}
