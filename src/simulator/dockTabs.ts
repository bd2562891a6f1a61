/**
 * The simulator dock's tabs, in the order shown: one line each. A tab is a component that fills
 * the dock's body; `badge` puts a live count on the tab (read from the simulation store).
 */
import type { ComponentType } from "react";
import { BroadcastTab } from "./broadcast/BroadcastTab.tsx";
import { DataTab } from "./data/DataTab.tsx";
import { ExplainTab } from "./explain/ExplainTab.tsx";
import { KeyInspectorTab } from "./inspector/KeyInspectorTab.tsx";
import { LearnTab } from "./learn/LearnTab.tsx";
import { MetricsTab } from "./metrics/MetricsTab.tsx";
import { processorsTab } from "./processors/processorsTab.ts";
import { ShareTab } from "./scenarioLink/ShareTab.tsx";
import type { SimulationState } from "./simulationStore.ts";
import { StreamTab } from "./stream/StreamTab.tsx";
import { LateTab, MatchesTab, TimeoutsTab } from "./tables/outputTabs.tsx";
import { TimelineTab } from "./timeline/TimelineTab.tsx";

export interface DockTab {
  /** Stable id: the tab's test id is `sim.tab.<id>`. */
  readonly id: string;
  readonly label: string;
  readonly component: ComponentType;
  readonly badge?: (state: SimulationState) => number | null;
}

/** A tab badge counting one output list. */
const outputCount = (kind: "matches" | "timeouts" | "late") => (s: SimulationState) =>
  s.summary?.counts[kind] ?? null;
const eventCount = (s: SimulationState) => s.summary?.position.totalEvents ?? null;

export const dockTabs: readonly DockTab[] = [
  { id: "data", label: "Data", component: DataTab },
  { id: "stream", label: "Stream", component: StreamTab, badge: eventCount },
  { id: "timeline", label: "Timeline", component: TimelineTab },
  { id: "matches", label: "Matches", component: MatchesTab, badge: outputCount("matches") },
  { id: "timeouts", label: "Timeouts", component: TimeoutsTab, badge: outputCount("timeouts") },
  { id: "late", label: "Late", component: LateTab, badge: outputCount("late") },
  { id: "keys", label: "Key inspector", component: KeyInspectorTab },
  { id: "explain", label: "Explain", component: ExplainTab },
  { id: "broadcast", label: "Broadcast", component: BroadcastTab },
  processorsTab,
  { id: "metrics", label: "Metrics", component: MetricsTab },
  { id: "learn", label: "Learn", component: LearnTab },
  { id: "share", label: "Share", component: ShareTab },
];
