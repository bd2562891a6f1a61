/**
 * Publishing a rule: what a `PatternProcessorDiscoverer` would pick up. Flink's JDBC discoverer
 * keeps the highest `version` of each id, so a changed rule must go out with a higher version.
 */
import { exportRule } from "../../formats/dynamicCep/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { findRule } from "../documentQueries.ts";
import type { DocumentRule, StudioDocument } from "../studioDocument.ts";
import { updateRule } from "./ruleEdits.ts";

function exportedText(rule: Rule): string {
  return JSON.stringify(exportRule(rule));
}

/** True when the rule differs from what was last published (ignoring its version), or was never published. */
export function changedSincePublish(rule: DocumentRule): boolean {
  const published = rule.published;
  if (published === null) return true;
  return exportedText({ ...rule.rule, version: published.version }) !== published.json;
}

/**
 * Publishes rule `key`: the first publish keeps its version; a later one, if the rule changed,
 * bumps the version past the published one (or keeps a version the user already raised). An
 * unchanged or disabled rule is left as it is.
 */
export function publishRule(doc: StudioDocument, key: string): StudioDocument {
  const current = findRule(doc, key);
  if (!current?.enabled || !changedSincePublish(current)) return doc;
  const previous = current.published?.version;
  const version =
    previous === undefined || current.rule.version > previous ? current.rule.version : previous + 1;
  const rule = current.rule.version === version ? current.rule : { ...current.rule, version };
  return updateRule(doc, key, (r) => ({ ...r, rule, published: { version, json: exportedText(rule) } }));
}
