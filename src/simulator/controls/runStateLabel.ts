import type { RunSummary } from "../../runtime/session/index.ts";

/** The run's state in the words the bar shows: `starting`, `ready`, `playing`, `paused`, … */
export function runStateLabel(summary: RunSummary | null): string {
  if (summary === null) return "starting";
  switch (summary.state) {
    case "paused":
      return summary.position.items === 0 ? "ready" : "paused";
    case "playing":
      return "playing";
    case "finished":
      return "finished";
    case "error":
      return "stopped by an error";
  }
}
