/**
 * Why the active rule cannot be published now, if it cannot: nothing to publish, disabled (disabled
 * rules are not run), unchanged since its last publish, or malformed — Flink would reject the
 * pattern, so the broadcast stream must not carry it. Pure.
 */
import { changedSincePublish } from "../document/edits/publishEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { hasPatternErrors, validatePattern } from "../model/validate.ts";

/** The reason, and whether it is worth showing beside the button (an unchanged rule is not news). */
export interface PublishBlocker {
  readonly reason: string;
  readonly notable: boolean;
}

/** Null when `rule` can be published. */
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
  return null;
}
