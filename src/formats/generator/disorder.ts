/**
 * Out-of-orderness of a generated stream: how long after its timestamp each event arrives.
 * The delays feed {@link ReorderBuffer}, which releases events in arrival order; a delay never
 * exceeds the bound except for the deliberately late events, so Flink's bounded-out-of-orderness
 * watermark with the same bound makes exactly those late.
 */
import { Xoshiro128, type Seed } from "./prng.ts";
import { ReorderBuffer } from "./reorderBuffer.ts";

/**
 * How delays spread over [0, max]: `uniform`, or `exponential` (mean max / 4, cut at max) — most
 * events nearly in order and a thin tail of stragglers, as behind a real message queue.
 */
export type OutOfOrdernessDistribution = "uniform" | "exponential";

/** The disorder knobs, as in `ClickstreamOptions`. */
export interface DisorderOptions {
  readonly seed: Seed;
  readonly maxOutOfOrdernessMs: number;
  readonly outOfOrderness: OutOfOrdernessDistribution;
  readonly lateFraction: number;
  readonly lateDelayMs: number;
}

/** A delay in [0, `max`] ms, a whole number. */
export function drawDelay(random: Xoshiro128, max: number, distribution: OutOfOrdernessDistribution): number {
  if (max === 0) return 0;
  if (distribution === "uniform") return random.nextInt(max + 1);
  // Inverse CDF of the exponential truncated at max: one draw, never beyond the bound.
  const mean = max / 4;
  const u = random.nextFloat();
  return Math.min(max, Math.floor(-mean * Math.log(1 - u * (1 - Math.exp(-max / mean)))));
}

/**
 * `inOrder` in arrival order. A late event arrives `max + lateDelayMs` after its timestamp: by
 * then the stream has moved on past the watermark bound (unless the rate is so low that no
 * other event arrives in between, which the caller's rate makes unlikely).
 */
export function* applyDisorder<T extends { readonly timestamp: number }>(
  inOrder: Iterable<T>,
  options: DisorderOptions,
): Generator<T, void, undefined> {
  const { maxOutOfOrdernessMs, outOfOrderness, lateFraction, lateDelayMs } = options;
  if (maxOutOfOrdernessMs === 0 && lateFraction === 0) {
    yield* inOrder;
    return;
  }
  // A separate random stream, so the events themselves are the same with or without disorder.
  const random = new Xoshiro128(`${String(options.seed)}/disorder`);
  const buffer = new ReorderBuffer<T>();
  for (const item of inOrder) {
    for (let out = buffer.popUpTo(item.timestamp); out !== undefined; out = buffer.popUpTo(item.timestamp)) {
      yield out;
    }
    const delay =
      lateFraction > 0 && random.chance(lateFraction)
        ? maxOutOfOrdernessMs + lateDelayMs
        : drawDelay(random, maxOutOfOrdernessMs, outOfOrderness);
    buffer.push(item, item.timestamp + delay);
  }
  for (let out = buffer.popUpTo(Infinity); out !== undefined; out = buffer.popUpTo(Infinity)) yield out;
}
