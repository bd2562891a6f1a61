/**
 * The designer's document: the rule set being edited, plus what only the designer needs to keep
 * (stage positions, enabled flags, the last published version). It is the one undoable and
 * persisted state of the app; exports and the simulator read their rules from it.
 *
 * Rules are the pattern model's `Rule` unchanged — the canvas, the inspector and the JSON source
 * view are all views of `DocumentRule.rule`, so they can never disagree.
 */
import type { ConditionBindings, Rule } from "../model/pattern.ts";

/** Where a stage's node sits on the canvas (React Flow coordinates, relative to its group). */
export interface StagePosition {
  readonly x: number;
  readonly y: number;
}

/**
 * A stage's position key: its name path from the top graph, joined with `/` (`"g1/inner"` for a
 * stage inside group `g1`). Flink requires unique stage names, so a name path is stable across
 * JSON edits, which know stages only by name.
 */
export type StageKey = string;

/** What was last published for a rule: its exported dynamic-CEP JSON text and version. */
export interface PublishedRule {
  readonly version: number;
  /** `exportRuleText(rule)` at publish time; a different text means "changed". */
  readonly json: string;
}

/** One rule of the document. */
export interface DocumentRule {
  /** Identity inside the document (selection, React keys); never exported. */
  readonly key: string;
  readonly rule: Rule;
  /** Disabled rules stay in the document but are not run or published. */
  readonly enabled: boolean;
  /** Canvas positions by stage key; stages without one are placed by automatic layout. */
  readonly positions: Readonly<Record<StageKey, StagePosition>>;
  readonly published: PublishedRule | null;
}

/** The whole document. */
export interface StudioDocument {
  readonly rules: readonly DocumentRule[];
  /** The rule shown on the canvas; null only when there are no rules. */
  readonly activeRuleKey: string | null;
  /** CLASS condition bindings (Java class name → expression), shared by all rules. */
  readonly bindings: ConditionBindings;
}
