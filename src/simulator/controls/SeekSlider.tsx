import { useEffect, useState } from "react";
import type { RunSummary } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { countText } from "../format/timeText.ts";
import { eventsBefore, seekableItems } from "./seekRange.ts";

/** Event `index`'s input item, asked of the worker (null past the last event read). */
async function itemOf(index: number): Promise<number | null> {
  const page = await simulator().inputEvents(index, 1, {}, false);
  return page.rows[0]?.position ?? null;
}

/**
 * The stream position as a slider: dragging it (or arrow keys) previews the position and
 * releasing it seeks there, backward or forward (the worker restores the nearest checkpoint and
 * replays, so the results are those of a straight run).
 */
export function SeekSlider({ summary, disabled }: { summary: RunSummary | null; disabled: boolean }) {
  /** The position being chosen, and the run's position when it was sent (null: not sent yet). */
  const [target, setTarget] = useState<{ value: number; sentAt: number | null } | null>(null);
  const position = summary?.position.items ?? 0;
  const max = summary === null ? 0 : seekableItems(summary);
  // A sent seek shows its target until the run reports a new position (no jump back meanwhile).
  if (
    target !== null &&
    target.sentAt !== null &&
    (position === target.value || position !== target.sentAt)
  ) {
    setTarget(null);
  }
  const value = target?.value ?? position;
  const events = summary?.position;
  const totalEvents = events?.totalEvents ?? 0;
  const totalItems = events?.totalItems ?? 0;
  const chosen = target?.value ?? null;
  /** The events before the chosen item, asked of the worker when not every item is an event. */
  const [counted, setCounted] = useState<number | null>(null);
  if (chosen === null && counted !== null) setCounted(null);
  useEffect(() => {
    if (chosen === null || totalItems === totalEvents) return;
    let current = true;
    void eventsBefore(chosen, { totalEvents, totalItems }, itemOf).then((n) => {
      if (current) setCounted(n);
    });
    return () => {
      current = false;
    };
  }, [chosen, totalEvents, totalItems]);
  // The chosen item in events, as the run counts them (the last count until the next one answers).
  const eventCount =
    chosen === null
      ? (events?.processedEvents ?? 0)
      : totalItems === totalEvents
        ? chosen
        : (counted ?? events?.processedEvents ?? 0);
  const commit = () => {
    if (target === null || target.sentAt !== null) return;
    const to = Math.min(target.value, max);
    if (to === position) {
      setTarget(null);
      return;
    }
    setTarget({ value: to, sentAt: position });
    void simulator().sendRewinding({ type: "seek", position: to });
  };
  return (
    <label className="sim-seek">
      <span className="sim-visually-hidden">Stream position</span>
      <input
        type="range"
        min={0}
        max={Math.max(max, 1)}
        step={1}
        value={Math.min(value, Math.max(max, 1))}
        disabled={disabled || max === 0}
        data-testid="sim.seek"
        aria-valuetext={`event ${eventCount} of ${totalEvents}`}
        onChange={(e) => {
          setTarget({ value: Number(e.target.value), sentAt: null });
        }}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output className="sim-position" data-testid="sim.position">
        {events === undefined
          ? "no data"
          : `event ${countText(eventCount)} / ${countText(events.totalEvents)}${events.inputDone ? "" : "…"}`}
      </output>
    </label>
  );
}
