/**
 * Document-level edits: the rule list (add, remove, duplicate, import, which one is active), a
 * rule's id / function / enabled flag, its canvas positions, and applying a rule edit to one rule.
 * Each takes and returns a {@link StudioDocument}, the same object when nothing changed.
 */
import type { GraphNode, Rule } from "../../model/pattern.ts";
import { singleQuantifier } from "../../model/quantifier.ts";
import { findRule } from "../documentQueries.ts";
import { positionAt } from "./positionKeys.ts";
import type { DocumentRule, StageKey, StagePosition, StudioDocument } from "../studioDocument.ts";

/** The `PatternProcessFunction` a new rule names: the one the dynamic-CEP demo job ships. */
export const DEFAULT_RULE_FUNCTION = "com.alibaba.ververica.cep.demo.dynamic.DemoPatternProcessFunction";

/** The name of a new rule's only stage. */
export const FIRST_STAGE_NAME = "start";

/** A fresh rule: one stage `start` accepting every event, NO_SKIP, no window, version 1. */
export function newRule(id: string): Rule {
  const quantifier = singleQuantifier();
  const pattern: GraphNode = {
    type: "COMPOSITE",
    name: FIRST_STAGE_NAME,
    quantifier,
    condition: null,
    nodes: [{ type: "ATOMIC", name: FIRST_STAGE_NAME, quantifier, condition: null }],
    edges: [],
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
    version: 1,
  };
  return { id, version: 1, pattern, function: DEFAULT_RULE_FUNCTION };
}

/** The smallest positive integer not yet used as a rule id, as a string. */
export function nextRuleId(doc: StudioDocument): string {
  const ids = new Set(doc.rules.map((r) => r.rule.id));
  for (let n = 1; ; n++) if (!ids.has(String(n))) return String(n);
}

/** A key no rule has now (`r<n>` beyond the highest in use, so a removed rule's key is not reused soon). */
export function nextRuleKey(doc: StudioDocument): string {
  let max = 0;
  for (const r of doc.rules) {
    const n = /^r(\d+)$/.exec(r.key)?.[1];
    if (n !== undefined) max = Math.max(max, Number(n));
  }
  return `r${max + 1}`;
}

function documentRule(key: string, rule: Rule, enabled: boolean): DocumentRule {
  return { key, rule, enabled, positions: {}, published: null };
}

/** Adds a new rule (see {@link newRule}) at the end, enabled, and makes it active. */
export function addRule(doc: StudioDocument): StudioDocument {
  const key = nextRuleKey(doc);
  const rule = documentRule(key, newRule(nextRuleId(doc)), true);
  return { ...doc, rules: [...doc.rules, rule], activeRuleKey: key };
}

/** Removes a rule; if it was active, its neighbour (the next, else the previous) becomes active. */
export function removeRule(doc: StudioDocument, key: string): StudioDocument {
  const index = doc.rules.findIndex((r) => r.key === key);
  if (index < 0) return doc;
  const rules = doc.rules.filter((r) => r.key !== key);
  const activeRuleKey =
    doc.activeRuleKey === key ? ((rules[index] ?? rules[index - 1])?.key ?? null) : doc.activeRuleKey;
  return { ...doc, rules, activeRuleKey };
}

/**
 * `entry` put back at `index` (clamped) and made active — the rule list's "Undo" after a delete.
 * It restores that rule specifically, as a new change, instead of stepping the history back, so it
 * stays right even when other changes came after the deletion. Unchanged if its key is present.
 */
export function restoreRule(doc: StudioDocument, entry: DocumentRule, index: number): StudioDocument {
  if (doc.rules.some((r) => r.key === entry.key)) return doc;
  const at = Math.min(Math.max(index, 0), doc.rules.length);
  const rules = [...doc.rules.slice(0, at), entry, ...doc.rules.slice(at)];
  return { ...doc, rules, activeRuleKey: entry.key };
}

/** Copies a rule (new key, next free id, not published) right after it, and makes the copy active. */
export function duplicateRule(doc: StudioDocument, key: string): StudioDocument {
  const index = doc.rules.findIndex((r) => r.key === key);
  const source = doc.rules[index];
  if (!source) return doc;
  const copy: DocumentRule = {
    ...source,
    key: nextRuleKey(doc),
    rule: withId(source.rule, nextRuleId(doc)),
    published: null,
  };
  const rules = [...doc.rules.slice(0, index + 1), copy, ...doc.rules.slice(index + 1)];
  return { ...doc, rules, activeRuleKey: copy.key };
}

