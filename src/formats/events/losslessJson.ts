/**
 * A JSON reader that never loses digits: integer literals beyond 2^53 come back as their digit
 * strings (see `jsonNumberFromLiteral`), and syntax errors say where (line and column).
 *
 * `JSON.parse` does the parsing whenever it can be exact: texts without a run of 16+ digits go
 * straight to it, and in the others the integer literals a double cannot hold are first quoted
 * (a regular expression that skips string literals). The hand-written parser is the reference
 * for that and writes every error message.
 */
import { jsonNumberFromLiteral } from "./exactNumber.ts";

/** A JSON value as read here: numbers that a double cannot hold exactly are digit strings. */
export type JsonData = null | boolean | number | string | JsonData[] | { [key: string]: JsonData };

/** Where and why a text is not JSON. Line and column count from 1. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type JsonReadResult = { ok: true; value: JsonData } | { ok: false; problem: JsonSyntaxProblem };

/** Nesting deeper than this is refused rather than risking the call stack. */
const MAX_DEPTH = 512;

/** A run of 16 or more digits may be an integer a double cannot hold. */
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * A JSON string literal, or an integer literal of 16+ digits in value position: after `:`, `,`,
 * `[` or at the start (so not a fraction, an exponent or a bare key), and not followed by `.`,
 * `e` or more digits (so an integer).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<=(?:^|[:,[])[ \t\n\r]*)-?\d{16,}(?![\d.eE])/g;

/** Parses `text` as one JSON value, losslessly. */
export function readJson(text: string): JsonReadResult {
  try {
    const exactText = LONG_DIGIT_RUN.test(text)
      ? text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger)
      : text;
    return { ok: true, value: JSON.parse(exactText) as JsonData };
  } catch {
    // The hand-written parser finds the position and says what is wrong.
    return readJsonLossless(text);
  }
}

function quoteUnsafeInteger(token: string): string {
  if (token.charCodeAt(0) === 0x22 || Number.isSafeInteger(Number(token))) return token;
  return `"${token}"`;
}

/** The reference parser behind {@link readJson}: same results, hand-written, with positions. */
export function readJsonLossless(text: string): JsonReadResult {
  try {
    const parser = new LosslessParser(text);
    return { ok: true, value: parser.parseDocument() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}

class ParseFailure extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
  }
}

const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
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

class LosslessParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonData {
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the JSON value`);
    return value;
  }

  private parseValue(): JsonData {
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject();
      case "[":
        return this.parseArray();
      case '"':
        return this.parseString();
      case "t":
        return this.parseWord("true", true);
      case "f":
        return this.parseWord("false", false);
      case "n":
        return this.parseWord("null", null);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.parseNumber();
        return this.fail(`expected a JSON value, found ${this.describeHere()}`);
    }
  }

  private parseObject(): JsonData {
    this.enter();
    this.pos++;
    const result: { [key: string]: JsonData } = {};
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"')
        this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ':' after property name, found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      // defineProperty, so a "__proto__" key is data, as JSON.parse makes it.
      Object.defineProperty(result, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        this.depth--;
        return result;
      }
      this.fail(`expected ',' or '}' in object, found ${this.describeHere()}`);
    }
  }

  private parseArray(): JsonData {
    this.enter();
    this.pos++;
    const result: JsonData[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.parseValue());
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        this.depth--;
        return result;
      }
      this.fail(`expected ',' or ']' in array, found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    let chunkStart = this.pos;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) {
        this.pos = start;
        this.fail("unterminated string");
      }
      if (c === '"') {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === "\\") {
        out += this.text.slice(chunkStart, this.pos);
        out += this.parseEscape();
        chunkStart = this.pos;
        continue;
      }
      if (c < " ") this.fail("control character in string (escape it)");
      this.pos++;
    }
  }

  private parseEscape(): string {
    const c = this.text[this.pos + 1];
    if (c === "u") {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape (needs 4 hex digits)");
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const replacement = c === undefined ? undefined : ESCAPES[c];
    if (replacement === undefined) this.fail(`invalid escape '\\${c ?? ""}' in string`);
    this.pos += 2;
    return replacement;
  }

  private parseNumber(): number | string {
    NUMBER_AT.lastIndex = this.pos;
    const match = NUMBER_AT.exec(this.text);
    if (match === null) return this.fail(`invalid number`);
    const end = this.pos + match[0].length;
    const next = this.text[end];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) {
      this.pos = end;
      this.fail(`invalid number`);
    }
    this.pos = end;
    return jsonNumberFromLiteral(match[0]);
  }

  private parseWord<T extends JsonData>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos))
      this.fail(`expected a JSON value, found ${this.describeHere()}`);
    this.pos += word.length;
    return value;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return;
      this.pos++;
    }
  }

  private describeHere(): string {
    const c = this.text[this.pos];
    if (c === undefined) return "end of input";
    return `'${c}'`;
  }

  private fail(message: string): never {
    const before = this.text.slice(0, this.pos);
    const lineStart = before.lastIndexOf("\n") + 1;
    let line = 1;
    for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line++;
    throw new ParseFailure({ line, column: this.pos - lineStart + 1, message });
  }
}
