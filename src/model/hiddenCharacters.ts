/**
 * Characters that change how text reads without showing themselves ("Trojan Source",
 * CVE-2021-42574): bidirectional controls, which reorder the text around them, and invisible
 * characters, which make two different names look equal; and the space-likes and dashes that pass
 * for ASCII ' ' and '-' (`lookAlikeCharacters.ts`), which show but read as what they are not.
 * Finds them in user text (stage names, rule ids, event keys and values) and spells them out, so
 * displays show them all as markers, through this one path, and the validator can warn about
 * them. Pure.
 */
import { codePointLabel, SPACE_OR_DASH_LOOK_ALIKE, spaceOrDashLookAlike } from "./lookAlikeCharacters.ts";

/**
 * Whether a hidden character reorders text (`bidi`), only hides (`invisible`), or is a space or
 * dash that passes for the ASCII one (`lookalike`, which the validator reports with the other
 * look-alikes rather than as hidden).
 */
export type HiddenCharacterKind = "bidi" | "invisible" | "lookalike";

/** One hidden character found in a text. */
export interface HiddenCharacter {
  /** UTF-16 index of the character in the text. */
  readonly index: number;
  /** 1-based position counted in characters (code points), as a person counts them. */
  readonly position: number;
  /** The character itself. */
  readonly char: string;
  /** `U+202E`. */
  readonly code: string;
  /** The Unicode name, or what the character is where it has no well-known one. */
  readonly name: string;
  readonly kind: HiddenCharacterKind;
}

/** A text cut into plain runs and the hidden characters between them (one character each). */
export type TextPart =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "hidden"; readonly hidden: HiddenCharacter };

/** The explicit bidi formatting characters of UAX #9, and the three implicit marks. */
const BIDI_NAMES: ReadonlyMap<number, string> = new Map([
  [0x061c, "ARABIC LETTER MARK"],
  [0x200e, "LEFT-TO-RIGHT MARK"],
  [0x200f, "RIGHT-TO-LEFT MARK"],
  [0x202a, "LEFT-TO-RIGHT EMBEDDING"],
  [0x202b, "RIGHT-TO-LEFT EMBEDDING"],
  [0x202c, "POP DIRECTIONAL FORMATTING"],
  [0x202d, "LEFT-TO-RIGHT OVERRIDE"],
  [0x202e, "RIGHT-TO-LEFT OVERRIDE"],
  [0x2066, "LEFT-TO-RIGHT ISOLATE"],
  [0x2067, "RIGHT-TO-LEFT ISOLATE"],
  [0x2068, "FIRST STRONG ISOLATE"],
  [0x2069, "POP DIRECTIONAL ISOLATE"],
]);

/** Names of the invisible characters people meet in pasted text, and of common controls. */
const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0000, "NULL"],
  [0x001b, "ESCAPE"],
  [0x007f, "DELETE"],
  [0x00ad, "SOFT HYPHEN"],
  [0x034f, "COMBINING GRAPHEME JOINER"],
  [0x115f, "HANGUL CHOSEONG FILLER"],
  [0x1160, "HANGUL JUNGSEONG FILLER"],
  [0x17b4, "KHMER VOWEL INHERENT AQ"],
  [0x17b5, "KHMER VOWEL INHERENT AA"],
  [0x180e, "MONGOLIAN VOWEL SEPARATOR"],
  [0x200b, "ZERO WIDTH SPACE"],
  [0x200c, "ZERO WIDTH NON-JOINER"],
  [0x200d, "ZERO WIDTH JOINER"],
  [0x2028, "LINE SEPARATOR"],
  [0x2029, "PARAGRAPH SEPARATOR"],
  [0x2060, "WORD JOINER"],
  [0x2061, "FUNCTION APPLICATION"],
  [0x2062, "INVISIBLE TIMES"],
  [0x2063, "INVISIBLE SEPARATOR"],
  [0x2064, "INVISIBLE PLUS"],
  [0x3164, "HANGUL FILLER"],
  [0xfeff, "ZERO WIDTH NO-BREAK SPACE"],
  [0xffa0, "HALFWIDTH HANGUL FILLER"],
]);

/**
 * Every format (Cf) and control (Cc) character, the blank letters above that are not Cf, and the
 * ideographic variation selectors (VS17–VS256, a known way to smuggle text). The variation
 * selectors VS1–VS16 are left alone: they follow a visible character (emoji ❤️) and only pick
 * its glyph. Characters that combine with the one before them stand outside the first class,
 * where the regular expression cannot take them for part of a sequence.
 */
