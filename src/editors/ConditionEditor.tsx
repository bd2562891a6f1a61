import { useEffect, useId, useMemo, useRef } from "react";
import { setModelStageNames } from "./conditionLanguage.ts";
import { conditionProblem } from "./conditionDiagnostics.ts";
import { CONDITION_LANGUAGE_ID } from "./conditionMonarch.ts";
import { BASE_EDITOR_OPTIONS, EDITOR_KEYS_CLASS } from "./editorOptions.ts";
import { useModelValue } from "./useModelValue.ts";
import { useMonacoEditor } from "./useMonacoEditor.ts";
import "./ConditionEditor.css";

export interface ConditionEditorProps {
  /** The expression; an outside change replaces the text (the cursor stays where it was). */
  readonly value: string;
  /** Called with the text after every keystroke, valid or not. */
  readonly onChange: (text: string) => void;
  /** Called when the editor loses focus (the end of a typing gesture: close the undo merge). */
  readonly onCommit?: () => void;
  /** Stage names `getEventsForPattern('…')` may refer to (offered in completion). */
  readonly stageNames: readonly string[];
  readonly ariaLabel: string;
  /** `data-testid` of the editor; the error line under it is `<testId>.error`. */
  readonly testId: string;
  /** Fixed height in pixels; by default the editor grows with its text from one to eight lines. */
  readonly height?: number;
  readonly placeholder?: string;
}

const LINE_HEIGHT = 18;
const PADDING = 4;
const FRAME_BORDERS = 2;
const MIN_HEIGHT = LINE_HEIGHT + 2 * PADDING;
const MAX_HEIGHT = 8 * LINE_HEIGHT + 2 * PADDING;

/**
 * A compact Monaco editor for one condition expression (the `cep-condition` language: colours,
 * completion, hover docs, live error markers). The interpreter's first error is written under
 * the editor in plain words with its line and column. Tab leaves the editor.
 */
export function ConditionEditor(props: ConditionEditorProps) {
  const { value, onChange, stageNames, ariaLabel, testId, height } = props;
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const problemId = useId();

  const { containerRef, handle, loadError } = useMonacoEditor((monaco, container) => {
    const uri = monaco.Uri.parse(`inmemory://condition/${encodeURIComponent(problemId)}.cep`);
    const model = monaco.editor.createModel(latest.current.value, CONDITION_LANGUAGE_ID, uri);
    return monaco.editor.create(container, {
      ...BASE_EDITOR_OPTIONS,
      model,
      ariaLabel: latest.current.ariaLabel,
      placeholder: latest.current.placeholder ?? "eventType == 'view' && price > 100",
      lineNumbers: "off",
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 6,
      lineNumbersMinChars: 0,
      overviewRulerLanes: 0,
      renderLineHighlight: "none",
      wordWrap: "on",
      padding: { top: PADDING, bottom: PADDING },
      contextmenu: false,
      occurrencesHighlight: "off",
      quickSuggestions: { other: true, strings: true, comments: false },
      scrollbar: { ...BASE_EDITOR_OPTIONS.scrollbar, horizontal: "hidden", vertical: "auto" },
    });
  });
  const text = useModelValue(handle, value, onChange);
  const problem = useMemo(() => conditionProblem(text), [text]);

  useEffect(() => {
    if (!handle) return;
    const { editor } = handle;
    // Grows with the text: the frame is as tall as Monaco's content, within bounds.
    const fitHeight = () => {
      if (latest.current.height !== undefined) return;
      const fitted = Math.min(Math.max(editor.getContentHeight(), MIN_HEIGHT), MAX_HEIGHT);
      editor.getContainerDomNode().style.height = `${fitted + FRAME_BORDERS}px`;
    };
    const subscriptions = [
      editor.onDidBlurEditorText(() => {
        latest.current.onCommit?.();
      }),
      editor.onDidContentSizeChange((e) => {
        if (e.contentHeightChanged) fitHeight();
      }),
    ];
    fitHeight();
    return () => {
      subscriptions.forEach((s) => {
        s.dispose();
      });
    };
  }, [handle]);

  useEffect(() => {
    const model = handle?.editor.getModel();
    if (model) setModelStageNames(model, stageNames);
  }, [handle, stageNames]);

  useEffect(() => {
    handle?.editor.updateOptions({ ariaLabel });
  }, [handle, ariaLabel]);

  return (
    <div className={`condition-editor ${EDITOR_KEYS_CLASS}`}>
      {loadError === null ? (
        <div
          ref={containerRef}
          className={`condition-editor__frame${problem ? " condition-editor__frame--invalid" : ""}`}
          style={height === undefined ? undefined : { height }}
          data-testid={testId}
          data-ready={handle !== null}
        >
          {handle === null && <pre className="condition-editor__pending">{value}</pre>}
        </div>
      ) : (
        <>
          <textarea
            className="condition-editor__fallback"
            value={value}
            aria-label={ariaLabel}
            aria-describedby={problemId}
            data-testid={testId}
            spellCheck={false}
            rows={3}
            onChange={(e) => {
              onChange(e.target.value);
            }}
            onBlur={() => props.onCommit?.()}
          />
          <p className="condition-editor__load-error">{loadError}</p>
        </>
      )}
      <p
        id={problemId}
        className="condition-editor__problem"
        data-testid={`${testId}.error`}
        aria-live="polite"
        hidden={problem === null}
      >
        {problem?.message}
      </p>
    </div>
  );
}
