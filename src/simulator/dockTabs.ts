/**
 * The simulator dock's tabs, in the order shown: one line each. A tab is a component that fills
 * the dock's body; `badge` puts a live count on the tab (read from the simulation store).
 */
import { lazyPanel, type PanelComponent } from "../ui/lazyPanel.tsx";
import type { SimulationState } from "./simulationStore.ts";
import { TimelineTab } from "./timeline/TimelineTab.tsx";

// The Timeline is what the dock shows at first; every other panel is a chunk loaded on first show.
const DataTab = lazyPanel(() => import("./data/DataTab.tsx").then((m) => m.DataTab));
const StreamTab = lazyPanel(() => import("./stream/StreamTab.tsx").then((m) => m.StreamTab));
const outputs = () => import("./tables/outputTabs.tsx");
const MatchesTab = lazyPanel(() => outputs().then((m) => m.MatchesTab));
const TimeoutsTab = lazyPanel(() => outputs().then((m) => m.TimeoutsTab));
const LateTab = lazyPanel(() => outputs().then((m) => m.LateTab));
const KeyInspectorTab = lazyPanel(() =>
  import("./inspector/KeyInspectorTab.tsx").then((m) => m.KeyInspectorTab),
);
const ExplainTab = lazyPanel(() => import("./explain/ExplainTab.tsx").then((m) => m.ExplainTab));
const BroadcastTab = lazyPanel(() => import("./broadcast/BroadcastTab.tsx").then((m) => m.BroadcastTab));
const ProcessorsPanel = lazyPanel(() =>
  import("./processors/ProcessorsPanel.tsx").then((m) => m.ProcessorsPanel),
);
const MetricsTab = lazyPanel(() => import("./metrics/MetricsTab.tsx").then((m) => m.MetricsTab));
const LearnTab = lazyPanel(() => import("./learn/LearnTab.tsx").then((m) => m.LearnTab));
const ShareTab = lazyPanel(() => import("./scenarioLink/ShareTab.tsx").then((m) => m.ShareTab));

export interface DockTab {
  /** Stable id: the tab's test id is `sim.tab.<id>`. */
  readonly id: string;
  readonly label: string;
  readonly component: PanelComponent;
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
  {
    id: "processors",
    label: "Processors",
    component: ProcessorsPanel,
    badge: (s) => (s.summary?.processor ? s.summary.counts.results : null),
  },
  { id: "metrics", label: "Metrics", component: MetricsTab },
  { id: "learn", label: "Learn", component: LearnTab },
  { id: "share", label: "Share", component: ShareTab },
];
