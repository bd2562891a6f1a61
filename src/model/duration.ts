/**
 * Time spans as Flink dynamic-CEP JSON writes them (`{"unit":"MINUTES","size":5}`), mirroring
 * `java.util.concurrent.TimeUnit` as read by Ververica's `TimeStdDeserializer`.
 */

/** `java.util.concurrent.TimeUnit` names. */
export const TIME_UNITS = [
  "NANOSECONDS",
  "MICROSECONDS",
  "MILLISECONDS",
  "SECONDS",
  "MINUTES",
  "HOURS",
  "DAYS",
] as const;

export type TimeUnit = (typeof TIME_UNITS)[number];

/** A span of time: `size` whole units. */
export interface Duration {
  readonly unit: TimeUnit;
  readonly size: number;
}

const MILLIS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  NANOSECONDS: 1e-6,
  MICROSECONDS: 1e-3,
  MILLISECONDS: 1,
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/**
 * The span in whole milliseconds, as Flink's `Time.toMilliseconds()` computes it
 * (sub-millisecond units truncate toward zero).
 */
export function durationToMillis(duration: Duration): number {
  return Math.trunc(duration.size * MILLIS_PER_UNIT[duration.unit]);
}

/** The largest unit that expresses `millis` exactly, so exported JSON stays readable. */
export function millisToDuration(millis: number): Duration {
  for (const unit of ["DAYS", "HOURS", "MINUTES", "SECONDS"] as const) {
    const per = MILLIS_PER_UNIT[unit];
    if (millis !== 0 && millis % per === 0) return { unit, size: millis / per };
  }
  return { unit: "MILLISECONDS", size: millis };
}
