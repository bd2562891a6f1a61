/**
 * The hand-written strict JSON (RFC 8259) parser behind every JSON reader here: rule and binding
 * files, the pattern strings inside rules, and event records. It exists (rather than `JSON.parse`)
 * so errors carry the same offset and wording in every browser and in Node, so nesting is bounded
 * before the call stack is, and so integers beyond 2^53 keep every digit. Offsets only: turning
 * them into line and column is `jsonText.ts`'s job.
 */
import { indexPath, memberPath } from "./jsonPath.ts";

/**
 * How integer literals beyond 2^53 (which a double would round) come back: `"bigint"`, or
 * `"string"` — the digit string, as the event readers keep ids that Jackson would read as a
 * `BigInteger` in a Flink job. Decimals and exponents always become doubles, as in Jackson.
 */
export type BigIntegerMode = "bigint" | "string";

/** What the parser is told: bounds, number mode, and optionally paths whose positions are wanted. */
export interface ParserSettings {
  readonly maxDepth: number;
  readonly bigIntegers: BigIntegerMode;
  /** When set, the start offset of every value whose path is in `wanted` is recorded in `found`. */
  readonly locate: { readonly wanted: ReadonlySet<string>; readonly found: Map<string, number> } | null;
}

/**
 * A syntax error at an offset into the text (UTF-16 code units); `path` names the value when the
 * text is JSON but a value cannot be read (a number beyond a double's range).
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

/** A duplicate key in valid JSON: where it is, where its first occurrence is, and its member path. */
export interface ParserWarning {
  readonly offset: number;
  readonly firstOffset: number;
  /** JSON path of the duplicated member (`nodes[0].name`). */
  readonly path: string;
  readonly key: string;
}

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

/** Parses one JSON document; throws {@link JsonSyntaxError}. One instance per text. */
export class JsonParser {
  private pos = 0;
  private depth = 0;
  /** Keys and indexes from the root to the value being read; made into a path only when needed. */
  private readonly segments: Array<string | number> = [];
  readonly warnings: ParserWarning[] = [];

  constructor(
    private readonly text: string,
    private readonly settings: ParserSettings,
  ) {
    if (text.startsWith("\uFEFF")) this.pos = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    if (this.pos >= this.text.length)
      throw new JsonSyntaxError(this.pos, "the input is empty; expected a JSON value");
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new JsonSyntaxError(this.pos, `unexpected ${this.describeChar()} after the JSON value`);
    }
    return value;
  }

  private path(): string {
    let path = "";
    for (const s of this.segments) path = typeof s === "number" ? indexPath(path, s) : memberPath(path, s);
    return path;
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

  private parseValue(): unknown {
    const locate = this.settings.locate;
    if (locate) {
      const path = this.path();
      if (locate.wanted.has(path)) locate.found.set(path, this.pos);
    }
    const ch = this.text[this.pos];
    switch (ch) {
      case "{":
        return this.nested(() => this.parseObject());
      case "[":
        return this.nested(() => this.parseArray());
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
    const { maxDepth } = this.settings;
    if (++this.depth > maxDepth)
      throw new JsonSyntaxError(this.pos, `values are nested more than ${maxDepth} levels deep`);
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

  private parseNumber(): number | bigint | string {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError(this.pos, "a number needs digits after '-'");
    const literal = match[0];
    const next = this.text[this.pos + literal.length];
    if (next !== undefined && /[0-9.eE]/.test(next)) {
      const why = literal.replace("-", "") === "0" ? "numbers cannot have leading zeros" : "malformed number";
      throw new JsonSyntaxError(this.pos, why);
    }
    const value = Number(literal);
    // Integers beyond 2^53 stay exact, so numeric ids never lose digits.
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(value)) {
      this.pos += literal.length;
      return this.settings.bigIntegers === "bigint" ? BigInt(literal) : literal;
    }
    // Jackson reads such a literal as a double, Infinity, which no condition or output should
    // see in place of the value written: the value is refused, at its path.
    if (!Number.isFinite(value)) throw new JsonSyntaxError(this.pos, outOfRange(literal), this.path());
    this.pos += literal.length;
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

  /**
   * After an object member or array item: true at the closing `close`, false after a `,`
   * (refusing a trailing comma), else an error naming what was expected.
   */
  private endOfItem(close: "}" | "]", after: string): boolean {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === close) {
      this.pos++;
      return true;
    }
    if (ch !== ",") {
      throw new JsonSyntaxError(
        this.pos,
        `expected ',' or '${close}' after ${after}, got ${this.describeChar()}`,
      );
    }
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === close)
      throw new JsonSyntaxError(this.pos, `trailing comma before '${close}'`);
    return false;
  }

  /** Skips the opening bracket and any whitespace; true when `close` follows at once. */
  private openEmpty(close: "}" | "]"): boolean {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  private parseObject(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    if (this.openEmpty("}")) return obj;
    /** Where each key was first seen, for the duplicate-key warning. */
    const keyOffsets = new Map<string, number>();
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
      this.segments.push(key);
      const value = this.parseValue();
      const firstOffset = keyOffsets.get(key);
      if (firstOffset === undefined) keyOffsets.set(key, keyOffset);
      else this.warnings.push({ offset: keyOffset, firstOffset, path: this.path(), key });
      this.segments.pop();
      // defineProperty so a "__proto__" key stays a plain property, as JSON.parse keeps it.
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      if (this.endOfItem("}", "a property value")) return obj;
    }
  }

  private parseArray(): unknown[] {
    const items: unknown[] = [];
    if (this.openEmpty("]")) return items;
    for (;;) {
      this.skipWhitespace();
      this.segments.push(items.length);
      items.push(this.parseValue());
      this.segments.pop();
      if (this.endOfItem("]", "an array item")) return items;
    }
  }
}

/** Literals longer than this are shortened in messages. */
const SHOWN_LITERAL = 24;

/** The message for a number literal a double cannot hold. */
export function outOfRange(literal: string): string {
  const shown = literal.length > SHOWN_LITERAL ? `${literal.slice(0, SHOWN_LITERAL - 3)}...` : literal;
  return `the number ${shown} is beyond a double's range (±1.8e308); Flink's Jackson would read it as ${literal.startsWith("-") ? "-" : ""}Infinity`;
}
