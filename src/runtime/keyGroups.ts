/**
 * Which parallel subtask owns a key — a port of Flink's `KeyGroupRangeAssignment`
 * (flink-runtime, org.apache.flink.runtime.state) and the two `MathUtils` routines it uses
 * (`murmurHash(int)`, `roundUpToPowerOfTwo(int)`).
 *
 * Flink never hashes a key straight to a subtask: `keyBy` puts each key into one of
 * `maxParallelism` key groups (`murmurHash(key.hashCode()) % maxParallelism`), and each subtask
 * owns a contiguous range of key groups. That indirection is what lets a job rescale without
 * re-hashing its state, and it is why a simulator must reproduce it exactly: the same key lands on
 * the same subtask as in the real job. All arithmetic here is Java `int` arithmetic (Math.imul,
 * `| 0`, `>>>`), since Java's overflow is part of the result.
 */
import { javaHashCode, type JavaKeyType, type KeyValue } from "./javaHashCode.ts";

/** `KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM` (1 << 7). */
const DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;

/** `KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM` (`Transformation`'s 1 << 15), inclusive. */
export const UPPER_BOUND_MAX_PARALLELISM = 32768;

/**
 * The max parallelism (number of key groups) the runtime uses when none is configured: 128, which
 * is also what Flink derives for any parallelism up to 85 (see {@link computeDefaultMaxParallelism}).
 */
export const DEFAULT_MAX_PARALLELISM = DEFAULT_LOWER_BOUND_MAX_PARALLELISM;

/** A range of key groups, both ends inclusive (Flink's `KeyGroupRange`). */
export interface KeyGroupRange {
  readonly startKeyGroup: number;
  readonly endKeyGroup: number;
}

/**
 * `MathUtils.murmurHash(int)`: one Murmur3 round plus its finalizer, made non-negative (the one
 * input that mixes to `Integer.MIN_VALUE` yields 0, since `-MIN_VALUE` overflows).
 */
export function murmurHash(code: number): number {
  let h = Math.imul(code, 0xcc9e2d51);
  h = rotateLeft(h, 15);
  h = Math.imul(h, 0x1b873593);
  h = rotateLeft(h, 13);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h = bitMix(h);
  if (h >= 0) return h;
  return h !== -0x80000000 ? -h : 0;
}

/** `MathUtils.roundUpToPowerOfTwo(int)`: the smallest power of two ≥ x (for 1 ≤ x ≤ 2^30). */
export function roundUpToPowerOfTwo(x: number): number {
  let v = (x - 1) | 0;
  v |= v >> 1;
  v |= v >> 2;
  v |= v >> 4;
  v |= v >> 8;
  v |= v >> 16;
  return (v + 1) | 0;
}

/**
 * `KeyGroupRangeAssignment.assignToKeyGroup`: the key group of `key` hashed as `javaType`.
 *
 * @throws KeyTypeError when the key is not a value of `javaType`.
 * @throws RangeError when `maxParallelism` is outside 1..32768.
 */
export function assignToKeyGroup(
  key: KeyValue,
  javaType: JavaKeyType,
  maxParallelism: number = DEFAULT_MAX_PARALLELISM,
): number {
  return computeKeyGroupForKeyHash(javaHashCode(key, javaType), maxParallelism);
}

/** `KeyGroupRangeAssignment.computeKeyGroupForKeyHash`: `murmurHash(keyHash) % maxParallelism`. */
export function computeKeyGroupForKeyHash(keyHash: number, maxParallelism: number): number {
  checkParallelismPreconditions(maxParallelism, "maxParallelism");
  return murmurHash(keyHash) % maxParallelism;
}

/**
 * `KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup`: the subtask that owns a key group,
 * `keyGroupId * parallelism / maxParallelism` in integer division.
 *
 * @throws RangeError on a parallelism outside 1..maxParallelism or a key group outside
 *   0..maxParallelism-1 (Flink assumes both; a simulator should say so instead).
 */
