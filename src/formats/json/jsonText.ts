/**
 * JSON text in, a value or a syntax problem at `line:column` out: the strict reader every JSON
 * input goes through (rule files, binding files, event records). Input size and nesting are
 * bounded, integers beyond 2^53 keep every digit (as `bigint` or digit strings, see
 * {@link BigIntegerMode}), numbers beyond a double's range are refused (Jackson would read
 * them as Infinity), and duplicate keys keep the last value, as Jackson and `JSON.parse` do, with
 * a warning. {@link locateJsonPaths} maps JSON paths back to source positions for
 * diagnostics found after parsing.
 */
import { linePositions } from "../../text/lineBreaks.ts";
import type { LinePosition } from "../../text/lineBreaks.ts";
import { JsonParser, JsonSyntaxError } from "./jsonParser.ts";
import type { BigIntegerMode, ParserWarning } from "./jsonParser.ts";

/** Default bound on input size: 10 MiB of text. */
export const MAX_JSON_TEXT_LENGTH = 10 * 1024 * 1024;
/** Default bound on nesting (rule files nest a handful of levels, events fewer). */
export const MAX_JSON_DEPTH = 256;

/** Bounds and number handling; every field has a default. */
export interface JsonTextOptions {
  /** Largest accepted text length (UTF-16 code units); default {@link MAX_JSON_TEXT_LENGTH}. */
  readonly maxLength?: number;
  /** Deepest accepted nesting of objects and arrays; default {@link MAX_JSON_DEPTH}. */
  readonly maxDepth?: number;
  /** How integers beyond 2^53 come back; default `"bigint"`. */
  readonly bigIntegers?: BigIntegerMode;
}

/**
 * A 1-based position in the text; columns count UTF-16 code units, a line ends at LF, CRLF or a
 * lone CR, and a leading byte-order mark takes no column (see `lineBreaks.ts`).
 */
export type JsonTextPosition = LinePosition;

/** Where and why a text is not JSON (or is over a limit, or holds a number a double cannot). */
export interface JsonSyntaxProblem extends JsonTextPosition {
  readonly message: string;
  /** JSON path of the value that cannot be read (`nodes[0].window.time`); absent for syntax errors. */
  readonly path?: string;
}

/** A remark about valid JSON: a duplicate key, at the later occurrence of the key. */
export interface JsonTextWarning extends JsonTextPosition {
  /** JSON path of the duplicated member (`nodes[2].name`, `["com.x.Cond"]`). */
  readonly path: string;
  readonly message: string;
  readonly key: string;
  /** Where the key was first seen (the value dropped). */
  readonly first: JsonTextPosition;
}

/** A parsed document with its warnings, or the first syntax problem. */
export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown; readonly warnings: JsonTextWarning[] }
  | { readonly ok: false; readonly problem: JsonSyntaxProblem };

/**
 * Parses `text` as one JSON value (a leading byte-order mark is skipped). Integers beyond 2^53
 * come back as `bigint` unless `options.bigIntegers` is `"string"`.
 */
export function parseJsonText(text: string, options: JsonTextOptions = {}): JsonTextResult {
  const position = linePositions(text);
  const tooLong = lengthProblem(text, options.maxLength ?? MAX_JSON_TEXT_LENGTH);
  if (tooLong !== null) return { ok: false, problem: { ...position(0), message: tooLong } };
  const parser = new JsonParser(text, {
    maxDepth: options.maxDepth ?? MAX_JSON_DEPTH,
    bigIntegers: options.bigIntegers ?? "bigint",
    locate: null,
  });
  try {
    const value = parser.parseDocument();
    const warnings = parser.warnings.map((w) => duplicateKeyWarning(w, position));
    return { ok: true, value, warnings };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const problem = { ...position(e.offset), message: e.message };
    return { ok: false, problem: e.path === null ? problem : { ...problem, path: e.path } };
  }
}

/**
 * A duplicate key as users read it. Jackson (`ObjectMapper`, as Flink reads JSON) keeps the last
 * value without a word unless `STRICT_DUPLICATE_DETECTION` is on, so the file loads as Flink
 * loads it; the warning says so, and where the value that is dropped was.
 */
function duplicateKeyWarning(
  warning: ParserWarning,
  position: (offset: number) => JsonTextPosition,
): JsonTextWarning {
  const first = position(warning.firstOffset);
  const { key, path } = warning;
  const message = duplicateKeyMessage(key, `${first.line}:${first.column}`);
  return { ...position(warning.offset), path, message, key, first };
}

/** `duplicate key "k" (first at WHERE); the last value is used, as Flink's Jackson reads it`. */
export function duplicateKeyMessage(key: string, firstAt: string): string {
  return `duplicate key "${key}" (first at ${firstAt}); the last value is used, as Flink's Jackson reads it`;
}

/**
 * Where the values at `paths` (`nodes[0].name`, `[1]["com.x.Cond"]`, see `jsonPath.ts`) start
 * in `text`. Paths with no value are left out; meant for text that parsed, so a syntax error
 * just ends the search.
 */
export function locateJsonPaths(text: string, paths: ReadonlySet<string>): Map<string, JsonTextPosition> {
  const found = new Map<string, number>();
  const settings = {
    maxDepth: MAX_JSON_DEPTH,
    bigIntegers: "string",
    locate: { wanted: paths, found },
  } as const;
  try {
    new JsonParser(text, settings).parseDocument();
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
  }
  const position = linePositions(text);
  return new Map([...found].map(([path, offset]) => [path, position(offset)]));
}

/** The message when `text` is over `maxLength`, else null. */
function lengthProblem(text: string, maxLength: number): string | null {
  if (text.length <= maxLength) return null;
  return `the input is ${formatSize(text.length)}, over the ${formatSize(maxLength)} limit`;
}

/** `12.3 MB`, `2.0 KB` or `900 characters`. */
function formatSize(length: number): string {
  if (length >= 1024 * 1024) return `${(length / (1024 * 1024)).toFixed(1)} MB`;
  if (length >= 1024) return `${(length / 1024).toFixed(1)} KB`;
  return `${length} characters`;
}
