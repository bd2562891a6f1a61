/**
 * The editors' Monaco theme, built from the app's design tokens (`src/app/app.css`) so code
 * looks like the rest of CEP Studio. Monaco needs literal hex colours, so the tokens are read
 * from the page once when Monaco loads; the fallbacks are the tokens' documented values.
 */
import type { editor } from "monaco-editor/editor/editor.api.js";

/** The theme name passed to `monaco.editor.create`. */
export const CEP_STUDIO_THEME = "cep-studio";

const TOKENS = {
  "--panel": "#ffffff",
  "--panel-alt": "#f9fafb",
  "--border": "#d9dde3",
  "--text": "#1d2330",
  "--muted": "#5b6475",
  "--accent": "#2a64cc",
  "--accent-soft": "#e8effc",
  "--danger": "#c62828",
  "--warn": "#a16000",
  "--ok": "#2e7d32",
  "--c-followed": "#7b5cd6",
  "--c-any": "#0b7d7f",
} as const;

type Token = keyof typeof TOKENS;

/** Reads the tokens from `root`'s computed style; anything that is not a 6-digit hex falls back. */
export function readTokens(root: Element | null): Record<Token, string> {
  const style = root ? getComputedStyle(root) : null;
  const out = { ...TOKENS } as Record<Token, string>;
  for (const name of Object.keys(TOKENS) as Token[]) {
    const value = style?.getPropertyValue(name).trim() ?? "";
    if (/^#[0-9a-fA-F]{6}$/.test(value)) out[name] = value;
  }
  return out;
}

/** The theme for `tokens` (token names from `conditionMonarch.ts` and Monaco's JSON, SQL and Java modes). */
export function cepStudioTheme(tokens: Record<Token, string>): editor.IStandaloneThemeData {
  const hex = (name: Token) => tokens[name].slice(1);
  return {
    base: "vs",
    inherit: true,
    rules: [
      { token: "", foreground: hex("--text") },
      { token: "comment", foreground: hex("--muted"), fontStyle: "italic" },
      { token: "keyword", foreground: hex("--c-followed"), fontStyle: "bold" },
      { token: "number", foreground: hex("--c-any") },
      { token: "string", foreground: hex("--ok") },
      { token: "string.escape", foreground: hex("--warn") },
      { token: "string.invalid", foreground: hex("--danger") },
      { token: "regexp", foreground: hex("--warn") },
      { token: "operator", foreground: hex("--muted") },
      { token: "delimiter", foreground: hex("--muted") },
      { token: "predefined", foreground: hex("--accent") },
      { token: "variable", foreground: hex("--text") },
      { token: "variable.config", foreground: hex("--warn") },
      { token: "identifier", foreground: hex("--text") },
      { token: "type", foreground: hex("--c-any") },
      { token: "string.key.json", foreground: hex("--accent") },
      { token: "string.value.json", foreground: hex("--ok") },
      { token: "number.json", foreground: hex("--c-any") },
      { token: "keyword.json", foreground: hex("--c-followed") },
    ],
    colors: {
      "editor.background": tokens["--panel"],
      "editor.foreground": tokens["--text"],
      "editorLineNumber.foreground": "#70767e",
      "editorLineNumber.activeForeground": tokens["--muted"],
      "editor.lineHighlightBackground": tokens["--panel-alt"],
      "editor.lineHighlightBorder": tokens["--panel-alt"],
      "editor.selectionBackground": "#cfdcf7",
      "editorCursor.foreground": tokens["--accent"],
      "editorError.foreground": tokens["--danger"],
      "editorWarning.foreground": tokens["--warn"],
      "editorWidget.border": tokens["--border"],
      "editorSuggestWidget.selectedBackground": tokens["--accent-soft"],
      "editorSuggestWidget.selectedForeground": tokens["--text"],
      "editorSuggestWidget.highlightForeground": tokens["--accent"],
      "editorSuggestWidget.focusHighlightForeground": tokens["--accent"],
      "list.activeSelectionForeground": tokens["--text"],
      focusBorder: tokens["--accent"],
      "editorIndentGuide.background1": "#eceef2",
    },
  };
}
