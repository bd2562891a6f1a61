/**
 * Java regular expressions on top of JS RegExp.
 *
 * Aviator compiles `/…/` literals and the regex arguments of `string.split` / `replace_*` with
 * `java.util.regex.Pattern`. We translate the Java syntax to an equivalent JS RegExp, and reject
 * what JS would silently read differently (`\Q…\E` is translated; class intersections, atomic
 * groups, possessive quantifiers, mid-pattern inline flags are refused) so a pattern never means
 * something else here than on Flink.
 *
 * JS has no linear-time engine, so we bound the damage of backtracking: pattern length is capped,
 * nested unbounded quantifiers such as `(a+)+` (the classic catastrophic shape) are refused, and
 * subject strings longer than MAX_REGEX_INPUT fail the evaluation instead of hanging it.
 */

import { PatternValue } from "./values.ts";

/** Longest regex source accepted. */
export const MAX_REGEX_SOURCE = 1000;
/** Longest string a regex is run against. */
export const MAX_REGEX_INPUT = 10_000;

/** A pattern Java would reject, or that we refuse; `index` is the 0-based offset in the source. */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = "RegexSyntaxError";
  }
}

/** A compiled Java pattern: a full-match form for `=~` and a global form for find/replace/split. */
export class CompiledPattern extends PatternValue {
  /** `^(?:src)$`-equivalent, sticky: Java `Matcher.matches()`. */
  readonly full: RegExp;
  /** Global form for `find()` loops. */
  readonly global: RegExp;
  /** Number of capturing groups (Java `groupCount()`). */
  readonly groupCount: number;
  /** Named groups, for `${name}` in replacements. */
  readonly groupNames: ReadonlySet<string>;

  constructor(
    readonly source: string,
    js: TranslatedPattern,
  ) {
    super();
    this.full = new RegExp(`(?:${js.body})(?![\\s\\S])`, `${js.flags}y`);
    this.global = new RegExp(js.body, `${js.flags}g`);
    this.groupCount = js.groupCount;
    this.groupNames = js.groupNames;
  }
}

interface TranslatedPattern {
  body: string;
  flags: string;
  groupCount: number;
  groupNames: Set<string>;
}

const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";
const POSIX: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: JAVA_SPACE,
};

interface GroupFrame {
  /** The group (or pattern) contains an unbounded quantifier somewhere. */
  unbounded: boolean;
}

/** Compiles a Java pattern; throws RegexSyntaxError. */
export function compileJavaPattern(source: string): CompiledPattern {
  if (source.length > MAX_REGEX_SOURCE) {
    throw new RegexSyntaxError(`regular expression longer than ${MAX_REGEX_SOURCE} characters`, 0);
  }
  const translated = translate(source);
  try {
    return new CompiledPattern(source, translated);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, "") : "invalid";
    throw new RegexSyntaxError(`invalid regular expression: ${reason}`, 0);
  }
}

