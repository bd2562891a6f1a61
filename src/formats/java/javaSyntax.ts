/**
 * Java source text for names, strings and time spans, written so that any rule content (quotes,
 * backslashes, line breaks, non-ASCII stage names) yields a literal that compiles to the same
 * string. Java translates `\uXXXX` escapes before it tokenises, so `"` and `\` are never written
 * as unicode escapes and line breaks never appear raw.
 */
import type { Duration, TimeUnit } from "../../model/duration.ts";

/** Flink versions the Java exporter writes for: `Duration` overloads (1.19+) or `Time` ones (VVR 6 / Flink 1.15). */
export type JavaTarget = "flink-1.19" | "vvr-1.15";

const JAVA_RESERVED = new Set(
  (
    "abstract assert boolean break byte case catch char class const continue default do double else enum " +
    "extends final finally float for goto if implements import instanceof int interface long native new " +
    "package private protected public return short static strictfp super switch synchronized this throw " +
    "throws transient try void volatile while true false null _ var yield record sealed permits"
  ).split(" "),
);

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** True when `name` can be a Java identifier (not a keyword or restricted name). */
export function isJavaIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !JAVA_RESERVED.has(name);
}

/**
 * The source spelling of a class given by its binary name (`com.x.Outer$Inner` → `com.x.Outer.Inner`),
 * or null when some part is not an identifier (an anonymous class `Outer$1`, a typo, an injection attempt).
 */
export function javaClassReference(binaryName: string): string | null {
  const segments = binaryName.split(/[.$]/);
  return segments.every(isJavaIdentifier) ? segments.join(".") : null;
}

/** A Java string literal (with quotes) that denotes exactly `value`. */
export function javaString(value: string): string {
  let out = '"';
  for (const char of value) {
    out += escapeChar(char);
  }
  return out + '"';
}

function escapeChar(char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case "\b":
      return "\\b";
    case "\f":
      return "\\f";
  }
  const code = char.codePointAt(0) ?? 0;
  // Three-digit octal so a following digit can never extend the escape.
  if (code < 0x20 || code === 0x7f) return "\\" + code.toString(8).padStart(3, "0");
  if (code < 0x7f) return char;
  // Non-ASCII as UTF-16 unicode escapes: the file stays ASCII whatever encoding javac assumes.
  let escaped = "";
  for (let i = 0; i < char.length; i++) {
    escaped += "\\u" + char.charCodeAt(i).toString(16).padStart(4, "0");
  }
  return escaped;
}

/** A Java integer literal for a count or a time size; `L` when it does not fit an int. */
export function javaInteger(value: number): string {
  return value > 2_147_483_647 || value < -2_147_483_648 ? `${value}L` : String(value);
}

const DURATION_FACTORY: Readonly<Partial<Record<TimeUnit, string>>> = {
  NANOSECONDS: "ofNanos",
  MILLISECONDS: "ofMillis",
  SECONDS: "ofSeconds",
  MINUTES: "ofMinutes",
  HOURS: "ofHours",
  DAYS: "ofDays",
};

const TIME_FACTORY: Readonly<Partial<Record<TimeUnit, string>>> = {
  MILLISECONDS: "milliseconds",
  SECONDS: "seconds",
  MINUTES: "minutes",
  HOURS: "hours",
  DAYS: "days",
};

/** A time-span expression plus the imports it needs. */
export interface JavaTimeExpression {
  readonly code: string;
  readonly imports: readonly string[];
}

/**
 * `Duration.ofMinutes(5)` for Flink 1.19+, `Time.minutes(5)` for the `Time`-based API of
 * VVR 6 / Flink 1.15 (`Time.of(n, TimeUnit.X)` for units `Time` has no factory for).
 */
export function javaTime(duration: Duration, target: JavaTarget): JavaTimeExpression {
  const size = javaInteger(duration.size);
  if (target === "flink-1.19") {
    const factory = DURATION_FACTORY[duration.unit];
    if (factory) return { code: `Duration.${factory}(${size})`, imports: ["java.time.Duration"] };
    return {
      code: `Duration.of(${size}, ChronoUnit.MICROS)`,
      imports: ["java.time.Duration", "java.time.temporal.ChronoUnit"],
    };
  }
  const factory = TIME_FACTORY[duration.unit];
  const timeImport = "org.apache.flink.streaming.api.windowing.time.Time";
  if (factory) return { code: `Time.${factory}(${size})`, imports: [timeImport] };
  return {
    code: `Time.of(${size}, TimeUnit.${duration.unit})`,
    imports: [timeImport, "java.util.concurrent.TimeUnit"],
  };
}
