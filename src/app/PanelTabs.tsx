import { useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { PanelFrame, usePanelPreload, type PanelComponent } from "../ui/lazyPanel.tsx";
import "./PanelTabs.css";

/** One tab of a {@link PanelTabs}. */
export interface PanelTab {
  readonly id: string;
  readonly label: string;
  /** What the tab shows; a lazy panel's chunk loads on first show, or in the background soon after start. */
  readonly panel: PanelComponent;
}

export interface PanelTabsProps {
  readonly label: string;
  /** The tabs, the first shown at start; a stable array (its lazy panels preload once). */
  readonly tabs: readonly PanelTab[];
  /** Test id prefix: tabs get `<prefix>.tab.<id>`, a panel's loading status `<prefix>.panel.loading`. */
  readonly testId: string;
}

/**
 * WAI-ARIA tabs (automatic activation, arrow keys move between tabs). Only the active panel is
 * mounted, so editors in hidden tabs cost nothing; each panel sits in a {@link PanelFrame} that
 * shows it loading or failing on its own.
 */
export function PanelTabs({ label, tabs, testId }: PanelTabsProps) {
  const [activeId, setActiveId] = useState(tabs[0]?.id ?? "");
  const baseId = useId();
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  usePanelPreload(useMemo(() => tabs.map((t) => t.panel), [tabs]));
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0];
  if (!active) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === active.id);
    let next: number | null = null;
    if (e.key === "ArrowRight") next = (index + 1) % tabs.length;
    else if (e.key === "ArrowLeft") next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    setActiveId(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };

  return (
    <div className="app-tabs">
      <div className="app-tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === active.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) tabRefs.current.set(tab.id, el);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              className="app-tabs__tab"
              data-testid={`${testId}.tab.${tab.id}`}
              onClick={() => {
                setActiveId(tab.id);
              }}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        className="app-tabs__panel"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${active.id}`}
      >
        <PanelFrame key={active.id} label={active.label} panel={active.panel} testId={`${testId}.panel`} />
      </div>
    </div>
  );
}