/** Translates Java regex syntax to a JS RegExp body and flags (see the module comment). */
function translate(src: string): TranslatedPattern {
  let i = 0;
  let flags = "";
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (leading?.[1] !== undefined) {
    for (const f of leading[1]) {
      if (f === "i" || f === "s" || f === "m") {
        if (!flags.includes(f)) flags += f;
      } else {
        throw new RegexSyntaxError(`unsupported inline flag '${f}'`, 2);
      }
    }
    i = leading[0].length;
  }
  const multiline = flags.includes("m");
  let out = "";
  let inClass = false;
  let classStart = -1;
  let groupCount = 0;
  const groupNames = new Set<string>();
  const stack: GroupFrame[] = [{ unbounded: false }];
  const namedRefs: [string, number][] = [];
  let highestBackref = 0;
  let lastGroup: GroupFrame | undefined; // the group that just closed, if the last atom was one

  const top = (): GroupFrame => stack[stack.length - 1] ?? { unbounded: false };

  while (i < src.length) {
    const c = src.charAt(i);
    const atomStart = i;
    if (c === "\\") {
      const [text, next] = escape(src, i, inClass, multiline, groupCount);
      const backref = /^\\(\d+)\(\?:\)$/.exec(text);
      if (backref) highestBackref = Math.max(highestBackref, Number(backref[1]));
      if (text === "\\k") namedRefs.push([/^<(\w+)>/.exec(src.slice(next))?.[1] ?? "", i]);
      out += text;
      i = next;
      lastGroup = undefined;
      continue;
    }
    if (inClass) {
      if (c === "[") throw new RegexSyntaxError("nested character classes are not supported", i);
      if (c === "&" && src.charAt(i + 1) === "&") {
        throw new RegexSyntaxError("character class intersection '&&' is not supported", i);
      }
      if (c === "]" && i > classStart) inClass = false;
      out += c;
      i++;
      continue;
    }
    switch (c) {
      case "[": {
        inClass = true;
        out += c;
        i++;
        if (src.charAt(i) === "^") {
          out += "^";
          i++;
        }
        if (src.charAt(i) === "]") throw new RegexSyntaxError("empty character class", i);
        classStart = i;
        lastGroup = undefined;
        continue;
      }
      case "(": {
        let opener = "(";
        if (src.charAt(i + 1) === "?") {
          const rest = src.slice(i + 2);
          const named = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
          const special = /^(?::|=|!|<=|<!)/.exec(rest);
          if (named?.[1] !== undefined) {
            groupCount++;
            groupNames.add(named[1]);
            opener = `(?${named[0]}`;
          } else if (special) {
            opener = `(?${special[0]}`;
          } else {
            throw new RegexSyntaxError(
              "unsupported group construct (atomic groups and inline flags are not supported)",
              i,
            );
          }
        } else {
          groupCount++;
        }
        stack.push({ unbounded: false });
        out += opener;
        i += opener.length;
        lastGroup = undefined;
        continue;
      }
      case ")": {
        const closed = stack.length > 1 ? stack.pop() : undefined;
        if (closed === undefined) throw new RegexSyntaxError("unmatched ')'", i);
        if (closed.unbounded) top().unbounded = true;
        out += c;
        i++;
        lastGroup = closed;
        continue;
      }
      case "*":
      case "+":
      case "?":
      case "{": {
        const q = quantifier(src, i);
        if (q === undefined) throw new RegexSyntaxError("illegal repetition", i);
        if (src.charAt(q.end) === "+")
          throw new RegexSyntaxError("possessive quantifiers are not supported", q.end);
        if (lastGroup?.unbounded === true && (q.max === Infinity || q.max > 10)) {
          throw new RegexSyntaxError(
            "nested repetition such as (a+)+ can take exponential time; rewrite the pattern",
            atomStart,
          );
        }
        if (q.max === Infinity) top().unbounded = true;
        out += src.slice(i, q.end);
        i = q.end;
        if (src.charAt(i) === "?") {
          out += "?";
          i++;
        }
        lastGroup = undefined;
        continue;
      }
      default:
        out += c;
        i++;
        lastGroup = undefined;
    }
  }
  if (inClass) throw new RegexSyntaxError("unclosed character class", classStart);
  if (stack.length > 1) throw new RegexSyntaxError("unclosed group", src.length);
  // JS would silently read a reference to a missing group as an octal or literal escape.
  for (const [name, at] of namedRefs) {
    if (!groupNames.has(name)) throw new RegexSyntaxError(`named group <${name}> does not exist`, at);
  }
  if (highestBackref > groupCount) {
    throw new RegexSyntaxError(`back reference to missing group ${highestBackref}`, 0);
  }
  return { body: out, flags, groupCount, groupNames };
}

function quantifier(src: string, i: number): { max: number; end: number } | undefined {
  const c = src.charAt(i);
  if (c === "*" || c === "+") return { max: Infinity, end: i + 1 };
  if (c === "?") return { max: 1, end: i + 1 };
  const m = /^\{(\d{1,9})(,(\d{0,9}))?\}/.exec(src.slice(i));
  if (!m) return undefined;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === "" || m[3] === undefined ? Infinity : Number(m[3]);
  return { max, end: i + m[0].length };
}

