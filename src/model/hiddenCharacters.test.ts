import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findHiddenCharacters,
  hiddenCharacterTitle,
  revealHiddenCharacters,
  withoutHiddenCharacters,
  splitHiddenCharacters,
  type TextPart,
} from "./hiddenCharacters.ts";

/** Every bidi control the Trojan Source paper names, plus the implicit marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Text heavy in the characters that matter: hidden ones, surrogate pairs, RTL letters, markers' brackets. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "\u202e",
        "\u2066",
        "\u2069",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u00ad",
        "\u061c",
        "\t",
        "\u0007",
        "\u{e0041}",
        "\u{e0100}",
        "😀",
        "א",
        "ش",
        "\u0600",
        "\ufe0f",
        "\u00a0",
        "\u2011",
        "U+",
      ),
      fc.string({ unit: "binary", maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((chunks) => chunks.join(""));

function joined(parts: readonly TextPart[]): string {
  return parts.map((p) => (p.type === "text" ? p.text : p.hidden.char)).join("");
}

/** Reads markers back into the characters they stand for. */
function unreveal(text: string): string {
  return text.replace(/⟨U\+([0-9A-F]{4,6})⟩/gu, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe("findHiddenCharacters", () => {
  it("names bidi controls and invisible characters with their 1-based character position", () => {
    const found = findHiddenCharacters("ab\u202ecd\u200b");
    expect(
      found.map(({ index, position, code, name, kind }) => ({ index, position, code, name, kind })),
    ).toEqual([
      { index: 2, position: 3, code: "U+202E", name: "RIGHT-TO-LEFT OVERRIDE", kind: "bidi" },
      { index: 5, position: 6, code: "U+200B", name: "ZERO WIDTH SPACE", kind: "invisible" },
    ]);
  });

  it("counts positions in characters, not UTF-16 units", () => {
    const [hidden] = findHiddenCharacters("😀😀\u2067");
    expect(hidden).toMatchObject({ index: 4, position: 3, code: "U+2067", name: "RIGHT-TO-LEFT ISOLATE" });
    const [tag] = findHiddenCharacters("x\u{e0041}");
    expect(tag).toMatchObject({ index: 1, position: 2, code: "U+E0041", char: "\u{e0041}" });
  });

  it("finds every character of the Trojan Source list and the common invisible ones", () => {
    const bidi = [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ];
    const invisible = [
      0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x2062, 0x180e, 0x3164, 0x0000, 0x001b,
    ];
    for (const cp of bidi) expect(findHiddenCharacters(String.fromCodePoint(cp))[0]?.kind).toBe("bidi");
    for (const cp of invisible)
      expect(findHiddenCharacters(String.fromCodePoint(cp))[0]?.kind).toBe("invisible");
  });

  it("leaves visible text alone: any script, emoji with their presentation selector, number signs, white space", () => {
    for (const text of [
      "cart_view",
      "שלום",
      "عربى",
      "❤️",
      "日本語",
      "\u0600\u0661",
      "a b",
      "—…",
      "a\tb\r\nc",
    ]) {
      expect(findHiddenCharacters(text)).toEqual([]);
    }
  });
});

describe("space and dash look-alikes", () => {
  it("are found and marked like hidden characters, named, as kind lookalike", () => {
    const found = findHiddenCharacters("a\u00a0b\u2011c\u2013d");
    expect(
      found.map(({ index, position, code, name, kind }) => ({ index, position, code, name, kind })),
    ).toEqual([
      { index: 1, position: 2, code: "U+00A0", name: "NO-BREAK SPACE", kind: "lookalike" },
      { index: 3, position: 4, code: "U+2011", name: "NON-BREAKING HYPHEN", kind: "lookalike" },
      { index: 5, position: 6, code: "U+2013", name: "EN DASH", kind: "lookalike" },
    ]);
    expect(revealHiddenCharacters("purchase\u2011path\u3000x")).toBe("purchase⟨U+2011⟩path⟨U+3000⟩x");
  });

  it("have a tooltip saying what they pass for", () => {
    const [nbsp, hyphen] = findHiddenCharacters("\u00a0\u2212");
    if (nbsp === undefined || hyphen === undefined) throw new Error("not found");
    expect(hiddenCharacterTitle(nbsp)).toBe(
      "U+00A0 NO-BREAK SPACE: it looks like a space but is another character",
    );
    expect(hiddenCharacterTitle(hyphen)).toBe(
      "U+2212 MINUS SIGN: it looks like '-' but is another character",
    );
  });

  it("stay in the text without hidden characters: they stand for a character", () => {
    expect(withoutHiddenCharacters("a\u00a0b\u200b\u2011c")).toBe("a\u00a0b\u2011c");
  });

  it("letters that look Latin are no hidden characters: they show as what they are", () => {
    expect(findHiddenCharacters("v\u0456ew")).toEqual([]);
  });
});

describe("withoutHiddenCharacters", () => {
  it("keeps only what reads: the text a name's author most likely meant", () => {
    expect(withoutHiddenCharacters("first_\u202eview\u200b")).toBe("first_view");
    expect(withoutHiddenCharacters("שלב ❤️ a\tb")).toBe("שלב ❤️ a\tb");
    expect(withoutHiddenCharacters("\u200b\u2060")).toBe("");
  });
});

describe("splitHiddenCharacters and revealHiddenCharacters", () => {
  it("marks each hidden character and keeps the text between", () => {
    expect(revealHiddenCharacters("pay\u202emoc.exe\u200b")).toBe("pay⟨U+202E⟩moc.exe⟨U+200B⟩");
    expect(revealHiddenCharacters("plain")).toBe("plain");
    expect(revealHiddenCharacters("")).toBe("");
  });

  it("titles a marker with the character's name and what it does", () => {
    const [rlo] = findHiddenCharacters("\u202e");
    const [zwsp] = findHiddenCharacters("\u200b");
    if (rlo === undefined || zwsp === undefined) throw new Error("not found");
    expect(hiddenCharacterTitle(rlo)).toMatch(/^U\+202E RIGHT-TO-LEFT OVERRIDE: a bidirectional control/);
    expect(hiddenCharacterTitle(zwsp)).toBe("U+200B ZERO WIDTH SPACE: an invisible character");
  });

  it("property: the parts give back the text exactly, and no plain run holds a hidden character", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const parts = splitHiddenCharacters(text);
        expect(joined(parts)).toBe(text);
        for (const part of parts) {
          if (part.type === "text") {
            expect(part.text).not.toBe("");
            expect(findHiddenCharacters(part.text)).toEqual([]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: revealed text holds no bidi control nor any hidden character", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const shown = revealHiddenCharacters(text);
        expect(shown).not.toMatch(BIDI);
        expect(findHiddenCharacters(shown)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("property: revealed text keeps every character (markers read back to the text)", () => {
    fc.assert(
      fc.property(
        trickyText.filter((text) => !text.includes("⟨")),
        (text) => {
          expect(unreveal(revealHiddenCharacters(text))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: finds what a one-by-one scan of the characters finds", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const positions: number[] = [];
        let position = 0;
        for (const char of text) {
          position++;
          if (findHiddenCharacters(char).length === 1) positions.push(position);
        }
        expect(findHiddenCharacters(text).map((h) => h.position)).toEqual(positions);
      }),
      { numRuns: 300 },
    );
  });
});
