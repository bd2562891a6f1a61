import { CodeEditor } from "./CodeEditor.tsx";
import type { EditorMarker } from "./editorMarkers.ts";
import type { JsonSchema } from "./monacoSetup.ts";
import type { MonacoEditorHandle } from "./useMonacoEditor.ts";

export interface JsonEditorProps {
  readonly value: string;
  /** Called with the text after every edit; without it the editor is read-only. */
  readonly onChange?: (text: string) => void;
  readonly onBlur?: () => void;
  /** Validate the text against this JSON schema (problems show as warnings). */
  readonly schema?: JsonSchema;
  /** The caller's own problems (import errors with their line and column). */
  readonly markers?: readonly EditorMarker[];
  readonly ariaLabel: string;
  readonly testId: string;
  /** Called once the editor exists (null when it goes), for views that move its cursor. */
  readonly onEditor?: (handle: MonacoEditorHandle | null) => void;
}

/**
 * A Monaco JSON editor filling its parent: syntax colours, folding, format, JSON syntax errors
 * and schema warnings from Monaco's JSON worker, plus the caller's markers.
 */
export function JsonEditor(props: JsonEditorProps) {
  return <CodeEditor {...props} language="json" />;
}
