/**
 * The Processors dock tab: its entry in `dockTabs.ts`, with the processor's result count as the
 * badge while a processor runs.
 */
import type { DockTab } from "../dockTabs.ts";
import { ProcessorsPanel } from "./ProcessorsPanel.tsx";

export const processorsTab: DockTab = {
  id: "processors",
  label: "Processors",
  component: ProcessorsPanel,
  badge: (s) => (s.summary?.processor ? s.summary.counts.results : null),
};
