/**
 * Java `Matcher` behaviour on compiled patterns: full matches for `=~`, `String.split`,
 * `replaceFirst` / `replaceAll` with Java's replacement syntax (`$1`, `${name}`, `\$`).
 */

import { MAX_STRING_LENGTH } from "./arith.ts";
import { ExprRuntimeError } from "./errors.ts";
import { MAX_REGEX_INPUT, type CompiledPattern } from "./regex.ts";

function checkInput(input: string): void {
  if (input.length > MAX_REGEX_INPUT) {
    throw new ExprRuntimeError(
      `string of ${input.length} characters is too long for a regex (limit ${MAX_REGEX_INPUT})`,
    );
  }
}

/** Java `Pattern.matcher(input).matches()`: the match array (groups included) or null. */
export function matchFull(pattern: CompiledPattern, input: string): RegExpExecArray | null {
  checkInput(input);
  pattern.full.lastIndex = 0;
  return pattern.full.exec(input);
}

/** Java `String.split(regex, limit)`: trailing empty strings dropped when `limit` is 0. */
export function javaSplit(input: string, pattern: CompiledPattern, limit: number): string[] {
  checkInput(input);
  const re = pattern.global;
  const parts: string[] = [];
  let index = 0;
  re.lastIndex = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) re.lastIndex = start + 1;
    if (limit > 0 && parts.length >= limit - 1) break;
    // A zero-width match at the beginning never yields a leading empty substring (Java 8+).
    if (start === 0 && end === 0) continue;
    parts.push(input.slice(index, start));
    index = end;
    if (re.lastIndex > input.length) break;
  }
  if (index === 0 && parts.length === 0) return [input];
  parts.push(input.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Java `replaceFirst` (`all` false) / `replaceAll` (`all` true). */
export function javaReplace(
  input: string,
  pattern: CompiledPattern,
  replacement: string,
  all: boolean,
): string {
  checkInput(input);
  const re = pattern.global;
  re.lastIndex = 0;
  let out = "";
  let last = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    out += input.slice(last, m.index) + expandReplacement(replacement, m, pattern);
    if (out.length > MAX_STRING_LENGTH) {
      throw new ExprRuntimeError(`string result exceeds ${MAX_STRING_LENGTH} characters`);
    }
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex = m.index + 1;
    if (!all || re.lastIndex > input.length) break;
  }
  return out + input.slice(last);
}

/** Java `Matcher.appendReplacement` syntax: `\x` is a literal x, `$n` / `${name}` a group. */
function expandReplacement(replacement: string, m: RegExpExecArray, pattern: CompiledPattern): string {
  if (!replacement.includes("$") && !replacement.includes("\\")) return replacement;
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement.charAt(i);
    if (c === "\\") {
      i++;
      if (i >= replacement.length) throw new ExprRuntimeError("character to be escaped is missing");
      out += replacement.charAt(i);
    } else if (c === "$") {
      i++;
      if (i >= replacement.length)
        throw new ExprRuntimeError("Illegal group reference: group index is missing");
      if (replacement.charAt(i) === "{") {
        const close = replacement.indexOf("}", i);
        const name = close < 0 ? "" : replacement.slice(i + 1, close);
        if (!pattern.groupNames.has(name)) throw new ExprRuntimeError(`No group with name {${name}}`);
        out += m.groups?.[name] ?? "";
        i = close;
      } else {
        let n = replacement.charCodeAt(i) - 48;
        if (n < 0 || n > 9) throw new ExprRuntimeError("Illegal group reference");
        while (i + 1 < replacement.length) {
          const d = replacement.charCodeAt(i + 1) - 48;
          if (d < 0 || d > 9 || n * 10 + d > pattern.groupCount) break;
          n = n * 10 + d;
          i++;
        }
        if (n > pattern.groupCount) throw new ExprRuntimeError(`No group ${n}`);
        out += m[n] ?? "";
      }
    } else {
      out += c;
    }
  }
  return out;
}
