/**
 * The source view's two-way sync with the document, for one rule:
 *
 * - typing is read (debounced) as a rule; a rule that imports is applied at once with
 *   `changeDocument(…, {mergeKey: "source:<key>"})`, so a burst of typing is one undo step;
 * - a change from elsewhere (canvas, inspector, undo) replaces the text, unless the text holds
 *   an edit that does not import yet: that is never overwritten, the view says the canvas shows
 *   the last valid version instead, and the user fixes or discards it;
 * - an unapplied text outlives the panel (tab switches, other rules) and a reload of the tab, in
 *   a draft kept per rule (`sourceDrafts.ts`).
 *
 * Once the text imports, text and canvas show the same rule: there is one model, the document.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { findRule } from "../document/documentQueries.ts";
import { changeDocument, documentStore, endMerge } from "../document/documentStore.ts";
import { exportRuleText } from "../formats/dynamicCep/index.ts";
import type { Rule } from "../model/pattern.ts";
import { readRuleSource, ruleSourceText } from "./ruleSource.ts";
import type { SourceReading } from "./ruleSource.ts";
import { applySourceRule } from "./sourceEdit.ts";
import { tabSessionStorage } from "../document/tabStorage.ts";
import { isDraftBase, SourceDrafts } from "./sourceDrafts.ts";

/** How long typing pauses before the text is read and applied. */
const SOURCE_APPLY_DELAY_MS = 300;

/** Unapplied texts by rule key, with the rule they were written against (kept across reloads). */
const drafts = new SourceDrafts(tabSessionStorage());

/** What the view shows. */
export interface RuleSourceSync {
  readonly text: string;
  readonly reading: SourceReading;
  /** The text is not applied: the canvas shows the last valid version. */
  readonly unapplied: boolean;
  /** While unapplied, the rule also changed elsewhere (applying the text will replace that). */
  readonly changedElsewhere: boolean;
  readonly onText: (text: string) => void;
  /** Reads and applies a pending text now (blur), and closes the undo merge. */
  readonly commit: () => void;
  /** Drops the unapplied text and shows the document's rule again. */
  readonly discard: () => void;
  /** Rewrites the text in the standard layout (only when it is applied). */
  readonly format: () => void;
}

/** Syncs the source text of rule `ruleKey`, which holds `rule` at mount (remount per rule). */
export function useRuleSourceSync(ruleKey: string, rule: Rule): RuleSourceSync {
  const [text, setText] = useState(() => drafts.get(ruleKey)?.text ?? ruleSourceText(rule));
  const [reading, setReading] = useState(() => readRuleSource(text, rule));
  const [changedElsewhere, setChangedElsewhere] = useState(() => {
    const draft = drafts.get(ruleKey);
    return draft !== undefined && !isDraftBase(draft, rule);
  });
  // The rule the text stands for; a document rule that is not this one came from elsewhere.
  const shown = useRef<Rule>(rule);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestText = useRef(text);

  /** Puts the document's `next` rule in the text, dropping any pending edit. */
  const show = useCallback((next: Rule) => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    shown.current = next;
    const nextText = ruleSourceText(next);
    latestText.current = nextText;
    setText(nextText);
    setReading(readRuleSource(nextText, next));
  }, []);

  const apply = useCallback(
    (next: string) => {
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
      const current = findRule(documentStore.getState().doc, ruleKey);
      if (!current) return;
      const result = readRuleSource(next, current.rule);
      setReading(result);
      if (!result.ok) {
        drafts.set(ruleKey, { text: next, base: drafts.get(ruleKey)?.base ?? shown.current });
        return;
      }
      drafts.delete(ruleKey);
      setChangedElsewhere(false);
      if (sameJson(result.rule, current.rule)) {
        shown.current = current.rule;
        return;
      }
      // Set before the change: the store notifies synchronously, and this is not "elsewhere".
      shown.current = result.rule;
      changeDocument((doc) => applySourceRule(doc, ruleKey, result.rule), { mergeKey: `source:${ruleKey}` });
    },
    [ruleKey],
  );

  // Changes from elsewhere: the document's rule is not the one the text stands for.
  useEffect(
    () =>
      documentStore.subscribe((state) => {
        const next = findRule(state.doc, ruleKey)?.rule;
        if (next === undefined) return;
        // An unapplied text was written against its draft's base: a change (an undo) that brings
        // the rule back to it leaves nothing changed elsewhere.
        const draft = drafts.get(ruleKey);
        if (next === shown.current) {
          if (draft !== undefined && isDraftBase(draft, next)) setChangedElsewhere(false);
          return;
        }
        if (!readRuleSource(latestText.current, next).ok) {
          // The user's unapplied edit wins over the outside change until fixed or discarded.
          setChangedElsewhere(draft !== undefined ? !isDraftBase(draft, next) : next !== shown.current);
          return;
        }
        show(next);
      }),
    [ruleKey, show],
  );

  useEffect(
    () => () => {
      if (pending.current !== null) {
        clearTimeout(pending.current);
        apply(latestText.current);
      }
    },
    [apply],
  );

  const onText = useCallback(
    (next: string) => {
      latestText.current = next;
      setText(next);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        apply(next);
      }, SOURCE_APPLY_DELAY_MS);
    },
    [apply],
  );

  const commit = useCallback(() => {
    if (pending.current !== null) apply(latestText.current);
    endMerge();
  }, [apply]);

  const discard = useCallback(() => {
    drafts.delete(ruleKey);
    setChangedElsewhere(false);
    show(findRule(documentStore.getState().doc, ruleKey)?.rule ?? shown.current);
  }, [ruleKey, show]);

  const format = useCallback(() => {
    if (pending.current !== null) apply(latestText.current);
    const current = findRule(documentStore.getState().doc, ruleKey)?.rule;
    if (current === undefined || !readRuleSource(latestText.current, current).ok) return;
    show(current);
  }, [apply, ruleKey, show]);

  const unapplied = !reading.ok;
  return useMemo(
    () => ({ text, reading, unapplied, changedElsewhere, onText, commit, discard, format }),
    [text, reading, unapplied, changedElsewhere, onText, commit, discard, format],
  );
}

function sameJson(a: Rule, b: Rule): boolean {
  return exportRuleText(a) === exportRuleText(b);
}
