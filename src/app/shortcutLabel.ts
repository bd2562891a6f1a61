/**
 * Shortcut text for tooltips: the command registry's `Mod` becomes ⌘ on Apple platforms and
 * Ctrl elsewhere, as the key handler reads it.
 */
export function shortcutLabel(keys: string): string {
  const apple = /Macintosh|iPhone|iPad/.test(navigator.userAgent);
  return keys
    .split("+")
    .map((part) => (part === "Mod" ? (apple ? "⌘" : "Ctrl") : part))
    .join(apple ? "" : "+");
}
