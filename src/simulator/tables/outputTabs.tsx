import { OutputTab } from "./OutputTab.tsx";

/** The Matches tab: completed matches, each naming its rule id and version. */
export function MatchesTab() {
  return <OutputTab kind="matches" />;
}

/** The Timeouts tab: partial matches whose window passed (the abandoned carts). */
export function TimeoutsTab() {
  return <OutputTab kind="timeouts" />;
}

/** The Late tab: events that arrived behind the watermark (Flink's late side output). */
export function LateTab() {
  return <OutputTab kind="late" />;
}
