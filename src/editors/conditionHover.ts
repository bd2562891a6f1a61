/**
 * What hovering a name in a condition explains: a builtin function's signature and doc, a
 * keyword, an event field of the loaded data or a `config.` key. Pure: no Monaco, no DOM.
 */
import { builtinFunctionDocs } from "../expr/index.ts";
import { CONDITION_KEYWORDS, lexicalStateAt } from "./conditionCompletion.ts";
import type { CompletionSources } from "./conditionCompletion.ts";

/** The hovered name's extent (0-based offsets, end exclusive) and what to say about it. */
export interface ConditionHover {
  readonly start: number;
  readonly end: number;
  /** A code line (the signature or the name) and a plain sentence. */
  readonly code: string;
  readonly text: string;
}

const NAME_CHAR = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}.]/u;
const DOCS = new Map(builtinFunctionDocs.map((fn) => [fn.name, fn.doc]));

/** The hover for the name at `offset`, or null over anything else. */
export function conditionHover(
  source: string,
  offset: number,
  sources: Omit<CompletionSources, "stageNames">,
): ConditionHover | null {
  let start = offset;
  let end = offset;
  while (start > 0 && NAME_CHAR.test(source.charAt(start - 1))) start--;
  while (end < source.length && NAME_CHAR.test(source.charAt(end))) end++;
  const name = source.slice(start, end).replace(/^\.+|\.+$/g, "");
  if (name === "" || /^\d/.test(name) || lexicalStateAt(source.slice(0, start)) !== "code") return null;
  const at = { start, end };

  const doc = DOCS.get(name);
  if (doc !== undefined) {
    const colon = doc.indexOf("): ");
    return colon < 0
      ? { ...at, code: doc, text: "builtin function" }
      : { ...at, code: doc.slice(0, colon + 1), text: doc.slice(colon + 3) };
  }
  const keyword = CONDITION_KEYWORDS.find((k) => k === name);
  if (keyword !== undefined) return { ...at, code: keyword, text: "keyword" };
  if (name.startsWith("config.")) {
    const key = name.slice("config.".length);
    const known = sources.configKeys.includes(key);
    return {
      ...at,
      code: name,
      text: known
        ? `The broadcast configuration's '${key}' value.`
        : `The broadcast configuration's '${key}' value (not in the current configuration: reads nil).`,
    };
  }
  if (sources.eventFields.includes(name)) {
    return { ...at, code: name, text: "A field of the events in the loaded data." };
  }
  return null;
}
