import { useState } from "react";
import type { RunSummary } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { countText } from "../format/timeText.ts";
import { seekableItems } from "./seekRange.ts";

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
  const events = summary?.position;
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
        aria-valuetext={`item ${value} of ${max}`}
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
          : `event ${countText(target === null ? events.processedEvents : target.value)} / ${countText(events.totalEvents)}${events.inputDone ? "" : "…"}`}
      </output>
    </label>
  );
}
