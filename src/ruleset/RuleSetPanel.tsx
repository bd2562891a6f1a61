/**
 * The rule set: every rule of the document with its id, version, publish state and enabled flag;
 * the active one is on the canvas. Up/Down (Home/End) move through the rules. Actions: new,
 * duplicate, delete (undoable, so no confirmation — the status line offers Undo), publish.
 */
import { useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { activeRule, findRule } from "../document/documentQueries.ts";
import { changeDocument, documentStore } from "../document/documentStore.ts";
import { publishBlocker, publishRule } from "../document/edits/publishEdits.ts";
import {
  addRule,
  duplicateRule,
  removeRule,
  restoreRule,
  setActiveRule,
  setRuleEnabled,
} from "../document/edits/ruleEdits.ts";
import { useDocument } from "../document/useDocument.ts";
import { RuleRow } from "./RuleRow.tsx";
import { ruleSetProblems } from "./ruleSetProblems.ts";
import { RuleSetStatus } from "./RuleSetStatus.tsx";
import type { StatusMessage } from "./RuleSetStatus.tsx";
import { VisibleSentence } from "../ui/text/VisibleText.tsx";
import "./RuleSetPanel.css";

/** The rule list with its actions and problems. */
export function RuleSetPanel() {
  const doc = useDocument((s) => s.doc);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const active = activeRule(doc);
  const problems = ruleSetProblems(doc);
  const clashing = new Set(problems.flatMap((p) => p.ruleKeys));

  const activate = (key: string, focus: boolean) => {
    // Which rule is on the canvas is view state: not an undo step.
    changeDocument((d) => setActiveRule(d, key), { history: "skip" });
    if (focus) buttons.current.get(key)?.focus();
  };

  const onRowKey = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = doc.rules.length - 1;
    const target =
      event.key === "ArrowDown"
        ? Math.min(index + 1, last)
        : event.key === "ArrowUp"
          ? Math.max(index - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const key = doc.rules[target]?.key;
    if (key !== undefined) activate(key, true);
  };

  const blocker = publishBlocker(active);

  return (
    <section className="ruleset" aria-labelledby="ruleset-title" data-testid="ruleset.panel">
      <header className="ruleset__header">
        <h2 id="ruleset-title" className="ruleset__title">
          Rule set <span className="ruleset__count">{doc.rules.length}</span>
        </h2>
        <button
          type="button"
          className="app-button ruleset__new"
          data-testid="ruleset.new"
          onClick={() => {
            changeDocument(addRule);
            setStatus(null);
          }}
        >
          + New rule
        </button>
      </header>
      {doc.rules.length === 0 ? (
        <p className="ruleset__empty">No rules. Add one, import a file or start from a template.</p>
      ) : (
        <ul className="ruleset__list" aria-label="Rules">
          {doc.rules.map((entry, i) => (
            <RuleRow
              key={entry.key}
              entry={entry}
              active={entry.key === doc.activeRuleKey}
              clashing={clashing.has(entry.key)}
              buttonRef={(el) => {
                if (el) buttons.current.set(entry.key, el);
                else buttons.current.delete(entry.key);
              }}
              onActivate={() => {
                activate(entry.key, false);
              }}
              onToggleEnabled={(enabled) => {
                changeDocument((d) => setRuleEnabled(d, entry.key, enabled));
              }}
              onKeyDown={onRowKey(i)}
            />
          ))}
        </ul>
      )}
      <div className="ruleset__actions" role="group" aria-label="Active rule">
        <button
          type="button"
          className="app-button"
          disabled={!active}
          data-testid="ruleset.duplicate"
          onClick={() => {
            if (active) changeDocument((d) => duplicateRule(d, active.key));
            setStatus(null);
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="app-button"
          disabled={!active}
          data-testid="ruleset.delete"
          onClick={() => {
            if (!active) return;
            const index = doc.rules.indexOf(active);
            changeDocument((d) => removeRule(d, active.key));
            setStatus({
              text: `Rule ${active.rule.id} deleted`,
              holds: (d) => !d.rules.some((r) => r.key === active.key),
              undo: () => {
                changeDocument((d) => restoreRule(d, active, index));
                setStatus(null);
              },
            });
          }}
        >
          Delete
        </button>
        <button
          type="button"
          className="app-button app-button--primary"
          disabled={blocker !== null}
          title={
            blocker?.reason ?? "Publish: bump the version so the broadcast stream replaces the running rule"
          }
          data-testid="ruleset.publish"
          onClick={() => {
            if (!active) return;
            changeDocument((d) => publishRule(d, active.key));
            const version = findRule(documentStore.getState().doc, active.key)?.published?.version;
            if (version === undefined) return;
            setStatus({
              text: `Rule ${active.rule.id} published as version ${version}`,
              holds: (d) => findRule(d, active.key)?.published?.version === version,
              undo: null,
            });
          }}
        >
          Publish
        </button>
      </div>
      {blocker?.notable && (
        <p className="ruleset__hint" data-testid="ruleset.publishBlocker">
          {blocker.reason}
        </p>
      )}
      <RuleSetStatus
        status={status}
        doc={doc}
        onDismiss={() => {
          setStatus(null);
        }}
      />
      {problems.length > 0 && (
        <ul className="ruleset__problems" data-testid="ruleset.problems">
          {problems.map((p, i) => (
            <li key={i} className={`ruleset__problem ruleset__problem--${p.kind}`}>
              <VisibleSentence text={p.message} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
