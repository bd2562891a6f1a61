/**
 * A strict JSON (RFC 8259) reader for rule and binding files that says where a syntax error is
 * (`file:line:col`) the same way in every browser and in Node, bounds input size and nesting,
 * keeps integers beyond 2^53 exact (as `bigint`, so ids never lose digits), and can map JSON paths
 * back to source positions for later diagnostics. Duplicate keys keep the last value, as Jackson
 * and `JSON.parse` do, with a warning.
 */
import type { Diagnostic, ImportResult, SourceLocation } from "./diagnostics.ts";
import { indexPath, memberPath, parentPath } from "./jsonPath.ts";

/** Default bound on input size: 10 MiB of text. */
export const MAX_JSON_TEXT_LENGTH = 10 * 1024 * 1024;
/** Deeper nesting than this is refused (rule files nest a handful of levels). */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

export interface ParseJsonOptions {
  /** Largest accepted text length (UTF-16 code units); default {@link MAX_JSON_TEXT_LENGTH}. */
  readonly maxLength?: number;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Maps offsets to 1-based line and column (in UTF-16 code units); line starts found once. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly warnings: Array<{ offset: number; path: string; message: string }> = [];

  constructor(
    private readonly text: string,
    /** When set, the start offset of every value whose path is wanted is recorded in `found`. */
    private readonly locate: { wanted: ReadonlySet<string>; found: Map<string, number> } | null,
  ) {
    if (text.startsWith("\uFEFF")) this.pos = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    if (this.pos >= this.text.length)
      throw new JsonSyntaxError(this.pos, "the input is empty; expected a JSON value");
    const value = this.parseValue("");
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new JsonSyntaxError(this.pos, `unexpected ${this.describeChar()} after the JSON value`);
    }
    return value;
  }

  private describeChar(): string {
    const ch = this.text[this.pos];
    return ch === undefined ? "end of input" : `'${ch < " " ? JSON.stringify(ch).slice(1, -1) : ch}'`;
  }

  private skipWhitespace(): void {
    for (;;) {
      const ch = this.text.charCodeAt(this.pos);
      if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) this.pos++;
      else return;
    }
  }

  private parseValue(path: string): unknown {
    if (this.locate?.wanted.has(path)) this.locate.found.set(path, this.pos);
    const ch = this.text[this.pos];
    switch (ch) {
      case "{":
        return this.nested(() => this.parseObject(path));
      case "[":
        return this.nested(() => this.parseArray(path));
      case '"':
        return this.parseString();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.parseNumber();
        throw new JsonSyntaxError(this.pos, `unexpected ${this.describeChar()}; expected a JSON value`);
    }
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw new JsonSyntaxError(this.pos, `values are nested more than ${MAX_DEPTH} levels deep`);
    const value = parse();
    this.depth--;
    return value;
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) {
      throw new JsonSyntaxError(
        this.pos,
        `unexpected ${this.describeChar()}; expected a JSON value (strings need double quotes)`,
      );
    }
    this.pos += word.length;
    return value;
  }

  private parseNumber(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError(this.pos, "a number needs digits after '-'");
    const literal = match[0];
    const next = this.text[this.pos + literal.length];
    if (next !== undefined && /[0-9.eE]/.test(next)) {
      const why = literal.replace("-", "") === "0" ? "numbers cannot have leading zeros" : "malformed number";
      throw new JsonSyntaxError(this.pos, why);
    }
    this.pos += literal.length;
    const value = Number(literal);
    // Integers beyond 2^53 stay exact, so numeric ids never lose digits.
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(value))
      return BigInt(literal);
    return value;
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    let result = "";
    for (;;) {
      // Copy the run of plain characters in one slice.
      const runStart = this.pos;
      for (let c = this.text.charCodeAt(this.pos); c >= 0x20 && c !== 0x22 && c !== 0x5c;) {
        c = this.text.charCodeAt(++this.pos);
      }
      result += this.text.slice(runStart, this.pos);
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos++;
        return result;
      }
      if (ch === undefined) throw new JsonSyntaxError(start, "unterminated string: no closing '\"'");
      if (ch !== "\\")
        throw new JsonSyntaxError(
          this.pos,
          `control character ${this.describeChar()} in a string must be escaped`,
        );
      result += this.parseEscape();
    }
  }

  private parseEscape(): string {
    const ch = this.text[this.pos + 1];
    if (ch === "u") {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError(this.pos, "\\u needs four hex digits");
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const escaped = ch === undefined ? undefined : ESCAPES[ch];
    if (escaped === undefined)
      throw new JsonSyntaxError(this.pos, `invalid escape '\\${ch ?? ""}' in a string`);
    this.pos += 2;
    return escaped;
  }

  private expect(char: string, what: string): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== char) {
      throw new JsonSyntaxError(this.pos, `expected ${what}, got ${this.describeChar()}`);
    }
    this.pos++;
  }

  private parseObject(path: string): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        throw new JsonSyntaxError(
          this.pos,
          `expected a property name in double quotes, got ${this.describeChar()}`,
        );
      }
      const keyOffset = this.pos;
      const key = this.parseString();
      this.expect(":", `':' after property name "${key}"`);
      this.skipWhitespace();
      const value = this.parseValue(this.locate ? memberPath(path, key) : "");
      if (Object.hasOwn(obj, key)) {
        this.warnings.push({
          offset: keyOffset,
          path,
          message: `duplicate key "${key}"; the last value is used`,
        });
      }
      // defineProperty so a "__proto__" key stays a plain property, as JSON.parse keeps it.
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const ch = this.text[this.pos];
      this.pos++;
      if (ch === "}") return obj;
      if (ch !== ",") {
        this.pos--;
        throw new JsonSyntaxError(
          this.pos,
          `expected ',' or '}' after a property value, got ${this.describeChar()}`,
        );
      }
      this.skipWhitespace();
      if (this.text[this.pos] === "}") throw new JsonSyntaxError(this.pos, "trailing comma before '}'");
    }
  }

  private parseArray(path: string): unknown[] {
    const items: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.parseValue(this.locate ? indexPath(path, items.length) : ""));
      this.skipWhitespace();
      const ch = this.text[this.pos];
      this.pos++;
      if (ch === "]") return items;
      if (ch !== ",") {
        this.pos--;
        throw new JsonSyntaxError(
          this.pos,
          `expected ',' or ']' after an array item, got ${this.describeChar()}`,
        );
      }
      this.skipWhitespace();
      if (this.text[this.pos] === "]") throw new JsonSyntaxError(this.pos, "trailing comma before ']'");
    }
  }
}