/** Translates the escape at `src[i] === '\\'`; returns the JS text and the next index. */
function escape(
  src: string,
  i: number,
  inClass: boolean,
  multiline: boolean,
  groups: number,
): [string, number] {
  const c = src.charAt(i + 1);
  if (c === "") throw new RegexSyntaxError("unexpected end of pattern after '\\'", i);
  switch (c) {
    case "d":
    case "D":
    case "w":
    case "W":
    case "t":
    case "n":
    case "r":
    case "f":
      return [`\\${c}`, i + 2];
    case "b":
    case "B":
      if (inClass) throw new RegexSyntaxError(`'\\${c}' is not allowed in a character class`, i);
      return [`\\${c}`, i + 2];
    case "s":
      return [inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, i + 2];
    case "S":
      return [inClass ? "\\S" : `[^${JAVA_SPACE}]`, i + 2];
    case "e":
      return ["\\x1B", i + 2];
    case "a":
      return ["\\x07", i + 2];
    case "x": {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(src.slice(i + 2));
      if (braced?.[1] !== undefined) {
        const cp = parseInt(braced[1], 16);
        if (cp > 0xffff) throw new RegexSyntaxError("code points above U+FFFF are not supported", i);
        return [`\\u${cp.toString(16).padStart(4, "0")}`, i + 2 + braced[0].length];
      }
      if (!/^[0-9a-fA-F]{2}/.test(src.slice(i + 2)))
        throw new RegexSyntaxError("illegal hexadecimal escape", i);
      return [src.slice(i, i + 4), i + 4];
    }
    case "u":
      if (!/^[0-9a-fA-F]{4}/.test(src.slice(i + 2))) throw new RegexSyntaxError("illegal Unicode escape", i);
      return [src.slice(i, i + 6), i + 6];
    case "c":
      if (!/^[A-Za-z]/.test(src.charAt(i + 2))) throw new RegexSyntaxError("illegal control escape", i);
      return [src.slice(i, i + 3), i + 3];
    case "0": {
      const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(src.slice(i + 2));
      if (!m) throw new RegexSyntaxError("illegal octal escape", i);
      return [`\\x${parseInt(m[0], 8).toString(16).padStart(2, "0")}`, i + 2 + m[0].length];
    }
    case "Q": {
      const close = src.indexOf("\\E", i + 2);
      const literal = src.slice(i + 2, close < 0 ? src.length : close);
      const quoted = literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
      return [inClass || literal.length === 0 ? quoted : `(?:${quoted})`, close < 0 ? src.length : close + 2];
    }
    case "k":
      if (!/^<[a-zA-Z][a-zA-Z0-9]*>/.test(src.slice(i + 2)))
        throw new RegexSyntaxError("illegal named reference", i);
      return ["\\k", i + 2];
    case "p":
    case "P":
      return posixClass(src, i, inClass);
    case "A":
    case "z":
    case "Z":
      if (inClass) throw new RegexSyntaxError(`'\\${c}' is not allowed in a character class`, i);
      if (multiline) throw new RegexSyntaxError(`'\\${c}' is not supported together with (?m)`, i);
      return [c === "A" ? "^" : c === "z" ? "$" : "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)", i + 2];
    default:
      break;
  }
  if (c >= "1" && c <= "9") {
    if (inClass) throw new RegexSyntaxError("back references are not allowed in a character class", i);
    // Java: one digit always, more digits while the number names an existing group.
    let n = Number(c);
    let j = i + 2;
    while (j < src.length && /\d/.test(src.charAt(j)) && n * 10 + Number(src.charAt(j)) <= groups) {
      n = n * 10 + Number(src.charAt(j));
      j++;
    }
    return [`\\${n}(?:)`, j];
  }
  if (/[a-zA-Z]/.test(c)) throw new RegexSyntaxError(`unsupported escape sequence '\\${c}'`, i);
  return [`\\${c}`, i + 2];
}

function posixClass(src: string, i: number, inClass: boolean): [string, number] {
  const negated = src.charAt(i + 1) === "P";
  const m = /^\{(?:Is)?([A-Za-z]+)\}/.exec(src.slice(i + 2));
  const name = m?.[1];
  const ranges = name === undefined ? undefined : POSIX[name];
  if (m === null || ranges === undefined) {
    throw new RegexSyntaxError(
      "unsupported character property (only the POSIX classes such as \\p{Alpha} are)",
      i,
    );
  }
  if (inClass && negated) throw new RegexSyntaxError("'\\P{…}' is not supported inside a character class", i);
  const text = inClass ? ranges : negated ? `[^${ranges}]` : `[${ranges}]`;
  return [text, i + 2 + m[0].length];
}

const PATTERN_CACHE_LIMIT = 128;
const patternCache = new Map<string, CompiledPattern>();

/** Compiles (and caches) a pattern given at run time, e.g. the regex argument of `string.split`. */
export function cachedPattern(source: string): CompiledPattern {
  let p = patternCache.get(source);
  if (p === undefined) {
    p = compileJavaPattern(source);
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    patternCache.set(source, p);
  }
  return p;
}
