/**
 * `Quantifier.Times` and time spans: what `Pattern.times(from, to)` / `timesOrMore(from)` and
 * the `Times` constructor throw, as dynamic CEP's `NodeSpec.toPattern` calls them (always the
 * two-argument `times`, and only when `times` is not null).
 */
import type { Duration } from "./duration.ts";
import type { Quantifier } from "./pattern.ts";
import type { Findings } from "./patternFindings.ts";
import { quantifierKind } from "./quantifier.ts";

/** `Quantifier.Times` holds Java ints. */
const JAVA_INT_MIN = -2_147_483_648;
const JAVA_INT_MAX = 2_147_483_647;

/** Checks the `times` of `q` (at `qPath`), in the order Flink's calls check them. */
export function checkTimes(q: Quantifier, stage: string, qPath: string, findings: Findings): void {
  const kind = quantifierKind(q);
  const times = q.times;
  const tPath = `${qPath}.times`;
  if (!times) {
    if (kind !== "SINGLE") {
      const example = kind === "LOOPING" ? "oneOrMore() is {from: 1, to: 1}" : "times(3) is {from: 3, to: 3}";
      findings.error(
        stage,
        tPath,
        `${kind} needs times {from, to} (${example}); without it Ververica's reader silently builds a SINGLE stage`,
      );
    }
    return;
  }
  if (kind === "SINGLE") {
    findings.warning(stage, tPath, "times is ignored for a SINGLE stage");
    return;
  }
  let whole = true;
  for (const key of ["from", "to"] as const) {
    const value = times[key];
    if (!Number.isInteger(value) || value < JAVA_INT_MIN || value > JAVA_INT_MAX) {
      findings.error(
        stage,
        `${tPath}.${key}`,
        `times.${key} must be a Java int (a whole number), got ${value}`,
      );
      whole = false;
    }
  }
  if (times.windowTime) {
    checkDuration(times.windowTime, stage, `${tPath}.windowTime`, findings);
    if (kind === "TIMES") {
      findings.warning(
        stage,
        `${tPath}.windowTime`,
        "Ververica's JSON reader drops times.windowTime on a TIMES stage (it applies it only to LOOPING)",
      );
    }
  }
  if (whole) checkBounds(q, kind, stage, tPath, findings);
}

/** The `Times` constructor's two checks, after `times(0, n)` has become optional `times(1, n)`. */
function checkBounds(
  q: Quantifier,
  kind: "LOOPING" | "TIMES",
  stage: string,
  tPath: string,
  findings: Findings,
): void {
  const times = q.times;
  if (!times) return;
  const fromMessage = "The from should be a positive number greater than 0.";
  if (kind === "LOOPING") {
    if (times.from < 1) {
      findings.error(stage, `${tPath}.from`, fromMessage);
    } else if (times.to !== times.from) {
      findings.warning(
        stage,
        `${tPath}.to`,
        `times.to (${times.to}) is ignored for LOOPING: timesOrMore(${times.from}) has no upper bound`,
      );
    }
    return;
  }
  // Pattern.times(0, to) makes the stage optional and counts from 1; the OPTIONAL property then
  // calls optional() a second time.
  if (times.from === 0 && q.properties.includes("OPTIONAL")) {
    findings.error(
      stage,
      `${tPath}.from`,
      "Optional already applied! times.from 0 already makes the stage optional (times(0, n) is OPTIONAL with from 1)",
    );
  }
  if (times.from < 0) {
    findings.error(stage, `${tPath}.from`, fromMessage);
    return;
  }
  const from = Math.max(times.from, 1);
  if (times.to < from) {
    findings.error(stage, `${tPath}.to`, `The to should be a number greater than or equal to from: ${from}.`);
  }
}

/**
 * A time span's size must be a whole, non-negative number of its unit. Flink itself takes a
 * negative `within()` (every partial match would expire at the next event); CEP Studio refuses it
 * as a mistake rather than run it.
 */
export function checkDuration(
  duration: Duration,
  stage: string | null,
  path: string,
  findings: Findings,
): void {
  if (!Number.isSafeInteger(duration.size) || duration.size < 0) {
    findings.error(stage, `${path}.size`, `a time size must be a whole number ≥ 0, got ${duration.size}`);
  }
}
