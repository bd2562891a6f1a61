/**
 * Port of Flink's `org.apache.flink.cep.nfa.DeweyNumber`: the versioning scheme that tells which
 * shared-buffer edges belong to which run.
 *
 * A dewey number is a sequence of digits d1.d2…dn. `v` is compatible with `v'` iff `v'` is a
 * prefix of `v`, or both have the same length, agree on all but the last digit, and `v`'s last
 * digit is greater or equal.
 *
 * Represented by its dotted string (`"1.0.2"`): immutable, plain data, and about a third of the
 * memory of an array — every live run holds two of them. Operations scan characters and never
 * split.
 */

/** Dot-separated digits, e.g. `"1.0.2"`. Never empty. */
export type DeweyNumber = string;

const DOT = 46; // "."
const ZERO = 48; // "0"

/** `new DeweyNumber(start)`. */
export function createDeweyNumber(start: number): DeweyNumber {
  return String(start);
}

/** `DeweyNumber.isCompatibleWith`: true iff `other` is a prefix of `self`, or only a smaller-or-equal last digit differs. */
export function isCompatibleWith(self: DeweyNumber, other: DeweyNumber): boolean {
  if (self === other) return true;
  // Digits are canonical decimals, so "other is a digit-wise prefix of self" is a string prefix
  // that ends where self has a dot.
  const otherLength = other.length;
  if (self.length > otherLength && self.charCodeAt(otherLength) === DOT && self.startsWith(other))
    return true;
  // Otherwise both need the same digits up to the last one: equal text up to the last dot (which
  // also means the same number of digits), and self's last digit at least other's.
  const lastDot = self.lastIndexOf(".");
  if (other.lastIndexOf(".") !== lastDot) return false;
  for (let i = 0; i < lastDot; i++) if (self.charCodeAt(i) !== other.charCodeAt(i)) return false;
  return lastDigit(self, lastDot) >= lastDigit(other, lastDot);
}

/** `DeweyNumber.increase(times)`: the number with its last digit `times` larger. */
export function increase(self: DeweyNumber, times = 1): DeweyNumber {
  if (times === 0) return self;
  const lastDot = self.lastIndexOf(".");
  return self.slice(0, lastDot + 1) + String(lastDigit(self, lastDot) + times);
}

/** `DeweyNumber.addStage()`: the number with a new last digit 0. */
export function addStage(self: DeweyNumber): DeweyNumber {
  return `${self}.0`;
}

/** `DeweyNumber.getRun()`: the first digit. */
export function getRun(self: DeweyNumber): number {
  const dot = self.indexOf(".");
  return Number(dot < 0 ? self : self.slice(0, dot));
}

/** Number of digits (`DeweyNumber.length()`). */
export function deweyLength(self: DeweyNumber): number {
  return countDots(self) + 1;
}

/**
 * `DeweyNumber.fromString("1.0.2")`. Like Java's `split("\\.")` it drops trailing empty parts,
 * so `"."` has no digits at all and is refused, as Flink refuses it; a part that is not a
 * whole number is refused as `Integer.parseInt` refuses it.
 * @throws RangeError when `text` is not a Dewey number
 */
export function deweyFromString(text: string): DeweyNumber {
  const parts = text.split(".");
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length === 0) throw new RangeError(`Failed to parse ${text} as a Dewey number`);
  return parts
    .map((digit) => {
      if (!/^[+-]?\d+$/.test(digit))
        throw new RangeError(`For input string: "${digit}" (in Dewey number ${text})`);
      return String(Number.parseInt(digit, 10));
    })
    .join(".");
}

function lastDigit(self: DeweyNumber, lastDot: number): number {
  let value = 0;
  for (let i = lastDot + 1; i < self.length; i++) value = value * 10 + (self.charCodeAt(i) - ZERO);
  return value;
}

function countDots(self: DeweyNumber): number {
  let dots = 0;
  for (let i = 0; i < self.length; i++) if (self.charCodeAt(i) === DOT) dots++;
  return dots;
}
