/**
 * A command (Excalidraw's "action"): one user intent with a label, optional shortcut keys and an
 * availability test. The toolbar, the keyboard map, menus and the e2e test hook all run commands
 * through the registry, so each intent is implemented once.
 */
import type { Selection } from "../../designer/selectionStore.ts";

/** What a command acts on besides the document. */
export interface CommandContext {
  readonly selection: Selection;
}

/** One command. */
export interface Command {
  /** Stable id (`undo`, `deleteSelection`); tests and menus refer to commands by it. */
  readonly id: string;
  /** Menu / tooltip text. */
  readonly label: string;
  /** Shortcut keys such as "Mod+Z", "Mod+Shift+Z", "Delete"; `Mod` is Ctrl, or ⌘ on a Mac. */
  readonly keys?: readonly string[];
  /** False when running now would do nothing (nothing to undo, nothing selected …). */
  isAvailable?(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void;
}
