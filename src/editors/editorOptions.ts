/**
 * Options every CEP Studio editor shares: the app's code font and theme, no minimap, Tab moves
 * focus out of the editor (keyboard users are never trapped; Monaco's own Ctrl+M does not undo
 * this), word-based suggestions off (only the language's own), and overflow widgets (suggest,
 * hover) drawn fixed so narrow panels do not clip them.
 */
import type { editor } from "monaco-editor/editor/editor.api.js";
import { CEP_STUDIO_THEME } from "./monacoTheme.ts";

/** The `--font-code` token's fonts (Monaco measures glyphs itself, so it needs the names). */
const EDITOR_FONT = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** The shared options; each editor adds its own (language, read-only, line numbers). */
export const BASE_EDITOR_OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  theme: CEP_STUDIO_THEME,
  fontFamily: EDITOR_FONT,
  fontSize: 12,
  lineHeight: 18,
  automaticLayout: true,
  minimap: { enabled: false },
  tabFocusMode: true,
  fixedOverflowWidgets: true,
  wordBasedSuggestions: "off",
  stickyScroll: { enabled: false },
  scrollBeyondLastLine: false,
  renderLineHighlightOnlyWhenFocus: true,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  links: false,
  scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
};

/**
 * A class for every editor's container. The designer's React Flow listens for keys on the whole
 * window (Space held pans the canvas, and it cancels the key's default) except inside text fields
 * and `.nokey` elements. Monaco in Chromium takes typing through an EditContext `<div>`, which is
 * no text field to React Flow, so without this class no space could be typed in an editor.
 */
export const EDITOR_KEYS_CLASS = "nokey";
