import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from "react";
import type { RunSummary } from "../../runtime/session/index.ts";
import { effectiveTimeMode } from "../controller/runSettings.ts";
import { simulationStore, useSimulation } from "../simulationStore.ts";
import { drawTimeline, type TimelineScene } from "./drawTimeline.ts";
import { clampFirstLane, LaneAssignment, laneAt, lanesInView, type LaneLayout } from "./laneLayout.ts";
import { eventNear } from "./timelineData.ts";
import { TimelineReadout } from "./TimelineReadout.tsx";
import { fitScale, panBy, timeAt, visibleRange, zoomAt, type TimeScale } from "./timeScale.ts";
import { useOutputMarks } from "./useOutputMarks.ts";
import { useTimelineEvents } from "./useTimelineEvents.ts";
import { usePartialMatchWindows } from "./usePartialMatchWindows.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";
import "./TimelineTab.css";

const LABEL_WIDTH = 110;

/** Broadcast rule updates that took over at an event time, as labelled marks. */
function versionMarksOf(rules: RunSummary["broadcast"]["rules"]): TimelineScene["versionMarks"] {
  const marks: { time: number; label: string }[] = [];
  for (const rule of rules) {
    for (const change of rule.changes) {
      if (change.record === null || change.time === null) continue;
      const what = change.version === null ? "removed" : `v${change.version}`;
      marks.push({ time: change.time, label: `rule ${revealHiddenCharacters(rule.ruleId)} ${what}` });
    }
  }
  return marks;
}
const INITIAL_LAYOUT: LaneLayout = { top: 22, laneHeight: 24, firstLane: 0 };

/**
 * The timeline: event time left to right, a lane per key, events coloured by type, the
 * watermark moving across with its out-of-orderness band, late events crossed, partial-match
 * windows, matches and timeouts. Wheel zooms around the pointer, dragging pans (and scrolls the
 * lanes), arrow keys and +/− do the same from the keyboard. Drawn on a canvas, only what is in
 * view, redrawn at most once per frame.
 */