const INVISIBLE =
  /[\p{Cf}\p{Cc}\u115f\u2028\u2029\u3164\uffa0]|[\u{e0100}-\u{e01ef}]|\u034f|\u1160|\u17b4|\u17b5/u;

/** Everything a display marks: the invisible and bidi characters, and the space and dash look-alikes. */
const HIDDEN = new RegExp(`${INVISIBLE.source}|${SPACE_OR_DASH_LOOK_ALIKE.source}`, "gu");

/**
 * What `HIDDEN` takes in but shows: tab, line feed and carriage return, which read as white space
 * (a line break in a multi-line expression is its layout), and the format characters that draw a
 * sign (prepended concatenation marks such as ARABIC NUMBER SIGN).
 */
const SHOWN = /[\t\n\r\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}]/u;

/**
 * The hidden characters of `text` (bidi controls, invisible characters, space and dash
 * look-alikes), in order; `[]` for text that reads as it is.
 */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  let position = 1;
  let counted = 0;
  for (const match of text.matchAll(HIDDEN)) {
    const char = match[0];
    if (SHOWN.test(char)) continue;
    position += codePointCount(text, counted, match.index);
    counted = match.index;
    found.push(describe(char, match.index, position));
  }
  return found;
}

/** `text` as plain runs and hidden characters; the parts joined back give `text` exactly. */
export function splitHiddenCharacters(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const hidden of findHiddenCharacters(text)) {
    if (hidden.index > from) parts.push({ type: "text", text: text.slice(from, hidden.index) });
    parts.push({ type: "hidden", hidden });
    from = hidden.index + hidden.char.length;
  }
  if (from < text.length) parts.push({ type: "text", text: text.slice(from) });
  return parts;
}

/**
 * `text` without its bidi controls and invisible characters: what its author most likely meant to
 * type. Space and dash look-alikes stay: they stand for a character (`withoutLookAlikes` puts the
 * ASCII one back).
 */
export function withoutHiddenCharacters(text: string): string {
  return splitHiddenCharacters(text)
    .map((part) =>
      part.type === "text" ? part.text : part.hidden.kind === "lookalike" ? part.hidden.char : "",
    )
    .join("");
}

/** The marker a display shows in place of a hidden character: `⟨U+202E⟩`. */
export function hiddenCharacterMarker(hidden: HiddenCharacter): string {
  return `⟨${hidden.code}⟩`;
}

/**
 * `text` with each hidden character replaced by its marker, for places that take a plain string
 * (tooltips, accessible names, messages). Text without hidden characters comes back unchanged.
 */
export function revealHiddenCharacters(text: string): string {
  return splitHiddenCharacters(text)
    .map((part) => (part.type === "text" ? part.text : hiddenCharacterMarker(part.hidden)))
    .join("");
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, with what it does, for a marker's tooltip. */
export function hiddenCharacterTitle(hidden: HiddenCharacter): string {
  return `${hidden.code} ${hidden.name}: ${whatItDoes(hidden)}`;
}

function whatItDoes(hidden: HiddenCharacter): string {
  switch (hidden.kind) {
    case "bidi":
      return "a bidirectional control: it changes the order the text around it is shown in";
    case "invisible":
      return "an invisible character";
    case "lookalike":
      return spaceOrDashLookAlike(hidden.char)?.looksLike === " "
        ? "it looks like a space but is another character"
        : "it looks like '-' but is another character";
  }
}

function describe(char: string, index: number, position: number): HiddenCharacter {
  const cp = char.codePointAt(0) ?? 0;
  const code = codePointLabel(cp);
  const bidi = BIDI_NAMES.get(cp);
  if (bidi !== undefined) return { index, position, char, code, name: bidi, kind: "bidi" };
  const lookAlike = spaceOrDashLookAlike(char);
  if (lookAlike !== undefined)
    return { index, position, char, code, name: lookAlike.name, kind: "lookalike" };
  return { index, position, char, code, name: invisibleName(cp, char), kind: "invisible" };
}

function invisibleName(cp: number, char: string): string {
  const known = INVISIBLE_NAMES.get(cp);
  if (known !== undefined) return known;
  if (cp >= 0xe0100) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp >= 0xe0000) return "TAG character";
  return /\p{Cc}/u.test(char) ? "control character" : "format character";
}

/** Code points in `text` from UTF-16 index `from` up to (not including) `to`. */
function codePointCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one continues the same code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    count++;
  }
  return count;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
