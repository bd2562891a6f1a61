import { describe, expect, it } from "vitest";
import { isJavaIdentifier, javaClassReference, javaInteger, javaString } from "./javaSyntax.ts";

describe("javaString", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["a\nb\rc\td", '"a\\nb\\rc\\td"'],
    ["\b\f", '"\\b\\f"'],
    // Three-digit octal so the following digit is not swallowed.
    ["\u00001", '"\\0001"'],
    ["\u001b[0m\u007f", '"\\033[0m\\177"'],
    ["caf\u00e9", '"caf\\u00e9"'],
    ["\u{1F600}", '"\\ud83d\\ude00"'],
    // A literal backslash-u in the input must not become a unicode escape in the source.
    ["\\u0022", '"\\\\u0022"'],
    ["\u2028", '"\\u2028"'],
  ])("%j", (input, expected) => {
    expect(javaString(input)).toBe(expected);
  });
});

describe("Java names", () => {
  it("accepts identifiers and rejects keywords", () => {
    expect(isJavaIdentifier("Event")).toBe(true);
    expect(isJavaIdentifier("événement")).toBe(true);
    expect(isJavaIdentifier("$x_1")).toBe(true);
    expect(isJavaIdentifier("class")).toBe(false);
    expect(isJavaIdentifier("record")).toBe(false);
    expect(isJavaIdentifier("1x")).toBe(false);
    expect(isJavaIdentifier("a-b")).toBe(false);
    expect(isJavaIdentifier("")).toBe(false);
  });

  it("turns binary class names into source references", () => {
    expect(javaClassReference("com.x.Foo")).toBe("com.x.Foo");
    expect(javaClassReference("com.x.Outer$Inner")).toBe("com.x.Outer.Inner");
    expect(javaClassReference("com.x.Outer$1")).toBeNull();
    expect(javaClassReference("com..Foo")).toBeNull();
    expect(javaClassReference("com.x.Foo()")).toBeNull();
  });

  it("writes long literals past int range", () => {
    expect(javaInteger(2_147_483_647)).toBe("2147483647");
    expect(javaInteger(2_147_483_648)).toBe("2147483648L");
  });
});