export function TimelineTab() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scale, setScale] = useState<TimeScale | null>(null);
  const [layout, setLayout] = useState<LaneLayout>(INITIAL_LAYOUT);
  const drag = useRef<{ x: number; y: number; scale: TimeScale; lane: number; moved: boolean } | null>(null);
  const selectedEvent = useSimulation((s) => s.selectedEvent);

  const watermark = useSimulation((s) => s.summary?.watermark ?? null);
  const delay = useSimulation((s) =>
    effectiveTimeMode(s.settings, s.data?.mapping ?? null) === "event" ? s.settings.outOfOrdernessMs : 0,
  );
  const highlight = useSimulation((s) => s.highlight);
  const epoch = useSimulation((s) => s.runEpoch);
  const broadcastRules = useSimulation((s) => s.summary?.broadcast.rules);
  const range = scale === null ? null : visibleRange(scale, size.width);
  const { events, extent } = useTimelineEvents(range);
  const marks = useOutputMarks();
  const [lanes, setLanes] = useState(() => ({ epoch, lanes: new LaneAssignment() }));
  let laneAssignment = lanes.lanes;
  if (lanes.epoch !== epoch) {
    const next = { epoch, lanes: new LaneAssignment() };
    setLanes(next);
    laneAssignment = next.lanes;
  }
  // Lanes for every key seen (idempotent: a key keeps its lane), then the keys in view.
  if (events !== null) for (const key of events.keys) laneAssignment.laneOf(key);
  for (const mark of marks) laneAssignment.laneOf(mark.key);
  const keysInView: string[] = [];
  for (let row = 0; row < lanesInView(layout, size.height); row++) {
    const key = laneAssignment.keyOf(layout.firstLane + row);
    if (key === undefined) break;
    keysInView.push(key);
  }
  const windows = usePartialMatchWindows(keysInView);

  // Keep the canvas the size of its box, in device pixels.
  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
    };
  }, []);

  // New data fits the whole stream in view (state adjusted while rendering, not in an effect).
  const data = useSimulation((s) => s.data);
  const [fittedData, setFittedData] = useState<typeof data | undefined>(undefined);
  if (fittedData !== data && extent !== null && size.width > 0) {
    setFittedData(data);
    setScale(fitScale(extent.from, extent.to, size.width, LABEL_WIDTH));
  }

  // Draw at most once per frame, whenever anything drawn changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null || scale === null || size.width === 0) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== size.width * dpr || canvas.height !== size.height * dpr) {
        canvas.width = size.width * dpr;
        canvas.height = size.height * dpr;
      }
      const ctx = canvas.getContext("2d");
      if (ctx === null) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const scene: TimelineScene = {
        width: size.width,
        height: size.height,
        scale,
        layout,
        events,
        laneOfKey: (key) => laneAssignment.laneOf(key),
        keyOfLane: (lane) => laneAssignment.keyOf(lane),
        watermark,
        outOfOrdernessMs: delay,
        marks,
        windows,
        highlightLines: new Set(highlight?.lines ?? []),
        selectedLine: selectedEvent?.line ?? null,
        versionMarks: versionMarksOf(broadcastRules ?? []),
      };
      drawTimeline(ctx, scene);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [
    scale,
    layout,
    size,
    events,
    marks,
    windows,
    watermark,
    delay,
    highlight,
    selectedEvent,
    broadcastRules,
    laneAssignment,
  ]);

  const scrollLanes = (lane: number) => {
    setLayout((l) => clampFirstLane({ ...l, firstLane: lane }, laneAssignment.size, size.height));
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    if (scale === null) return;
    if (e.shiftKey) {
      scrollLanes(layout.firstLane + Math.sign(e.deltaY) * 3);
      return;
    }
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setScale(zoomAt(scale, Math.max(x, LABEL_WIDTH), Math.exp(e.deltaY * 0.0015)));
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (scale === null || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, scale, lane: layout.firstLane, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d === null) return;
    if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 3) d.moved = true;
    if (!d.moved) return;
    setScale(panBy(d.scale, e.clientX - d.x));
    scrollLanes(d.lane - (e.clientY - d.y) / layout.laneHeight);
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    // A click (no drag) picks the event under the pointer, for the Explain tab and the readout.
    if (d === null || d.moved || scale === null || events === null) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const lane = laneAt(layout, e.clientY - rect.top);
    const key = lane === null ? undefined : laneAssignment.keyOf(lane);
    if (key === undefined) return;
    const i = eventNear(events, key, timeAt(scale, e.clientX - rect.left), scale.msPerPx * 6);
    simulationStore.setState({
      selectedEvent: i < 0 ? null : { position: events.position[i] ?? 0, line: events.line[i] ?? null },
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (scale === null) return;
    const step = size.width / 8;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => {
        setScale(panBy(scale, step));
      },
      ArrowRight: () => {
        setScale(panBy(scale, -step));
      },
      ArrowUp: () => {
        scrollLanes(layout.firstLane - 1);
      },
      ArrowDown: () => {
        scrollLanes(layout.firstLane + 1);
      },
      "+": () => {
        setScale(zoomAt(scale, (size.width + LABEL_WIDTH) / 2, 0.8));
      },
      "-": () => {
        setScale(zoomAt(scale, (size.width + LABEL_WIDTH) / 2, 1.25));
      },
    };
    const action = actions[e.key];
    if (action === undefined) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="sim-tab-body sim-timeline-tab">
      <div className="sim-tab-toolbar">
        <TimelineReadout />
        <button
          type="button"
          data-testid="sim.timeline.fit"
          disabled={extent === null}
          onClick={() => {
            if (extent !== null) setScale(fitScale(extent.from, extent.to, size.width, LABEL_WIDTH));
          }}
        >
          Fit
        </button>
      </div>
      <div className="sim-timeline-box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="sim-timeline-canvas"
          style={{ width: size.width, height: size.height }}
          tabIndex={0}
          role="img"
          aria-label="Timeline of the events by key and event time, with the watermark, matches and timeouts"
          data-testid="sim.timeline.canvas"
          onWheel={onWheel}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
          }}
          onKeyDown={onKeyDown}
        />
        {extent === null && (
          <p className="sim-timeline-empty sim-muted">No events with an event time to show yet.</p>
        )}
      </div>
    </div>
  );
}
