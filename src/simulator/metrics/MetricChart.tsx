import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { countText } from "../format/timeText.ts";
import type { Measure } from "./metricsData.ts";

interface Props {
  readonly measure: Measure;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
}

const HEIGHT = 100;

function options(measure: Measure, width: number): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: "#5b6475",
    grid: { stroke: "#eef0f3", width: 1 },
    ticks: { stroke: "#d9dde3", width: 1 },
    font: "11px system-ui, sans-serif",
  };
  return {
    width,
    height: HEIGHT,
    // x is the input position, not a time: plain numbers on the axis.
    scales: { x: { time: false } },
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: "input items" },
      { label: measure.unit, stroke: measure.color, width: 1.5, fill: `${measure.color}1f`, spanGaps: false },
    ],
    axes: [
      { ...axis, values: (_u, ticks) => ticks.map((t) => countText(t)) },
      { ...axis, size: 60, values: (_u, ticks) => ticks.map((t) => countText(t)) },
    ],
  };
}

/** One live line plot (uPlot) filling its container's width. */
export function MetricChart({ measure, x, y }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const chart = new uPlot(options(measure, Math.max(200, element.clientWidth)), [[], []], element);
    plot.current = chart;
    const observer = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [measure]);

  useEffect(() => {
    // uPlot reads plain arrays; the columns are fresh arrays per answer, never mutated.
    plot.current?.setData([x as number[], y as (number | null)[]]);
  }, [x, y]);

  return (
    <div ref={host} className="sim-metrics-plot" role="img" aria-label={`${measure.label} over the input`} />
  );
}
