import { useRef } from "react";
import type { KeyboardEvent, PointerEvent } from "react";

/** Pixels one arrow-key press moves a splitter (Shift: four times as much). */
const KEY_STEP = 16;

export interface SplitterProps {
  /** Accessible name, e.g. "Resize the rule set panel". */
  readonly label: string;
  /** "vertical" separates left from right (drags along x); "horizontal" separates top from bottom. */
  readonly orientation: "vertical" | "horizontal";
  /** The size it controls, and its limits (for `aria-valuenow/min/max`). */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /**
   * +1 when dragging right/down grows the size (a left panel), -1 when it shrinks it (a right
   * panel or the bottom dock, which grow towards the top-left).
   */
  readonly direction: 1 | -1;
  readonly onResize: (size: number) => void;
  readonly testId: string;
}

/**
 * A draggable, keyboard-operable separator (WAI-ARIA "window splitter"): pointer drags resize
 * live, arrow keys step, Home/End jump to the limits.
 */
export function Splitter(props: SplitterProps) {
  const { label, orientation, value, min, max, direction, onResize, testId } = props;
  const drag = useRef<{ start: number; size: number } | null>(null);
  const axis = (e: PointerEvent) => (orientation === "vertical" ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: axis(e), size: value };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    onResize(d.size + direction * (axis(e) - d.start));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const grow = orientation === "vertical" ? ["ArrowRight", "ArrowLeft"] : ["ArrowDown", "ArrowUp"];
    let next: number | null = null;
    if (e.key === grow[0]) next = value + direction * step;
    else if (e.key === grow[1]) next = value - direction * step;
    else if (e.key === "Home") next = min;
    else if (e.key === "End") next = max;
    if (next === null) return;
    e.preventDefault();
    onResize(next);
  };

  return (
    <div
      className={`app-splitter app-splitter--${orientation}`}
      role="separator"
      aria-label={label}
      // ARIA's orientation is the separator line's own: a left/right splitter is a vertical line.
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
