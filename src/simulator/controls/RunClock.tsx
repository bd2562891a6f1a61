import type { RunSummary } from "../../runtime/session/index.ts";
import { effectiveTimeMode } from "../controller/runSettings.ts";
import { clockText, instantText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";

/** Partitions listed by name in the bar (one a line); the rest are counted, and all are in the tooltip. */
const LISTED_PARTITIONS = 2;

/** `P0 00:01:02.999`, `P1 idle`: one source partition's watermark, or that it is idle. */
function partitionText(partition: RunSummary["watermarks"]["partitions"][number], index: number): string {
  const clock =
    partition.status === "idle"
      ? "idle"
      : partition.watermark === null
        ? "−∞"
        : clockText(partition.watermark);
  return `P${index} ${clock}`;
}

/**
 * The run's clocks, stacked in two short lines so the bar stays one row: in event time the
 * largest timestamp read and the watermark (the operator's event-time clock: a window can only
 * time out, and buffered events only be processed, once it passes them) and, with several source
 * partitions, each partition's watermark or idleness (the job's watermark is the least over the
 * active ones). The output counts are on the dock's tabs.
 */
export function RunClock({ summary }: { summary: RunSummary | null }) {
  const timeMode = useSimulation((s) => effectiveTimeMode(s.settings, s.data?.mapping ?? null));
  const clockIsTime = useSimulation((s) => s.data?.mapping.time != null);
  if (summary === null) return null;
  const { partitions } = summary.watermarks;
  const lines = partitions.map(partitionText);
  const listed = lines.slice(0, LISTED_PARTITIONS);
  const more = lines.length - listed.length;
  return (
    <span className="sim-clock">
      {timeMode === "event" ? (
        <span className="sim-clock-lines">
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
        </span>
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
          className="sim-clock-lines sim-clock-label"
          data-testid="sim.partitions"
          title={`Source partitions' watermarks: ${lines.join(" · ")}`}
        >
          {listed.map((line, i) => (
            <span key={line}>
              {line}
              {i === listed.length - 1 && more > 0 && ` · +${more}`}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
