/**
 * A small, fast, seeded pseudo-random number generator: xoshiro128** (Blackman & Vigna, 2018),
 * seeded through splitmix32. Same seed → same sequence on every JavaScript engine, because it
 * uses only 32-bit integer arithmetic (`Math.imul`, `>>> 0`). Not for cryptography.
 */

/** A seed: a number (its 32-bit pattern is used) or any text (hashed). */
export type Seed = number | string;

/** The xoshiro128** generator. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: Seed) {
    const mixer = splitmix32(seedToUint32(seed));
    this.s0 = mixer();
    this.s1 = mixer();
    this.s2 = mixer();
    this.s3 = mixer();
    // The all-zero state is the one state xoshiro cannot leave; splitmix32 cannot produce it
    // four times in a row, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, bound); `bound` must be a positive integer up to 2^32. */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** A standard normal deviate (Box–Muller; one of the pair is dropped to keep the state simple). */
  nextGaussian(): number {
    const u = 1 - this.nextFloat(); // (0, 1]: log(0) would be −∞
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** A 32-bit seed from a number or a string (FNV-1a over UTF-16 code units). */
export function seedToUint32(seed: Seed): number {
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    // Fold the high bits in so seeds beyond 2^32 still differ.
    return (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit seed into a stream of well-mixed words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state);
  };
}

/** A stateless 32-bit mixing function (the splitmix32 finaliser): similar inputs, unrelated outputs. */
export function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
