/**
 * Flink SQL spelling: identifiers (backticks when not plain), string literals (`''` doubling) and
 * the constant intervals `WITHIN` accepts (Flink needs millisecond resolution; Calcite's default
 * leading precision is 2 digits, so larger values carry an explicit precision).
 */
import { SQL_RESERVED_WORDS } from "./sqlKeywords.ts";

const PLAIN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `name` as a Flink SQL identifier: as is when plain and not reserved, otherwise in backticks. */
export function sqlIdentifier(name: string): string {
  if (PLAIN.test(name) && !SQL_RESERVED_WORDS.has(name.toUpperCase())) return name;
  return "`" + name.replaceAll("`", "``") + "`";
}

/** A dotted path (`catalog.db.table`, `data.productId`), each part quoted on its own. */
export function sqlPath(path: string): string {
  return path.split(".").map(sqlIdentifier).join(".");
}

/** A SQL string literal denoting exactly `value`. Backslashes are not special in Flink SQL strings. */
export function sqlString(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}

const UNITS = [
  ["DAY", 86_400_000],
  ["HOUR", 3_600_000],
  ["MINUTE", 60_000],
  ["SECOND", 1_000],
] as const;

/** `INTERVAL '5' MINUTE`, `INTERVAL '100' DAY(3)`, `INTERVAL '1.500' SECOND` for a span in milliseconds. */
export function sqlInterval(millis: number): string {
  for (const [unit, per] of UNITS) {
    if (millis > 0 && millis % per === 0) {
      const value = String(millis / per);
      return `INTERVAL '${value}' ${unit}${value.length > 2 ? `(${value.length})` : ""}`;
    }
  }
  const seconds = Math.trunc(millis / 1000);
  const fraction = String(millis % 1000).padStart(3, "0");
  const digits = String(seconds).length;
  return `INTERVAL '${seconds}.${fraction}' SECOND${digits > 2 ? `(${digits}, 3)` : ""}`;
}
