import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from "react";

/** Where the open panel sits: fixed to the window, since the dock clips what overflows it. */
function panelPlace(button: DOMRect, panelHeight: number): CSSProperties {
  const right = Math.max(4, window.innerWidth - button.right);
  // Below the button when it fits in the window, else above it (the dock may be short).
  return window.innerHeight - button.bottom >= panelHeight + 8
    ? { top: button.bottom + 4, right }
    : { bottom: window.innerHeight - button.top + 4, right };
}

/**
 * A button that shows its current value and opens a small panel of fields next to it (closed by
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
  const [place, setPlace] = useState<CSSProperties>({});
  const box = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  const panelId = useId();
  useLayoutEffect(() => {
    const anchor = button.current;
    const shown = panel.current;
    if (!open || anchor === null || shown === null) return;
    const placePanel = () => {
      setPlace(panelPlace(anchor.getBoundingClientRect(), shown.offsetHeight));
    };
    placePanel();
    // Placed again when it grows (a field's message appears), so it stays in the window.
    const observer = new ResizeObserver(placePanel);
    observer.observe(shown);
    return () => {
      observer.disconnect();
    };
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (box.current !== null && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const close = () => {
      setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("resize", close);
    };
  }, [open]);
  return (
    <span
      className="sim-popover"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        // Escape is the popover's: it must not also clear the canvas selection (the app's
        // shortcut), and focus goes back to the button, not to the page with the hidden panel.
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
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
      <span
        className="sim-popover-panel"
        ref={panel}
        id={panelId}
        role="group"
        aria-label={label}
        hidden={!open}
        style={place}
      >
        {children}
      </span>
    </span>
  );
}
