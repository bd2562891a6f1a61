import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A button that shows its current value and opens a small panel of fields below it (closed by
 * Escape, by the button, or by a click outside), so rarely changed settings don't crowd the bar.
 */
export function Popover({
  label,
  summary,
  testId,
  children,
}: {
  label: string;
  summary: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (box.current !== null && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return (
    <span
      className="sim-popover"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid={testId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {label}: <span className="sim-muted">{summary}</span> ▾
      </button>
      <span className="sim-popover-panel" id={panelId} role="group" aria-label={label} hidden={!open}>
        {children}
      </span>
    </span>
  );
}
