import { useEffect } from "react";
import { commandForKey } from "../document/commands/registry.ts";
import { selectionStore } from "../designer/selectionStore.ts";
import { isTextEntryTarget } from "./textEntryTarget.ts";

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
      command.run(context);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
