import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findLookAlikes, spaceOrDashLookAlike, withoutLookAlikes } from "./lookAlikeCharacters.ts";

/** Text heavy in look-alikes, their ASCII twins, other scripts, white space and surrogate pairs. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "\u0456",
        "\u0430",
        "\u0435",
        "\u041c",
        "\u03bf",
        "\u0391",
        "\u0434",
        "\u03bb",
        "\u00a0",
        "\u2011",
        "\u2013",
        "\u2212",
        "\u3000",
        "\u202f",
        " ",
        "\t",
        "-",
        "_",
        "view",
        "é",
        "Москва",
        "😀",
        "\u200b",
      ),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((chunks) => chunks.join(""));

describe("findLookAlikes", () => {
  it("names a Cyrillic letter in a Latin word with its position and the Latin letter it passes for", () => {
    expect(findLookAlikes("v\u0456ew")).toEqual([
      {
        index: 1,
        position: 2,
        char: "\u0456",
        code: "U+0456",
        name: "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
        looksLike: "i",
        kind: "letter",
      },
    ]);
  });

  it("finds space-likes and dash look-alikes anywhere, each with its ASCII twin", () => {
    const found = findLookAlikes("purchase\u2011path\u00a0\u0434\u2212\u3000");
    expect(
      found.map(({ position, code, name, looksLike, kind }) => ({ position, code, name, looksLike, kind })),
    ).toEqual([
      { position: 9, code: "U+2011", name: "NON-BREAKING HYPHEN", looksLike: "-", kind: "dash" },
      { position: 14, code: "U+00A0", name: "NO-BREAK SPACE", looksLike: " ", kind: "space" },
      { position: 16, code: "U+2212", name: "MINUS SIGN", looksLike: "-", kind: "dash" },
      { position: 17, code: "U+3000", name: "IDEOGRAPHIC SPACE", looksLike: " ", kind: "space" },
    ]);
  });

  it("finds Greek capitals and small letters in Latin words, and counts positions in characters", () => {
    const found = findLookAlikes("😀 \u039f\u03bdE");
    expect(found.map((f) => [f.position, f.code, f.looksLike])).toEqual([
      [3, "U+039F", "O"],
      [4, "U+03BD", "v"],
    ]);
  });

  it("leaves words wholly in Cyrillic or Greek alone, next to Latin words too", () => {
    expect(findLookAlikes("просмотр")).toEqual([]);
    expect(findLookAlikes("Москва Moscow")).toEqual([]);
    expect(findLookAlikes("ορος")).toEqual([]);
    expect(findLookAlikes("M\u043esc\u043ew").map((f) => f.position)).toEqual([2, 5]);
    // An underscore or a dash joins a word: a Cyrillic letter after it is in the Latin word.
    expect(findLookAlikes("stage_\u0430").map((f) => f.looksLike)).toEqual(["a"]);
  });

  it("leaves plain text, accented Latin and other look-free scripts alone", () => {
    for (const text of ["view", "purchase-path", "a b", "café_crème", "日本語", "שלב", "—…", ""]) {
      expect(findLookAlikes(text)).toEqual([]);
    }
  });
});

describe("withoutLookAlikes", () => {
  it("puts the ASCII twin in place of each look-alike", () => {
    expect(withoutLookAlikes("v\u0456ew")).toBe("view");
    expect(withoutLookAlikes("purchase\u2011path\u00a0x")).toBe("purchase-path x");
    expect(withoutLookAlikes("\u0420\u0430y \u041c\u043esc\u043ew")).toBe("Pay Moscow");
    expect(withoutLookAlikes("Москва")).toBe("Москва");
  });
});

describe("spaceOrDashLookAlike", () => {
  it("names a space or dash look-alike and nothing else", () => {
    expect(spaceOrDashLookAlike("\u202f")).toEqual({ name: "NARROW NO-BREAK SPACE", looksLike: " " });
    expect(spaceOrDashLookAlike("\uff0d")).toEqual({ name: "FULLWIDTH HYPHEN-MINUS", looksLike: "-" });
    expect(spaceOrDashLookAlike("-")).toBeUndefined();
    expect(spaceOrDashLookAlike("\u0456")).toBeUndefined();
  });
});

describe("properties", () => {
  it("ASCII-only text never has a look-alike", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          expect(findLookAlikes(text)).toEqual([]);
          expect(withoutLookAlikes(text)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("replacing the look-alikes leaves none, keeps every other character in place, and is idempotent", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const found = findLookAlikes(text);
        const fixed = withoutLookAlikes(text);
        expect(findLookAlikes(fixed)).toEqual([]);
        expect(withoutLookAlikes(fixed)).toBe(fixed);
        const before = Array.from(text);
        const after = Array.from(fixed);
        expect(after).toHaveLength(before.length);
        const replaced = new Map(found.map((f) => [f.position, f.looksLike]));
        before.forEach((char, i) => {
          expect(after[i]).toBe(replaced.get(i + 1) ?? char);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("each finding is the character at its index and position, and passes for a printable ASCII one", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const chars = Array.from(text);
        for (const f of findLookAlikes(text)) {
          expect(text.slice(f.index, f.index + f.char.length)).toBe(f.char);
          expect(chars[f.position - 1]).toBe(f.char);
          expect(f.looksLike).toMatch(/^[ -~]$/u);
          expect(f.code).toBe(
            `U+${(f.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
