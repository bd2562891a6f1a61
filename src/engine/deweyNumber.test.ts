import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addStage,
  createDeweyNumber,
  deweyFromString,
  deweyLength,
  getRun,
  increase,
  isCompatibleWith,
} from "./deweyNumber.ts";

/** Flink's array algorithm, as the reference for the string representation. */
function referenceCompatible(a: number[], b: number[]): boolean {
  if (a.length > b.length) return b.every((d, i) => a[i] === d);
  if (a.length === b.length) {
    const last = a.length - 1;
    return a.slice(0, last).every((d, i) => b[i] === d) && (a[last] as number) >= (b[last] as number);
  }
  return false;
}

// Properties of the string representation, checked against Flink's array algorithm (Flink's own
// DeweyNumberTest is ported in flink/DeweyNumberTest.test.ts).
describe("DeweyNumber", () => {
  it("compatibility needs an equal-length number with a larger-or-equal last digit", () => {
    expect(isCompatibleWith("1.0.2", "1.0.1")).toBe(true);
    expect(isCompatibleWith("1.0.1", "1.0.1")).toBe(true);
    expect(isCompatibleWith("1.0.0", "1.0.1")).toBe(false);
    expect(isCompatibleWith("1.1.2", "1.0.1")).toBe(false);
    expect(isCompatibleWith("1", "1.0")).toBe(false);
    expect(isCompatibleWith("10.2", "1.2")).toBe(false);
    expect(isCompatibleWith("1.10", "1.9")).toBe(true);
    expect(isCompatibleWith("12.0", "1")).toBe(false);
  });

  it("agrees with Flink's array algorithm", () => {
    const digits = fc.array(fc.nat(30), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(digits, digits, (a, b) => {
        expect(isCompatibleWith(a.join("."), b.join("."))).toBe(referenceCompatible(a, b));
      }),
    );
  });

  it("increase and addStage build new numbers", () => {
    const v = createDeweyNumber(1);
    expect(increase(v, 3)).toBe("4");
    expect(addStage(increase(v, 3))).toBe("4.0");
    expect(increase("4.0.9")).toBe("4.0.10");
    expect(v).toBe("1");
    expect(deweyLength("4.0.10")).toBe(3);
    expect(getRun("12.3")).toBe(12);
    expect(deweyFromString("1.00.12")).toBe("1.0.12");
  });
});