/** Shows rule `key` on the canvas. Not a content change: apply it with history "skip". */
export function setActiveRule(doc: StudioDocument, key: string): StudioDocument {
  if (doc.activeRuleKey === key || !findRule(doc, key)) return doc;
  return { ...doc, activeRuleKey: key };
}

/** Applies `update` to rule `key`; the same document when the rule is missing or unchanged. */
export function updateRule(
  doc: StudioDocument,
  key: string,
  update: (rule: DocumentRule) => DocumentRule,
): StudioDocument {
  const current = findRule(doc, key);
  if (!current) return doc;
  const next = update(current);
  if (next === current) return doc;
  return { ...doc, rules: doc.rules.map((r) => (r === current ? next : r)) };
}

/** Applies `update` to the active rule. */
export function updateActiveRule(
  doc: StudioDocument,
  update: (rule: DocumentRule) => DocumentRule,
): StudioDocument {
  return doc.activeRuleKey === null ? doc : updateRule(doc, doc.activeRuleKey, update);
}

/** Enables or disables a rule (disabled rules are neither run nor published). */
export function setRuleEnabled(doc: StudioDocument, key: string, enabled: boolean): StudioDocument {
  return updateRule(doc, key, (r) => (r.enabled === enabled ? r : { ...r, enabled }));
}

/** Sets a rule's id (trimmed; an empty id is refused, as the importer refuses it). */
export function setRuleId(doc: StudioDocument, key: string, id: string): StudioDocument {
  const trimmed = id.trim();
  if (trimmed === "") return doc;
  return updateRule(doc, key, (r) => (r.rule.id === trimmed ? r : { ...r, rule: withId(r.rule, trimmed) }));
}

/** A rule with `id`; a numeric id stays numeric in exports only while it is still a whole number. */
function withId(rule: Rule, id: string): Rule {
  const { idIsNumber, ...rest } = rule;
  return idIsNumber === true && /^-?(?:0|[1-9]\d*)$/.test(id) ? { ...rest, id, idIsNumber } : { ...rest, id };
}

/** Sets the `PatternProcessFunction` class name; null writes `"function": null`. */
export function setRuleFunction(doc: StudioDocument, key: string, fn: string | null): StudioDocument {
  return updateRule(doc, key, (r) =>
    r.rule.function === fn ? r : { ...r, rule: { ...r.rule, function: fn } },
  );
}

/**
 * Replaces a rule's content (the JSON source view), keeping its key, flags and positions (stage
 * keys are names, so stages that keep their name keep their place). The node and edge order
 * stays as written.
 */
export function replaceRule(doc: StudioDocument, key: string, rule: Rule): StudioDocument {
  return updateRule(doc, key, (r) => (r.rule === rule ? r : { ...r, rule }));
}

/**
 * Adds imported rules (enabled, order as written): "append" after the existing ones, "replace"
 * instead of them. The first imported rule becomes active. Ids are kept even when they clash; the
 * rule list shows a clash as a rule-set error.
 */
export function importRules(
  doc: StudioDocument,
  rules: readonly Rule[],
  mode: "append" | "replace",
): StudioDocument {
  if (rules.length === 0) return mode === "replace" ? { ...doc, rules: [], activeRuleKey: null } : doc;
  let keyed = mode === "replace" ? { ...doc, rules: [] } : doc;
  const added: DocumentRule[] = [];
  for (const rule of rules) {
    const entry = documentRule(nextRuleKey(keyed), rule, true);
    added.push(entry);
    keyed = { ...keyed, rules: [...keyed.rules, entry] };
  }
  return { ...keyed, activeRuleKey: added[0]?.key ?? null };
}

/** Merges canvas positions into a rule (keys are stage keys, `group/stage` inside groups). */
export function setPositions(
  doc: StudioDocument,
  key: string,
  positions: Readonly<Record<StageKey, StagePosition>>,
): StudioDocument {
  return updateRule(doc, key, (r) => {
    const changed = Object.entries(positions).some(([k, p]) => {
      const old = positionAt(r.positions, k);
      return old?.x !== p.x || old.y !== p.y;
    });
    return changed ? { ...r, positions: { ...r.positions, ...positions } } : r;
  });
}
