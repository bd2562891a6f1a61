/**
 * What the condition editor suggests at the cursor, worked out from the text alone (pure: no
 * Monaco, no DOM, so it is unit-tested): stage names inside `getEventsForPattern('…')`,
 * configuration keys after `config.`, and elsewhere event fields, builtin functions (with the
 * interpreter's own one-line docs) and the language's keywords. Nothing is offered inside other
 * string literals, regex literals or `##` comments.
 */
import { builtinFunctionDocs } from "../expr/index.ts";

/** The names the editor can offer besides the language's own. */
export interface CompletionSources {
  readonly eventFields: readonly string[];
  readonly configKeys: readonly string[];
  readonly stageNames: readonly string[];
}

/** One suggestion; `start`..`end` (0-based offsets) is the text it replaces. */
export interface ConditionCompletion {
  readonly label: string;
  readonly kind: "field" | "function" | "keyword" | "stage" | "config";
  /** Text to insert; a snippet (`$1` placeholders) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly detail: string;
  readonly documentation: string;
  readonly start: number;
  readonly end: number;
  /** Open the suggestions again after inserting (a `getEventsForPattern('')` awaiting its stage). */
  readonly retrigger: boolean;
}

/** Aviator's literal keywords and the lambda syntax (`lambda(x) -> x.price end`). */
export const CONDITION_KEYWORDS = ["true", "false", "nil", "lambda", "end"] as const;

const KEYWORD_DOCS: Readonly<Record<(typeof CONDITION_KEYWORDS)[number], string>> = {
  true: "boolean true",
  false: "boolean false",
  nil: "Aviator's null: a missing field reads as nil",
  lambda: "an anonymous function: lambda(e) -> e.price > 100 end",
  end: "closes a lambda",
};

const STAGE_ARGUMENT = /getEventsForPattern\s*\(\s*(['"])([^'"\\]*)$/;
const STAGE_CALL_OPEN = /getEventsForPattern\s*\(\s*$/;
const NAME_BEFORE = /[\p{L}\p{Nl}\p{Sc}\p{Pc}][\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}.]*$/u;

/**
 * Suggestions for the cursor at `offset` in `source`. `byTriggerCharacter`: the list was opened
 * by typing `.`, `'`, `"` or `(` — then only what that character asks for is offered (stage names
 * in `getEventsForPattern`, fields after a dot), never the whole vocabulary after a closing quote.
 */
export function conditionCompletions(
  source: string,
  offset: number,
  sources: CompletionSources,
  byTriggerCharacter = false,
): ConditionCompletion[] {
  const before = source.slice(0, offset);
  const lexical = lexicalStateAt(before);
  if (lexical === "string") return stageArgument(before, offset, sources.stageNames);
  if (lexical !== "code") return [];
  if (STAGE_CALL_OPEN.test(before)) return quotedStages(offset, sources.stageNames);

  const name = NAME_BEFORE.exec(before)?.[0] ?? "";
  const start = offset - name.length;
  // `.price` after `)` or `]` reads a field of a matched event (`first(getEventsForPattern('a')).price`).
  if (before.charAt(start - 1) === ".") {
    if (/\d/.test(before.charAt(start - 2))) return [];
    return sources.eventFields.map((field) => fieldCompletion(field, start, offset));
  }
  if (name.startsWith("config.")) return configKeys(start, offset, sources.configKeys);
  if (name === "" && byTriggerCharacter) return [];
  return [
    ...sources.eventFields.map((field) => fieldCompletion(field, start, offset)),
    ...configKeys(start, offset, sources.configKeys),
    ...builtinFunctionDocs.map((fn) => functionCompletion(fn, start, offset)),
    ...CONDITION_KEYWORDS.map((keyword) => keywordCompletion(keyword, start, offset)),
  ];
}

/** Where the end of `text` sits: in code, in a string, in a regex literal or in a comment. */
export function lexicalStateAt(text: string): "code" | "string" | "regex" | "comment" {
  let state: "code" | "string" | "regex" | "comment" = "code";
  let quote = "";
  let lastToken = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (state === "string" || state === "regex") {
      if (c === "\\") i++;
      else if (c === quote) {
        state = "code";
        lastToken = "operand";
      }
    } else if (state === "comment") {
      if (c === "\n") state = "code";
    } else if (c === "'" || c === '"') {
      state = "string";
      quote = c;
    } else if (c === "#" && text.charAt(i + 1) === "#") {
      state = "comment";
    } else if (c === "/" && lastToken === "=~") {
      // A regex literal in operand position; after `=~` is the case that matters for completion.
      state = "regex";
      quote = "/";
    } else if (c === "=" && text.charAt(i + 1) === "~") {
      lastToken = "=~";
      i++;
    } else if (!/\s/.test(c)) {
      lastToken = c;
    }
  }
  return state;
}

function stageArgument(before: string, offset: number, stageNames: readonly string[]): ConditionCompletion[] {
  const match = STAGE_ARGUMENT.exec(before);
  if (!match) return [];
  const partial = match[2] ?? "";
  const start = offset - partial.length;
  return stageNames.map((stage) => stageCompletion(stage, stage, start, offset));
}

function quotedStages(offset: number, stageNames: readonly string[]): ConditionCompletion[] {
  return stageNames.map((stage) => stageCompletion(stage, `'${stage}'`, offset, offset));
}

function stageCompletion(stage: string, insertText: string, start: number, end: number): ConditionCompletion {
  return {
    label: stage,
    kind: "stage",
    insertText,
    snippet: false,
    detail: "stage",
    documentation: `The events already matched to stage '${stage}' in this partial match (Flink's Context.getEventsForPattern).`,
    start,
    end,
    retrigger: false,
  };
}

function configKeys(start: number, end: number, keys: readonly string[]): ConditionCompletion[] {
  return keys.map((key) => ({
    label: `config.${key}`,
    kind: "config",
    insertText: `config.${key}`,
    snippet: false,
    detail: "broadcast configuration",
    documentation: `The value of '${key}' in the broadcast configuration the rule runs with (nil when absent).`,
    start,
    end,
    retrigger: false,
  }));
}

function fieldCompletion(field: string, start: number, end: number): ConditionCompletion {
  return {
    label: field,
    kind: "field",
    insertText: field,
    snippet: false,
    detail: "event field",
    documentation: `The current event's '${field}' field (nil when the event has none).`,
    start,
    end,
    retrigger: false,
  };
}

function functionCompletion(
  fn: (typeof builtinFunctionDocs)[number],
  start: number,
  end: number,
): ConditionCompletion {
  const isStageCall = fn.name === "getEventsForPattern";
  let insertText = `${fn.name}($1)`;
  if (fn.maxArgs === 0) insertText = `${fn.name}()`;
  if (isStageCall) insertText = `${fn.name}('$1')`;
  return {
    label: fn.name,
    kind: "function",
    insertText,
    snippet: fn.maxArgs !== 0,
    detail: signatureOf(fn.doc),
    documentation: fn.doc,
    start,
    end,
    retrigger: isStageCall,
  };
}

function keywordCompletion(
  keyword: (typeof CONDITION_KEYWORDS)[number],
  start: number,
  end: number,
): ConditionCompletion {
  return {
    label: keyword,
    kind: "keyword",
    insertText: keyword,
    snippet: false,
    detail: "keyword",
    documentation: KEYWORD_DOCS[keyword],
    start,
    end,
    retrigger: false,
  };
}

/** `count(seq)` out of `count(seq): number of elements`. */
function signatureOf(doc: string): string {
  const colon = doc.indexOf("): ");
  return colon < 0 ? doc : doc.slice(0, colon + 1);
}
