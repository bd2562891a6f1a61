/**
 * Shortcut strings ("Mod+Shift+Z", "Delete") and key events. `Mod` matches Ctrl or ⌘ (Meta), so
 * one registration serves every platform; the other modifiers must match exactly.
 */

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface Shortcut {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

function parseShortcut(text: string): Shortcut {
  const parts = text.split("+");
  const key = (parts.pop() ?? "").toLowerCase();
  return { key, mod: parts.includes("Mod"), shift: parts.includes("Shift"), alt: parts.includes("Alt") };
}

/** True when `press` is the shortcut `text`. */
export function matchesShortcut(text: string, press: KeyPress): boolean {
  const s = parseShortcut(text);
  // With Shift held, letters arrive upper-case ("Z"); compare case-insensitively.
  return (
    press.key.toLowerCase() === s.key &&
    (press.ctrlKey || press.metaKey) === s.mod &&
    press.shiftKey === s.shift &&
    press.altKey === s.alt
  );
}
