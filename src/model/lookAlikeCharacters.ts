/**
 * Characters that look like plain ASCII but are other characters, in the manner of Unicode's
 * confusable detection (UTS #39): a stage named `vіew` with a Cyrillic `і`, a rule id
 * `purchase‑path` with a NON-BREAKING HYPHEN, a name with a NO-BREAK SPACE. Each reads as the
 * plain text and is a different string, so `getEventsForPattern('view')` finds nothing and
 * `event_type == 'vіew'` never matches real data. Finds them and names the ASCII character each
 * passes for, so the validator can warn and a quick fix can put the ASCII one back. Pure.
 *
 * Three kinds: space-likes other than U+0020 and dash look-alikes, wherever they are; and
 * Cyrillic or Greek letters drawn like Latin ones, only in a word (a run without white space)
 * that also holds Latin letters: a word wholly in Cyrillic or Greek is legitimately written in
 * that script, and `Москва Moscow` is two words, each in one script.
 */

/** A space-like, a dash look-alike, or a Cyrillic/Greek letter in a Latin word. */
export type LookAlikeKind = "space" | "dash" | "letter";

/** One look-alike character found in a text. */
export interface LookAlike {
  /** UTF-16 index of the character in the text. */
  readonly index: number;
  /** 1-based position counted in characters (code points), as a person counts them. */
  readonly position: number;
  /** The character itself. */
  readonly char: string;
  /** `U+0456`. */
  readonly code: string;
  /** Its Unicode name. */
  readonly name: string;
  /** The ASCII character it passes for. */
  readonly looksLike: string;
  readonly kind: LookAlikeKind;
}

type Twin = readonly [name: string, looksLike: string];

/** Space-likes other than U+0020 (Unicode's Zs, less the ones with no width) and dash look-alikes. */
const SPACES_AND_DASHES: ReadonlyMap<number, Twin> = new Map<number, Twin>([
  [0x00a0, ["NO-BREAK SPACE", " "]],
  [0x1680, ["OGHAM SPACE MARK", " "]],
  [0x2000, ["EN QUAD", " "]],
  [0x2001, ["EM QUAD", " "]],
  [0x2002, ["EN SPACE", " "]],
  [0x2003, ["EM SPACE", " "]],
  [0x2004, ["THREE-PER-EM SPACE", " "]],
  [0x2005, ["FOUR-PER-EM SPACE", " "]],
  [0x2006, ["SIX-PER-EM SPACE", " "]],
  [0x2007, ["FIGURE SPACE", " "]],
  [0x2008, ["PUNCTUATION SPACE", " "]],
  [0x2009, ["THIN SPACE", " "]],
  [0x200a, ["HAIR SPACE", " "]],
  [0x202f, ["NARROW NO-BREAK SPACE", " "]],
  [0x205f, ["MEDIUM MATHEMATICAL SPACE", " "]],
  [0x3000, ["IDEOGRAPHIC SPACE", " "]],
  [0x2010, ["HYPHEN", "-"]],
  [0x2011, ["NON-BREAKING HYPHEN", "-"]],
  [0x2012, ["FIGURE DASH", "-"]],
  [0x2013, ["EN DASH", "-"]],
  [0x2212, ["MINUS SIGN", "-"]],
  [0xfe63, ["SMALL HYPHEN-MINUS", "-"]],
  [0xff0d, ["FULLWIDTH HYPHEN-MINUS", "-"]],
]);

/**
 * Cyrillic and Greek letters that common UI fonts draw like a Latin letter (a compact subset of
 * UTS #39's confusables, letters only). Cyrillic в к м н т are drawn as small capitals: in a
 * lowercase Latin word they read as b k m h t.
 */