export function computeOperatorIndexForKeyGroup(
  maxParallelism: number,
  parallelism: number,
  keyGroupId: number,
): number {
  checkParallelismPair(maxParallelism, parallelism);
  if (!Number.isInteger(keyGroupId) || keyGroupId < 0 || keyGroupId >= maxParallelism) {
    throw new RangeError(`Key group ${keyGroupId} is outside 0..${maxParallelism - 1}.`);
  }
  // Both factors are below 2^15, so the product is exact in a double as it is in a Java int.
  return Math.floor((keyGroupId * parallelism) / maxParallelism);
}

/**
 * `KeyGroupRangeAssignment.assignKeyToParallelOperator`: the subtask index (0-based) that
 * processes `key` under `parallelism` and `maxParallelism`.
 */
export function assignKeyToParallelOperator(
  key: KeyValue,
  javaType: JavaKeyType,
  maxParallelism: number,
  parallelism: number,
): number {
  checkParallelismPair(maxParallelism, parallelism);
  return computeOperatorIndexForKeyGroup(
    maxParallelism,
    parallelism,
    assignToKeyGroup(key, javaType, maxParallelism),
  );
}

/**
 * `KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex`: the key groups a subtask owns —
 * the inverse of {@link computeOperatorIndexForKeyGroup}.
 */
export function computeKeyGroupRangeForOperatorIndex(
  maxParallelism: number,
  parallelism: number,
  operatorIndex: number,
): KeyGroupRange {
  checkParallelismPair(maxParallelism, parallelism);
  if (!Number.isInteger(operatorIndex) || operatorIndex < 0 || operatorIndex >= parallelism) {
    throw new RangeError(`Operator index ${operatorIndex} is outside 0..${parallelism - 1}.`);
  }
  return {
    startKeyGroup: Math.floor((operatorIndex * maxParallelism + parallelism - 1) / parallelism),
    endKeyGroup: Math.floor(((operatorIndex + 1) * maxParallelism - 1) / parallelism),
  };
}

/**
 * `KeyGroupRangeAssignment.computeDefaultMaxParallelism`: what Flink picks when the job sets no
 * max parallelism — `roundUpToPowerOfTwo(p + p / 2)`, bounded to 128..32768.
 */
export function computeDefaultMaxParallelism(operatorParallelism: number): number {
  checkParallelismPreconditions(operatorParallelism, "parallelism");
  return Math.min(
    Math.max(
      roundUpToPowerOfTwo(operatorParallelism + Math.trunc(operatorParallelism / 2)),
      DEFAULT_LOWER_BOUND_MAX_PARALLELISM,
    ),
    UPPER_BOUND_MAX_PARALLELISM,
  );
}

/**
 * `KeyGroupRangeAssignment.checkParallelismPreconditions`: an integer in 1..32768.
 *
 * @param what names the setting in the message ("parallelism", "maxParallelism").
 * @throws RangeError otherwise.
 */
export function checkParallelismPreconditions(parallelism: number, what = "parallelism"): void {
  if (!Number.isInteger(parallelism) || parallelism <= 0 || parallelism > UPPER_BOUND_MAX_PARALLELISM) {
    throw new RangeError(
      `Operator ${what} not within bounds 1..${UPPER_BOUND_MAX_PARALLELISM}: ${parallelism}`,
    );
  }
}

function checkParallelismPair(maxParallelism: number, parallelism: number): void {
  checkParallelismPreconditions(maxParallelism, "maxParallelism");
  checkParallelismPreconditions(parallelism, "parallelism");
  if (parallelism > maxParallelism) {
    throw new RangeError(
      `Maximum parallelism must not be smaller than parallelism: maxParallelism ${maxParallelism} < parallelism ${parallelism}`,
    );
  }
}

/** `Integer.rotateLeft`. */
function rotateLeft(value: number, distance: number): number {
  return (value << distance) | (value >>> (32 - distance));
}

/** `MathUtils.bitMix`: Murmur3's 32-bit finalizer. */
function bitMix(input: number): number {
  let h = input ^ (input >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
