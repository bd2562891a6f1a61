import { useMemo, useRef } from "react";
import { useActiveRule } from "../document/useDocument.ts";
import type { Rule } from "../model/pattern.ts";
import type { EditorMarker } from "./editorMarkers.ts";
import { JsonEditor } from "./JsonEditor.tsx";
import type { SourceProblem } from "./ruleSource.ts";
import { ruleSourceSchema } from "./ruleSourceSchema.ts";
import type { MonacoEditorHandle } from "./useMonacoEditor.ts";
import { useRuleSourceSync } from "./useRuleSourceSync.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import { VisibleSentence } from "../ui/text/VisibleText.tsx";
import "./RuleSourceView.css";

/**
 * The active rule's dynamic-CEP JSON, editable, in two-way sync with the canvas: the JSON is a
 * view of the document's rule, and an edit that imports becomes the document's rule.
 */
export function RuleSourceView() {
  const active = useActiveRule();
  if (!active) {
    return (
      <p className="app-tool-panel__empty" data-testid="source.empty">
        No rule is open. Add a rule to see its JSON.
      </p>
    );
  }
  // One editor (and one undo history) per rule: switching rules never mixes their texts.
  return <RuleSource key={active.key} ruleKey={active.key} rule={active.rule} />;
}

function RuleSource({ ruleKey, rule }: { readonly ruleKey: string; readonly rule: Rule }) {
  const sync = useRuleSourceSync(ruleKey, rule);
  const editor = useRef<MonacoEditorHandle | null>(null);
  const problems = sync.reading.problems;
  const markers = useMemo(() => problems.flatMap(toMarker), [problems]);

  const reveal = (problem: SourceProblem) => {
    const handle = editor.current;
    if (!handle || problem.line === null) return;
    const position = { lineNumber: problem.line, column: problem.column ?? 1 };
    handle.editor.setPosition(position);
    handle.editor.revealPositionInCenter(position);
    handle.editor.focus();
  };

  const errors = problems.filter((p) => p.kind !== "pattern" && p.severity === "error").length;
  return (
    <section className="app-tool-panel source-view" aria-label="Rule JSON source" data-testid="source">
      <div className="app-tool-panel__bar">
        <span
          className={`source-view__status source-view__status--${sync.unapplied ? "unapplied" : "applied"}`}
          data-testid="source.status"
          role="status"
        >
          {sync.unapplied
            ? `Not applied: ${errors} ${errors === 1 ? "error" : "errors"}`
            : "In sync with the canvas"}
        </span>
        <button
          type="button"
          className="app-button"
          disabled={sync.unapplied}
          onClick={sync.format}
          data-testid="source.format"
        >
          Format
        </button>
      </div>
      {sync.unapplied && (
        <div className="source-view__banner" role="alert" data-testid="source.banner">
          <p>
            The canvas shows the last valid version of this rule: fix the errors below to apply your edit.
            {sync.changedElsewhere &&
              " The rule was also changed elsewhere since; applying your text will replace that change."}
          </p>
          <button type="button" className="app-button" onClick={sync.discard} data-testid="source.discard">
            Discard my edit
          </button>
        </div>
      )}
      <div className="source-view__editor">
        <JsonEditor
          value={sync.text}
          onChange={sync.onText}
          onBlur={sync.commit}
          schema={ruleSourceSchema}
          markers={markers}
          ariaLabel="Rule JSON (dynamic-CEP). Tab moves focus out of the editor."
          testId="source.editor"
          onEditor={(handle) => {
            editor.current = handle;
          }}
        />
      </div>
      {problems.length > 0 && (
        <ul className="source-view__problems" aria-label="Problems in the JSON" data-testid="source.problems">
          {problems.map((p, i) => (
            <li key={i} className={`source-view__problem source-view__problem--${p.severity}`}>
              <button
                type="button"
                className="source-view__problem-link"
                onClick={() => {
                  reveal(p);
                }}
                data-testid={`source.problem.${i}`}
              >
                <span className="source-view__where">
                  {p.line === null ? "—" : `${p.line}:${p.column ?? 1}`}
                </span>
                <span className="source-view__message">
                  {p.path !== "" && <code>{p.path}</code>} <VisibleSentence text={p.message} />
                  {p.kind === "pattern" && p.severity === "error" && " (Flink rejects this pattern)"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function toMarker(problem: SourceProblem): EditorMarker[] {
  if (problem.line === null) return [];
  return [
    {
      severity: problem.severity,
      line: problem.line,
      column: problem.column ?? 1,
      // Monaco's hover shows text as is: a stage name's bidi control would reorder the message.
      message: revealHiddenCharacters(
        problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`,
      ),
    },
  ];
}
