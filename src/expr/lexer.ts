/**
 * Tokenizer for the condition language (Aviator's lexical syntax):
 *
 * - numbers: `42`, `0x1F`, `1.5`, `.5`, `1e3`, `1e-3`, `100N`, `1.5M` (no `+` in exponents: Aviator
 *   would read `1e+3` as `1e` then `+3`, so we refuse it rather than guess);
 * - strings in `'…'` or `"…"` with the escapes `\t \r \n \b \f \\ \#` and the quote itself;
 *   an unescaped `#{` is refused because Aviator would interpolate it;
 * - names: Java identifiers joined by dots (`data.productId`), or quoted `#name` / `` #`any name` ``;
 * - `## comments` to the end of the line;
 * - regex literals `/…/` wherever an operand is expected (as in Aviator, where `/` in operand
 *   position starts a pattern).
 */

import { ExprSyntaxError } from "./errors.ts";

/** Longest source accepted (64 KiB). */
export const MAX_SOURCE_LENGTH = 65_536;
/** Longest string literal (in characters, after escapes). */
export const MAX_STRING_LITERAL = 16_384;
/** Longest numeric literal. */
export const MAX_NUMBER_LITERAL = 400;
/** Longest name. */
export const MAX_NAME_LENGTH = 1024;

/** Token categories. */
export type TokenKind = "number" | "string" | "name" | "regex" | "punct" | "eof";

/** A token; `text` is the operator, the name, the raw number, the string value or the regex source. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For names: written as `#name` or `` #`name` `` (never a keyword, never callable). */
  readonly quoted: boolean;
}

const PUNCTUATORS = [
  ">>>",
  "**",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "=~",
  "&&",
  "||",
  "->",
  "+",
  "-",
  "*",
  "/",
  "%",
  "!",
  "~",
  "<",
  ">",
  "&",
  "|",
  "^",
  "(",
  ")",
  "[",
  "]",
  ",",
  "?",
  ":",
  ";",
  ".",
];

const ID_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const ID_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}]/u;

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isIdStart(c: string): boolean {
  return c !== "" && ID_START.test(c);
}

function isIdPart(c: string): boolean {
  return c !== "" && ID_PART.test(c);
}

/** Produces tokens on demand; the parser pulls them one by one. */
export class Lexer {
  private pos = 0;
  private prev: Token | null = null;

  constructor(private readonly source: string) {
    if (source.length > MAX_SOURCE_LENGTH) {
      throw ExprSyntaxError.at(
        source,
        MAX_SOURCE_LENGTH,
        `expression longer than ${MAX_SOURCE_LENGTH} characters`,
      );
    }
  }

  private error(offset: number, detail: string): ExprSyntaxError {
    return ExprSyntaxError.at(this.source, offset, detail);
  }

  private make(kind: TokenKind, text: string, start: number, quoted = false): Token {
    const token: Token = { kind, text, start, end: this.pos, quoted };
    this.prev = token;
    return token;
  }

  /** True when the previous token ends an operand, so `/` is division rather than a regex. */
  private afterOperand(): boolean {
    const p = this.prev;
    if (p === null) return false;
    if (p.kind === "punct") return p.text === ")" || p.text === "]";
    return true;
  }

  /** The next character that is not whitespace, from `offset`. */
  private peekNonSpace(offset: number): string {
    let i = offset;
    while (i < this.source.length && " \t\r\n".includes(this.source.charAt(i))) i++;
    return this.source.charAt(i);
  }

  /** Reads the next token. */
  next(): Token {
    this.skipTrivia();
    const src = this.source;
    const start = this.pos;
    if (start >= src.length) return this.make("eof", "", start);
    const c = src.charAt(start);
    if (isDigit(c) || (c === "." && isDigit(src.charAt(start + 1)))) return this.number();
    if (c === "'" || c === '"') return this.string();
    if (c === "#") return this.quotedName();
    if (isIdStart(c)) return this.name();
    if (c === "/" && !this.afterOperand() && !",)".includes(this.peekNonSpace(start + 1)))
      return this.regex();
    for (const p of PUNCTUATORS) {
      if (src.startsWith(p, start)) {
        this.pos += p.length;
        return this.make("punct", p, start);
      }
    }
    if (c === "=") throw this.error(start, "assignment '=' is not supported; use '==' to compare");
    const shown = c === "\u00a0" ? "non-breaking space" : `'${c}'`;
    throw this.error(start, `unexpected character ${shown}`);
  }

  private skipTrivia(): void {
    const src = this.source;
    while (this.pos < src.length) {
      const c = src.charAt(this.pos);
      if (c === " " || c === "\t" || c === "\r" || c === "\n") {
        this.pos++;
      } else if (c === "#" && src.charAt(this.pos + 1) === "#") {
        while (this.pos < src.length && src.charAt(this.pos) !== "\n") this.pos++;
      } else {
        return;
      }
    }
  }