/** `12.3 MB`, `2.0 KB` or `900 characters`. */
function formatSize(length: number): string {
  if (length >= 1024 * 1024) return `${(length / (1024 * 1024)).toFixed(1)} MB`;
  if (length >= 1024) return `${(length / 1024).toFixed(1)} KB`;
  return `${length} characters`;
}

/**
 * Parses `text` as one JSON value. Syntax errors carry `fileName`, line and column. Integers
 * beyond 2^53 come back as `bigint`.
 */
export function parseJsonText(
  text: string,
  fileName: string,
  options: ParseJsonOptions = {},
): ImportResult<unknown> {
  const maxLength = options.maxLength ?? MAX_JSON_TEXT_LENGTH;
  const position = lineIndex(text);
  const at = (offset: number): SourceLocation => ({ file: fileName, ...position(offset) });
  if (text.length > maxLength) {
    const error = {
      path: "",
      message: `the input is ${formatSize(text.length)}, over the ${formatSize(maxLength)} limit`,
      location: at(0),
    };
    return { ok: false, errors: [error], warnings: [] };
  }
  const parser = new Parser(text, null);
  try {
    const value = parser.parseDocument();
    const warnings: Diagnostic[] = parser.warnings.map((w) => ({
      path: w.path,
      message: w.message,
      location: at(w.offset),
    }));
    return { ok: true, value, warnings };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { ok: false, errors: [{ path: "", message: e.message, location: at(e.offset) }], warnings: [] };
  }
}

/**
 * Attaches source positions to `diagnostics` about the JSON in `text`: each gets the position of
 * the value at its path, or of the nearest enclosing value that exists (for missing keys).
 */
export function locateDiagnostics(
  text: string,
  fileName: string,
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  const wanted = new Set<string>();
  for (const d of diagnostics) for (const p of ancestorsOf(d.path)) wanted.add(p);
  const found = new Map<string, number>();
  try {
    new Parser(text, { wanted, found }).parseDocument();
  } catch {
    // Only called on text that parsed once; keep whatever was found.
  }
  const position = lineIndex(text);
  return diagnostics.map((d) => {
    if (d.location) return d;
    const offset = ancestorsOf(d.path)
      .map((p) => found.get(p))
      .find((o) => o !== undefined);
    return offset === undefined ? d : { ...d, location: { file: fileName, ...position(offset) } };
  });
}

/** `a.b[1]`, `a.b`, `a`, "" — the path and its ancestors, nearest first. */
function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let p: string | null = path; p !== null; p = parentPath(p)) out.push(p);
  return out;
}
