import { useEffect, useMemo, useState } from "react";
import type { MetricsSeries } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { countText, durationText } from "../format/timeText.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { useRunPosition, useSimulation } from "../simulationStore.ts";
import { MetricChart } from "./MetricChart.tsx";
import { chartColumns, latestValue, MEASURES, type Measure } from "./metricsData.ts";
import "./MetricsTab.css";

const POLL_MS = 1000;

const askMetrics = async (): Promise<MetricsSeries> =>
  (await simulator().request({ type: "metrics" })).result;

function readout(measure: Measure, value: number | null): string {
  if (value === null) return "—";
  if (measure.id === "watermarkLag") return durationText(value);
  if (measure.id === "stateBytes")
    return value >= 1024 * 1024
      ? `${(value / (1024 * 1024)).toFixed(1)} MB`
      : `${countText(Math.round(value / 1024))} KB`;
  return countText(Math.round(value));
}

/** Polls the metrics once a second while the run plays, and after every step, seek or reset. */
function useMetrics(): { series: MetricsSeries | null; error: string | null } {
  const playing = useSimulation((s) => s.summary?.state === "playing");
  const position = useRunPosition();
  const epoch = useSimulation((s) => s.runEpoch);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setTick((t) => t + 1);
    }, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [playing]);
  // Playing: once per tick; paused: whenever the run moves (the end of input too).
  const trigger = playing ? tick : position;
  const live = useLiveQuery(
    askMetrics,
    useMemo(() => [trigger, epoch], [trigger, epoch]),
    POLL_MS / 2,
  );
  return { series: live.value, error: live.error };
}

/** Metrics: events/s, live partial matches, keyed state size and watermark lag, plotted live (uPlot). */
export function MetricsTab() {
  const { series, error } = useMetrics();
  const columns = useMemo(() => (series === null ? null : chartColumns(series)), [series]);
  return (
    <div className="sim-tab-body sim-metrics" data-testid="sim.metrics">
      {error !== null && (
        <p className="sim-error-text" role="alert">
          The metrics could not be read: {error}
        </p>
      )}
      {/* A scrolling region with nothing focusable inside: a tab stop of its own, so keys scroll it. */}
      <div className="sim-metrics-grid" role="region" aria-label="Metric charts" tabIndex={0}>
        {MEASURES.map((measure) => (
          <figure key={measure.id} className="sim-metrics-figure" data-testid={`sim.metrics.${measure.id}`}>
            <figcaption>
              <span>{measure.label}</span>
              <strong data-testid={`sim.metrics.${measure.id}.value`}>
                {columns === null ? "—" : readout(measure, latestValue(columns, measure.id))}
              </strong>
            </figcaption>
            <MetricChart measure={measure} x={columns?.x ?? []} y={columns?.values[measure.id] ?? []} />
          </figure>
        ))}
      </div>
      {series !== null && (
        <details className="sim-metrics-note">
          <summary>
            x: input items processed · one sample per state pass · how state bytes are estimated
          </summary>
          Samples every {durationText(series.intervalMs)} or more while playing. State bytes:{" "}
          {series.stateBytesMethod}
        </details>
      )}
    </div>
  );
}
