import { useEffect, useId, useRef } from "react";
import type { editor } from "monaco-editor/editor/editor.api.js";
import { BASE_EDITOR_OPTIONS, EDITOR_KEYS_CLASS } from "./editorOptions.ts";
import { jsonTokenEnd } from "./editorMarkers.ts";
import type { EditorMarker } from "./editorMarkers.ts";
import type { JsonSchema, MonacoApi } from "./monacoSetup.ts";
import { useModelValue } from "./useModelValue.ts";
import { useMonacoEditor } from "./useMonacoEditor.ts";
import type { MonacoEditorHandle } from "./useMonacoEditor.ts";
import "./CodeEditor.css";

/** Languages the bundled Monaco colours. */
export type CodeLanguage = "json" | "sql" | "java" | "plaintext";

export interface CodeEditorProps {
  readonly value: string;
  readonly language: CodeLanguage;
  /** Called with the text after every edit; without it the editor is read-only. */
  readonly onChange?: (text: string) => void;
  /** Called when the editor loses focus. */
  readonly onBlur?: () => void;
  /** JSON only: validate against this schema (problems are warnings). */
  readonly schema?: JsonSchema;
  /** Problems to underline (with the language's own, e.g. JSON syntax errors). */
  readonly markers?: readonly EditorMarker[];
  readonly ariaLabel: string;
  readonly testId: string;
  /** Called once the editor exists (and with null when it goes), for views that steer it. */
  readonly onEditor?: (handle: MonacoEditorHandle | null) => void;
}

const MARKER_OWNER = "cep-studio";
const EXTENSIONS: Readonly<Record<CodeLanguage, string>> = {
  json: "json",
  sql: "sql",
  java: "java",
  plaintext: "txt",
};

/**
 * A Monaco editor filling its parent, for a whole document: JSON (with an optional schema),
 * SQL or Java; editable when `onChange` is given, a read-only preview otherwise. Outside
 * changes to `value` keep the cursor and scroll position.
 */
export function CodeEditor(props: CodeEditorProps) {
  const { value, onChange, schema, markers, ariaLabel, testId } = props;
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const id = useId();
  const readOnly = onChange === undefined;

  const { containerRef, handle, loadError } = useMonacoEditor((monaco, container) => {
    const { language } = latest.current;
    const uri = monaco.Uri.parse(`inmemory://code/${encodeURIComponent(id)}.${EXTENSIONS[language]}`);
    const model = monaco.editor.createModel(latest.current.value, language, uri);
    return monaco.editor.create(container, {
      ...BASE_EDITOR_OPTIONS,
      model,
      ariaLabel: latest.current.ariaLabel,
      readOnly,
      domReadOnly: readOnly,
      readOnlyMessage: { value: "This preview is generated from the rule: change the rule to change it." },
      lineNumbersMinChars: 3,
      glyphMargin: false,
      folding: language === "json",
      // Side panels are narrow: JSON wraps long lines, indented under their start; wrapped SQL and
      // Java read worse than a horizontal scroll.
      wordWrap: language === "json" ? "on" : "off",
      wrappingIndent: "indent",
      renderValidationDecorations: "on",
    });
  });
  useModelValue(handle, value, onChange);

  useEffect(() => {
    latest.current.onEditor?.(handle);
    return () => latest.current.onEditor?.(null);
  }, [handle]);

  useEffect(() => {
    handle?.editor.updateOptions({ readOnly, domReadOnly: readOnly, ariaLabel });
  }, [handle, readOnly, ariaLabel]);

  useEffect(() => {
    if (!handle) return;
    const subscription = handle.editor.onDidBlurEditorText(() => {
      latest.current.onBlur?.();
    });
    return () => {
      subscription.dispose();
    };
  }, [handle]);

  useEffect(() => {
    const uri = handle?.editor.getModel()?.uri.toString();
    if (!handle || uri === undefined || schema === undefined) return;
    handle.runtime.setJsonSchema(uri, schema);
    return () => {
      handle.runtime.setJsonSchema(uri, null);
    };
  }, [handle, schema]);

  useEffect(() => {
    const model = handle?.editor.getModel();
    if (!handle || !model) return;
    handle.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMonacoMarkers(handle.monaco, model, markers ?? []),
    );
  }, [handle, markers, value]);

  if (loadError !== null) {
    return (
      <div className="code-editor code-editor--fallback" data-testid={testId}>
        <p className="code-editor__load-error">{loadError}</p>
        <textarea
          className="code-editor__fallback"
          value={value}
          readOnly={readOnly}
          aria-label={ariaLabel}
          spellCheck={false}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={() => props.onBlur?.()}
        />
      </div>
    );
  }
  return (
    <div
      ref={containerRef}
      className={`code-editor ${EDITOR_KEYS_CLASS}`}
      data-testid={testId}
      data-ready={handle !== null}
    >
      {handle === null && <pre className="code-editor__pending">{value}</pre>}
    </div>
  );
}

function toMonacoMarkers(
  monaco: MonacoApi,
  model: editor.ITextModel,
  markers: readonly EditorMarker[],
): editor.IMarkerData[] {
  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  const lines = model.getLineCount();
  return markers.map((m) => {
    const line = Math.min(Math.max(m.line, 1), lines);
    const endLine = m.endLine ?? line;
    const endColumn = m.endColumn ?? jsonTokenEnd(model.getLineContent(line), m.column);
    return {
      severity: severity[m.severity],
      message: m.message,
      startLineNumber: line,
      startColumn: m.column,
      endLineNumber: endLine,
      endColumn,
    };
  });
}
