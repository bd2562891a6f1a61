import { useEffect } from "react";
import { commandForKey } from "../document/commands/registry.ts";
import { selectionStore } from "../designer/selectionStore.ts";
import { isTextEntryTarget } from "./textEntryTarget.ts";

/** Marks an area (with tabIndex -1) that focus returns to when its focused element goes away. */
const FOCUS_HOME_ATTRIBUTE = "data-focus-home";

/**
 * A command can remove the element that had focus (Delete on a focused stage, Ctrl+G): the
 * browser then drops focus to the page, and the next Tab starts from the header. Once the change
 * is drawn, focus goes to the area the element was in instead, so the keyboard stays there.
 */
function keepFocusNear(focused: HTMLElement): void {
  const home = focused.closest<HTMLElement>(`[${FOCUS_HOME_ATTRIBUTE}]`);
  if (!home) return;
  requestAnimationFrame(() => {
    if (!focused.isConnected && home.isConnected) home.focus();
  });
}

/**
 * The app-wide keyboard map: a key press outside text entry runs the command registered for it
 * (the same command the toolbar and the tests run). Text inputs, selects and Monaco keep their
 * own keys, so Ctrl+Z there undoes typing, not the document; so do open dialogs.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTextEntryTarget(event.target)) return;
      // A modal dialog owns the keyboard: Escape closes it, and must not also clear the canvas.
      if (event.target instanceof Element && event.target.closest("dialog") !== null) return;
      const command = commandForKey(event);
      if (!command) return;
      const context = { selection: selectionStore.getState().selection };
      if (command.isAvailable && !command.isAvailable(context)) return;
      event.preventDefault();
      const focused = event.target instanceof HTMLElement ? event.target : null;
      command.run(context);
      if (focused) keepFocusNear(focused);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
