import type { RunSummary } from "../../runtime/session/index.ts";
import { effectiveTimeMode } from "../controller/runSettings.ts";
import { clockText, instantText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";

/** Partitions listed by name in the bar; the rest are in the tooltip. */
const LISTED_PARTITIONS = 4;

/** `P0 00:01:02.999 · P1 idle`: each source partition's watermark, or that it is idle. */
function partitionText(partitions: RunSummary["watermarks"]["partitions"], limit: number): string {
  return partitions
    .slice(0, limit)
    .map(
      (p, i) =>
        `P${i} ${p.status === "idle" ? "idle" : p.watermark === null ? "−∞" : clockText(p.watermark)}`,
    )
    .join(" · ");
}

/**
 * The run's clocks: in event time the watermark (the operator's event-time clock: a window can
 * only time out, and buffered events only be processed, once it passes them) and, with several
 * source partitions, each partition's watermark or idleness (the job's watermark is the least
 * over the active ones). The output counts are on the dock's tabs.
 */
export function RunClock({ summary }: { summary: RunSummary | null }) {
  const timeMode = useSimulation((s) => effectiveTimeMode(s.settings, s.data?.mapping ?? null));
  const clockIsTime = useSimulation((s) => s.data?.mapping.time != null);
  if (summary === null) return null;
  const { partitions } = summary.watermarks;
  return (
    <span className="sim-clock">
      {timeMode === "event" ? (
        <>
          <span title="Event time: the largest timestamp read so far">
            <span className="sim-clock-label">event time</span>{" "}
            <span data-testid="sim.eventTime">
              {summary.maxEventTime === null ? "—" : instantText(summary.maxEventTime)}
            </span>
          </span>
          <span title="The watermark: the operator's event-time clock; outputs wait until it passes their events">
            <span className="sim-clock-label">watermark</span>{" "}
            <span data-testid="sim.watermark">{instantText(summary.watermark)}</span>
          </span>
        </>
      ) : (
        <span title="Processing time: windows and timeouts follow the simulated arrival clock">
          <span className="sim-clock-label">processing time</span>{" "}
          <span data-testid="sim.processingTime">
            {clockIsTime ? instantText(summary.processingTime) : `event ${summary.processingTime}`}
          </span>
        </span>
      )}
      {timeMode === "event" && partitions.length > 1 && (
        <span
          className="sim-clock-label"
          data-testid="sim.partitions"
          title={partitionText(partitions, partitions.length)}
        >
          {partitionText(partitions, LISTED_PARTITIONS)}
          {partitions.length > LISTED_PARTITIONS && ` · +${partitions.length - LISTED_PARTITIONS}`}
        </span>
      )}
    </span>
  );
}
