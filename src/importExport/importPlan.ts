/**
 * Reading an import: rule-file text → the rules to add, their warnings, the Java condition classes
 * that still need a binding (with a suggested expression where the seed knows the class) and
 * whether the text was a bare GraphSpec (which gets a fresh rule id: its `{id: "1"}` is made up).
 * Pure: no DOM, no store — the dialog shows the plan and the document edits apply it.
 */
import { parseRuleSetText } from "../formats/dynamicCep/index.ts";
import type { Diagnostic, SourceLocation } from "../formats/dynamicCep/index.ts";
import { locateJsonPaths } from "../formats/json/index.ts";
import { linePositions } from "../text/lineBreaks.ts";
import type { ConditionBindings, Rule } from "../model/pattern.ts";
import { setBinding } from "../document/edits/bindingEdits.ts";
import { importRules, nextRuleId } from "../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { unboundClasses } from "./conditionClasses.ts";
import type { ClassUse } from "./conditionClasses.ts";

/** The largest rule file the dialog reads (2 MB of text is far beyond any real rule set). */
export const MAX_IMPORT_CHARS = 2 * 1024 * 1024;

/** How the imported rules join the document. */
export type ImportMode = "append" | "replace";

/** A class the imported rules use with no binding in the document. */
export interface UnboundClass extends ClassUse {
  /** An expression known for this class (the seed's bindings), to prefill the input; null if none. */
  readonly suggestion: string | null;
}

/** A readable import: what will be added and what still needs the user. */
export interface ImportPlan {
  /** The rules as read (ids still as written; see {@link settleRuleIds}). */
  readonly rules: readonly Rule[];
  /** True when the text was a bare GraphSpec rather than a rule or a rule array. */
  readonly bareGraph: boolean;
  readonly warnings: readonly Diagnostic[];
  readonly unbound: readonly UnboundClass[];
}

/** The outcome of reading an import's text. */
export type ImportReading =
  | { readonly ok: true; readonly plan: ImportPlan }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/**
 * Reads `text` (named `fileName` in messages) for import into `doc`: errors come with
 * `file:line:col` and JSON paths; classes unbound in `doc.bindings` are listed with a
 * suggestion from `known` when it has one.
 */
export function readImport(
  text: string,
  fileName: string,
  doc: StudioDocument,
  known: ConditionBindings,
): ImportReading {
  const parsed = parseRuleSetText(text, fileName, { maxLength: MAX_IMPORT_CHARS });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  const rules = parsed.value;
  if (rules.length === 0) {
    // An empty array adds nothing, and "replace" would only wipe the rule set: say so instead.
    const error = {
      path: "",
      message: "the array holds no rules: nothing to import",
      location: startOf(text, fileName),
    };
    return { ok: false, errors: [error], warnings: parsed.warnings };
  }
  const unbound = unboundClasses(rules, doc.bindings).map((use) => ({
    ...use,
    suggestion: Object.hasOwn(known, use.className) ? (known[use.className] ?? null) : null,
  }));
  return {
    ok: true,
    plan: { rules, bareGraph: isBareGraph(text, rules), warnings: parsed.warnings, unbound },
  };
}

/**
 * The rules with the ids they will have in the document: a bare GraphSpec's rule takes the next
 * free id of the target rule set (all of `doc` when appending, none when replacing); rule rows
 * keep theirs — a clash is the user's to see in the rule list, as Flink would see it.
 */
export function settleRuleIds(plan: ImportPlan, doc: StudioDocument, mode: ImportMode): Rule[] {
  if (!plan.bareGraph) return [...plan.rules];
  const id = nextRuleId(mode === "append" ? doc : { ...doc, rules: [] });
  return plan.rules.map((rule) => ({ ...rule, id }));
}

/**
 * The bindings to add: each class's entered expression, trimmed; blank entries are left out, so
 * the class stays unbound and its stage shows the missing binding.
 */
export function chosenBindings(entries: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries)
      .map(([className, expression]) => [className, expression.trim()] as const)
      .filter(([, expression]) => expression !== ""),
  );
}

/**
 * The document with `rules` imported ("append" after the existing rules, "replace" instead of
 * them; the first becomes active) and `bindings` added for classes the document does not bind
 * yet — a binding the user already has is never overwritten. One pure edit, so one undo step.
 */
export function applyImport(
  doc: StudioDocument,
  rules: readonly Rule[],
  mode: ImportMode,
  bindings: ConditionBindings,
): StudioDocument {
  let next = doc;
  for (const [className, expression] of Object.entries(bindings)) {
    if (!Object.hasOwn(next.bindings, className)) next = setBinding(next, className, expression);
  }
  return importRules(next, rules, mode);
}

/** Where the text's first value starts (after leading white space and a byte-order mark). */
function startOf(text: string, file: string): SourceLocation {
  const start = Math.max(0, text.search(/[^\s\uFEFF]/u));
  return { file, ...linePositions(text)(start) };
}

/** A single rule read from a text with no top-level `pattern` member: the importer's bare-GraphSpec case. */
function isBareGraph(text: string, rules: readonly Rule[]): boolean {
  if (rules.length !== 1 || text.trimStart().startsWith("[")) return false;
  return !locateJsonPaths(text, new Set(["pattern"])).has("pattern");
}