const LETTERS: ReadonlyMap<number, Twin> = new Map<number, Twin>([
  // Cyrillic capitals
  [0x0405, ["CYRILLIC CAPITAL LETTER DZE", "S"]],
  [0x0406, ["CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I", "I"]],
  [0x0408, ["CYRILLIC CAPITAL LETTER JE", "J"]],
  [0x0410, ["CYRILLIC CAPITAL LETTER A", "A"]],
  [0x0412, ["CYRILLIC CAPITAL LETTER VE", "B"]],
  [0x0415, ["CYRILLIC CAPITAL LETTER IE", "E"]],
  [0x041a, ["CYRILLIC CAPITAL LETTER KA", "K"]],
  [0x041c, ["CYRILLIC CAPITAL LETTER EM", "M"]],
  [0x041d, ["CYRILLIC CAPITAL LETTER EN", "H"]],
  [0x041e, ["CYRILLIC CAPITAL LETTER O", "O"]],
  [0x0420, ["CYRILLIC CAPITAL LETTER ER", "P"]],
  [0x0421, ["CYRILLIC CAPITAL LETTER ES", "C"]],
  [0x0422, ["CYRILLIC CAPITAL LETTER TE", "T"]],
  [0x0423, ["CYRILLIC CAPITAL LETTER U", "Y"]],
  [0x0425, ["CYRILLIC CAPITAL LETTER HA", "X"]],
  [0x04ae, ["CYRILLIC CAPITAL LETTER STRAIGHT U", "Y"]],
  [0x04ba, ["CYRILLIC CAPITAL LETTER SHHA", "H"]],
  [0x04c0, ["CYRILLIC LETTER PALOCHKA", "I"]],
  [0x0500, ["CYRILLIC CAPITAL LETTER KOMI DE", "D"]],
  [0x051a, ["CYRILLIC CAPITAL LETTER QA", "Q"]],
  [0x051c, ["CYRILLIC CAPITAL LETTER WE", "W"]],
  // Cyrillic small letters
  [0x0430, ["CYRILLIC SMALL LETTER A", "a"]],
  [0x0432, ["CYRILLIC SMALL LETTER VE", "b"]],
  [0x0435, ["CYRILLIC SMALL LETTER IE", "e"]],
  [0x043a, ["CYRILLIC SMALL LETTER KA", "k"]],
  [0x043c, ["CYRILLIC SMALL LETTER EM", "m"]],
  [0x043d, ["CYRILLIC SMALL LETTER EN", "h"]],
  [0x043e, ["CYRILLIC SMALL LETTER O", "o"]],
  [0x0440, ["CYRILLIC SMALL LETTER ER", "p"]],
  [0x0441, ["CYRILLIC SMALL LETTER ES", "c"]],
  [0x0442, ["CYRILLIC SMALL LETTER TE", "t"]],
  [0x0443, ["CYRILLIC SMALL LETTER U", "y"]],
  [0x0445, ["CYRILLIC SMALL LETTER HA", "x"]],
  [0x0455, ["CYRILLIC SMALL LETTER DZE", "s"]],
  [0x0456, ["CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", "i"]],
  [0x0458, ["CYRILLIC SMALL LETTER JE", "j"]],
  [0x04af, ["CYRILLIC SMALL LETTER STRAIGHT U", "y"]],
  [0x04bb, ["CYRILLIC SMALL LETTER SHHA", "h"]],
  [0x04cf, ["CYRILLIC SMALL LETTER PALOCHKA", "l"]],
  [0x0501, ["CYRILLIC SMALL LETTER KOMI DE", "d"]],
  [0x051b, ["CYRILLIC SMALL LETTER QA", "q"]],
  [0x051d, ["CYRILLIC SMALL LETTER WE", "w"]],
  // Greek capitals
  [0x0391, ["GREEK CAPITAL LETTER ALPHA", "A"]],
  [0x0392, ["GREEK CAPITAL LETTER BETA", "B"]],
  [0x0395, ["GREEK CAPITAL LETTER EPSILON", "E"]],
  [0x0396, ["GREEK CAPITAL LETTER ZETA", "Z"]],
  [0x0397, ["GREEK CAPITAL LETTER ETA", "H"]],
  [0x0399, ["GREEK CAPITAL LETTER IOTA", "I"]],
  [0x039a, ["GREEK CAPITAL LETTER KAPPA", "K"]],
  [0x039c, ["GREEK CAPITAL LETTER MU", "M"]],
  [0x039d, ["GREEK CAPITAL LETTER NU", "N"]],
  [0x039f, ["GREEK CAPITAL LETTER OMICRON", "O"]],
  [0x03a1, ["GREEK CAPITAL LETTER RHO", "P"]],
  [0x03a4, ["GREEK CAPITAL LETTER TAU", "T"]],
  [0x03a5, ["GREEK CAPITAL LETTER UPSILON", "Y"]],
  [0x03a7, ["GREEK CAPITAL LETTER CHI", "X"]],
  [0x037f, ["GREEK CAPITAL LETTER YOT", "J"]],
  // Greek small letters
  [0x03b1, ["GREEK SMALL LETTER ALPHA", "a"]],
  [0x03b3, ["GREEK SMALL LETTER GAMMA", "y"]],
  [0x03b9, ["GREEK SMALL LETTER IOTA", "i"]],
  [0x03ba, ["GREEK SMALL LETTER KAPPA", "k"]],
  [0x03bd, ["GREEK SMALL LETTER NU", "v"]],
  [0x03bf, ["GREEK SMALL LETTER OMICRON", "o"]],
  [0x03c1, ["GREEK SMALL LETTER RHO", "p"]],
  [0x03c5, ["GREEK SMALL LETTER UPSILON", "u"]],
  [0x03c7, ["GREEK SMALL LETTER CHI", "x"]],
  [0x03f2, ["GREEK LUNATE SIGMA SYMBOL", "c"]],
  [0x03f3, ["GREEK LETTER YOT", "j"]],
]);

