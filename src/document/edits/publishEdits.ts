/**
 * Publishing a rule: what a `PatternProcessorDiscoverer` would pick up. Flink's JDBC discoverer
 * keeps the highest `version` of each id, so a changed rule must go out with a higher version.
 */
import { expressionDiagnostics } from "../../engine/index.ts";
import { exportRuleText } from "../../formats/dynamicCep/index.ts";
import { hasPatternErrors, validatePattern } from "../../model/validate.ts";
import { findRule } from "../documentQueries.ts";
import type { DocumentRule, StudioDocument } from "../studioDocument.ts";
import { updateRule } from "./ruleEdits.ts";

/** True when the rule differs from what was last published (ignoring its version), or was never published. */
export function changedSincePublish(rule: DocumentRule): boolean {
  const published = rule.published;
  if (published === null) return true;
  return exportRuleText({ ...rule.rule, version: published.version }) !== published.json;
}

/** Why a rule cannot be published, and whether that is worth showing beside the button (an unchanged rule is not news). */
export interface PublishBlocker {
  readonly reason: string;
  readonly notable: boolean;
}

/**
 * Why `rule` cannot be published now, or null when it can: nothing to publish, disabled (disabled
 * rules are not run), unchanged since its last publish, or malformed — Flink would reject the
 * pattern, or fail building a condition that does not compile, so the broadcast stream must not
 * carry it.
 */
export function publishBlocker(rule: DocumentRule | null): PublishBlocker | null {
  if (!rule) return { reason: "No rule selected", notable: false };
  if (!rule.enabled) return { reason: "Enable the rule to publish it", notable: true };
  if (!changedSincePublish(rule)) {
    const version = rule.published?.version ?? rule.rule.version;
    return { reason: `Unchanged since version ${version} was published`, notable: false };
  }
  if (hasPatternErrors(validatePattern(rule.rule.pattern))) {
    return { reason: "Flink would reject this pattern: fix its errors before publishing", notable: true };
  }
  if (expressionDiagnostics(rule.rule.pattern).length > 0) {
    return { reason: "A condition does not compile: fix it before publishing", notable: true };
  }
  return null;
}

/**
 * Publishes rule `key`: the first publish keeps its version; a later one, if the rule changed,
 * bumps the version past the published one (or keeps a version the user already raised). A rule
 * that {@link publishBlocker} blocks (disabled, unchanged, or one Flink would reject) is left as
 * it is.
 */
export function publishRule(doc: StudioDocument, key: string): StudioDocument {
  const current = findRule(doc, key);
  if (!current || publishBlocker(current) !== null) return doc;
  const previous = current.published?.version;
  const version =
    previous === undefined || current.rule.version > previous ? current.rule.version : previous + 1;
  const rule = current.rule.version === version ? current.rule : { ...current.rule, version };
  return updateRule(doc, key, (r) => ({ ...r, rule, published: { version, json: exportRuleText(rule) } }));
}