  private number(): Token {
    const src = this.source;
    const start = this.pos;
    let i = start;
    if (src.charAt(i) === "0" && (src.charAt(i + 1) === "x" || src.charAt(i + 1) === "X")) {
      i += 2;
      while (/[0-9a-fA-F]/.test(src.charAt(i))) i++;
      if (i === start + 2) throw this.error(start, "hexadecimal literal needs at least one digit");
    } else {
      while (isDigit(src.charAt(i))) i++;
      let fraction = false;
      if (src.charAt(i) === ".") {
        fraction = true;
        i++;
        while (isDigit(src.charAt(i))) i++;
      }
      if (src.charAt(i) === "e" || src.charAt(i) === "E") {
        fraction = true;
        i++;
        if (src.charAt(i) === "+")
          throw this.error(i, "'+' is not allowed in an exponent (write 1e5, not 1e+5)");
        if (src.charAt(i) === "-") i++;
        if (!isDigit(src.charAt(i))) throw this.error(start, "exponent needs at least one digit");
        while (isDigit(src.charAt(i))) i++;
      }
      if (src.charAt(i) === "N") {
        if (fraction) throw this.error(start, "a bigint literal (N suffix) must be an integer");
        i++;
      } else if (src.charAt(i) === "M") {
        i++;
      }
      if (src.charAt(i) === "." && isDigit(src.charAt(i + 1))) throw this.error(start, "malformed number");
    }
    if (isIdPart(src.charAt(i))) throw this.error(start, `malformed number '${src.slice(start, i + 1)}'`);
    if (i - start > MAX_NUMBER_LITERAL)
      throw this.error(start, `number literal longer than ${MAX_NUMBER_LITERAL} characters`);
    this.pos = i;
    return this.make("number", src.slice(start, i), start);
  }

  private string(): Token {
    const src = this.source;
    const start = this.pos;
    const quote = src.charAt(start);
    let i = start + 1;
    let value = "";
    for (;;) {
      if (i >= src.length) throw this.error(start, "unterminated string literal");
      const c = src.charAt(i);
      if (c === quote) break;
      if (c === "\\") {
        const e = src.charAt(i + 1);
        const mapped = e === quote ? quote : ESCAPES[e];
        if (mapped === undefined) {
          if (e === "") throw this.error(start, "unterminated string literal");
          throw this.error(
            i,
            `unsupported escape '\\${e}' (Aviator accepts \\t \\r \\n \\b \\f \\\\ \\# and \\${quote})`,
          );
        }
        value += mapped;
        i += 2;
      } else {
        if (c === "#" && src.charAt(i + 1) === "{") {
          throw this.error(
            i,
            "string interpolation '#{…}' is not supported; write '\\#{' for a literal '#{'",
          );
        }
        value += c;
        i++;
      }
      if (value.length > MAX_STRING_LITERAL) {
        throw this.error(start, `string literal longer than ${MAX_STRING_LITERAL} characters`);
      }
    }
    this.pos = i + 1;
    return this.make("string", value, start);
  }

  private name(): Token {
    const src = this.source;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      while (isIdPart(src.charAt(i))) i++;
      // Aviator lexes `a.b.c` as one name; a dot only continues it when a segment follows.
      if (src.charAt(i) === "." && isIdStart(src.charAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    if (i - start > MAX_NAME_LENGTH)
      throw this.error(start, `name longer than ${MAX_NAME_LENGTH} characters`);
    this.pos = i;
    return this.make("name", src.slice(start, i), start);
  }

  private quotedName(): Token {
    const src = this.source;
    const start = this.pos;
    let i = start + 1;
    let name: string;
    if (src.charAt(i) === "`") {
      const close = src.indexOf("`", i + 1);
      if (close < 0) throw this.error(start, "unterminated quoted name");
      name = src.slice(i + 1, close);
      i = close + 1;
    } else {
      while (isIdPart(src.charAt(i)) || (src.charAt(i) === "." && isIdPart(src.charAt(i + 1)))) i++;
      name = src.slice(start + 1, i);
    }
    if (name.length === 0) throw this.error(start, "blank name after '#'");
    if (name.length > MAX_NAME_LENGTH)
      throw this.error(start, `name longer than ${MAX_NAME_LENGTH} characters`);
    this.pos = i;
    return this.make("name", name, start, true);
  }

  private regex(): Token {
    const src = this.source;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= src.length) throw this.error(start, "unterminated regular expression literal");
      const c = src.charAt(i);
      if (c === "/") break;
      i += c === "\\" ? 2 : 1;
    }
    this.pos = i + 1;
    return this.make("regex", src.slice(start + 1, i), start);
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  t: "\t",
  r: "\r",
  n: "\n",
  b: "\b",
  f: "\f",
  "\\": "\\",
  "#": "#",
};