/** Any character outside ASCII: text without one has no look-alike (the common case, kept fast). */
const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/u;
/** A word: a run without white space (NO-BREAK SPACE and the other space-likes are white space to `\s`). */
const WORD = /\S+/gu;

/** The look-alikes of `text`, in order; `[]` for text that is what it looks like. */
export function findLookAlikes(text: string): LookAlike[] {
  if (!NON_ASCII.test(text)) return [];
  const latinWords = latinWordSpans(text);
  const found: LookAlike[] = [];
  let word = 0;
  let index = 0;
  let position = 0;
  for (const char of text) {
    position++;
    const cp = char.codePointAt(0) ?? 0;
    const spaceOrDash = SPACES_AND_DASHES.get(cp);
    if (spaceOrDash !== undefined) {
      found.push(lookAlike(char, index, position, spaceOrDash, spaceOrDash[1] === " " ? "space" : "dash"));
    } else {
      const letter = LETTERS.get(cp);
      while (word < latinWords.length && (latinWords[word]?.end ?? 0) <= index) word++;
      const span = latinWords[word];
      if (letter !== undefined && span !== undefined && span.start <= index) {
        found.push(lookAlike(char, index, position, letter, "letter"));
      }
    }
    index += char.length;
  }
  return found;
}

/**
 * `text` with each look-alike replaced by the ASCII character it passes for: what its author
 * most likely meant to type. Every character stays in place, so positions do not move.
 */
export function withoutLookAlikes(text: string): string {
  let out = "";
  let from = 0;
  for (const found of findLookAlikes(text)) {
    out += text.slice(from, found.index) + found.looksLike;
    from = found.index + found.char.length;
  }
  return out + text.slice(from);
}

/**
 * The space-like or dash look-alike `char` (name and the ASCII character it passes for), or
 * undefined: displays mark these wherever they are, as they read as something they are not.
 */
export function spaceOrDashLookAlike(
  char: string,
): { readonly name: string; readonly looksLike: string } | undefined {
  const twin = SPACES_AND_DASHES.get(char.codePointAt(0) ?? -1);
  return twin && { name: twin[0], looksLike: twin[1] };
}

/** Every space-like and dash look-alike, as a regular expression character class. */
export const SPACE_OR_DASH_LOOK_ALIKE = new RegExp(
  `[${[...SPACES_AND_DASHES.keys()].map((cp) => `\\u{${cp.toString(16)}}`).join("")}]`,
  "u",
);

/** `U+0456`: the code point as Unicode writes it. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The UTF-16 spans of the words of `text` that hold a Latin letter, in order. */
function latinWordSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(WORD)) {
    if (LATIN_LETTER.test(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function lookAlike(
  char: string,
  index: number,
  position: number,
  twin: Twin,
  kind: LookAlikeKind,
): LookAlike {
  const code = codePointLabel(char.codePointAt(0) ?? 0);
  return { index, position, char, code, name: twin[0], looksLike: twin[1], kind };
}
