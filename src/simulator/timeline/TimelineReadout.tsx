import { effectiveTimeMode } from "../controller/runSettings.ts";
import { durationText, instantText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { TYPE_CATEGORIES, TYPE_COLORS } from "./laneLayout.ts";

/**
 * Event time against processing time, in words: the watermark is the operator's event-time
 * clock, and a pattern's output (a match, a timeout) only appears once the watermark passes the
 * events it needs — so a learner sees why there is "no output yet".
 */
export function TimelineReadout() {
  const summary = useSimulation((s) => s.summary);
  const settings = useSimulation((s) => s.settings);
  const timeMode = useSimulation((s) => effectiveTimeMode(s.settings, s.data?.mapping ?? null));
  if (summary === null) return null;
  const { watermark, counts, position } = summary;
  const newestEventTime = summary.maxEventTime;
  const outputs = counts.matches + counts.timeouts;
  const waiting =
    timeMode === "event" &&
    position.processedEvents > 0 &&
    newestEventTime !== null &&
    (watermark === null || watermark < newestEventTime);
  return (
    <div className="sim-timeline-readout" data-testid="sim.timeline.readout">
      {timeMode === "event" ? (
        <>
          <span>
            <span className="sim-muted">watermark</span> {instantText(watermark)}
          </span>
          {newestEventTime !== null && (
            <span>
              <span className="sim-muted">newest event time</span> {instantText(newestEventTime)}
            </span>
          )}
          {waiting && watermark !== null && (
            <span className="sim-muted">
              lag {durationText(newestEventTime - watermark)} (out-of-orderness{" "}
              {durationText(settings.outOfOrdernessMs)})
            </span>
          )}
        </>
      ) : (
        <span className="sim-muted">
          processing time: windows are measured on the arrival clock, not on event time
        </span>
      )}
      {waiting && outputs === 0 && (
        <strong className="sim-waiting" data-testid="sim.timeline.waiting">
          No output yet — waiting for the watermark: events ahead of it are buffered by the CEP operator.
        </strong>
      )}
      <span className="sim-legend" role="group" aria-label="Legend">
        {TYPE_CATEGORIES.map((c) => (
          <span key={c}>
            <i style={{ background: TYPE_COLORS[c] }} />
            {c}
          </span>
        ))}
        <span>
          <i className="sim-legend-match" />
          match
        </span>
        <span>
          <i className="sim-legend-timeout" />
          timeout
        </span>
        <span>
          <i className="sim-legend-late" />
          late
        </span>
      </span>
    </div>
  );
}
