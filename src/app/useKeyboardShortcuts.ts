import { useEffect } from "react";
import { matchesShortcut } from "../document/commands/keys.ts";
import { commandForKey } from "../document/commands/registry.ts";
import { selectionStore } from "../designer/selectionStore.ts";
import { isTextEntryTarget } from "./textEntryTarget.ts";

/** Marks an area (with tabIndex -1) that focus returns to when its focused element goes away. */
const FOCUS_HOME_ATTRIBUTE = "data-focus-home";

/**
 * Marks an area whose keys are its own (the simulator dock: its tables, timeline and settings).
 * There only the document's history shortcuts apply; Delete, Escape or Mod+A must not act on a
 * canvas selection the user is not looking at.
 */
const OWN_KEYS_ATTRIBUTE = "data-own-keys";

/** Commands whose keys work everywhere outside text entry: they act on the document, not the selection. */
const DOCUMENT_COMMANDS = new Set(["undo", "redo"]);

/**
 * A command can remove the element that had focus (Delete on a focused stage, Ctrl+G), or React
 * Flow blurs it (Escape on a focused stage): the browser then drops focus to the page, and the
 * next Tab starts from the header. Once the change is drawn, focus goes to the area the element
 * was in instead, so the keyboard stays there.
 */
function keepFocusNear(focused: HTMLElement): void {
  const home = focused.closest<HTMLElement>(`[${FOCUS_HOME_ATTRIBUTE}]`);
  if (!home) return;
  requestAnimationFrame(() => {
    const dropped = !focused.isConnected || document.activeElement === document.body;
    if (dropped && home.isConnected) home.focus();
  });
}

/**
 * True when the user has selected text on the page (to copy it) and pressed the key outside the
 * canvas: a click on a stage leaves an old text selection in place, and there Mod+C copies stages.
 */
function copiesSelectedText(target: EventTarget | null): boolean {
  const inCanvas = target instanceof Element && target.closest(`[${FOCUS_HOME_ATTRIBUTE}]`) !== null;
  const selection = window.getSelection();
  return !inCanvas && selection !== null && !selection.isCollapsed && selection.toString() !== "";
}

/**
 * The app-wide keyboard map: a key press outside text entry runs the command registered for it
 * (the same command the toolbar and the tests run). Text inputs, selects and Monaco keep their
 * own keys, so Ctrl+Z there undoes typing, not the document; so do open dialogs, and the
 * simulator dock keeps all but undo and redo.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTextEntryTarget(event.target)) return;
      // A modal dialog owns the keyboard: Escape closes it, and must not also clear the canvas.
      if (event.target instanceof Element && event.target.closest("dialog") !== null) return;
      // Mod+C with text selected (a diagnostic, a table row, an explanation) copies that text.
      if (matchesShortcut("Mod+C", event) && copiesSelectedText(event.target)) return;
      const focused = event.target instanceof HTMLElement ? event.target : null;
      // Also for keys no command takes: React Flow blurs a stage on Escape by itself.
      if (focused) keepFocusNear(focused);
      const command = commandForKey(event);
      if (!command) return;
      const inOwnKeysArea =
        event.target instanceof Element && event.target.closest(`[${OWN_KEYS_ATTRIBUTE}]`) !== null;
      if (inOwnKeysArea && !DOCUMENT_COMMANDS.has(command.id)) return;
      const context = { selection: selectionStore.getState().selection };
      if (command.isAvailable && !command.isAvailable(context)) return;
      event.preventDefault();
      command.run(context);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
