/**
 * The knobs of {@link Clickstream}, their REES46-flavoured defaults, and their validation (a
 * bad knob is a RangeError naming it).
 */
import type { OutOfOrdernessDistribution } from "./disorder.ts";
import type { Seed } from "./prng.ts";
import { MAX_PRODUCTS } from "./sessionScript.ts";
import { REES46_FLAVOUR, REES46_MIX, type EventMix, type SessionFlavour } from "./sessionModel.ts";

/** Knobs of the generator; every one has a default. */
export interface ClickstreamOptions {
  /** Same seed, same stream. Default 46. */
  readonly seed?: Seed;
  /** Size of the user population (the keys). Default 100 000. */
  readonly users?: number;
  /** Number of events; `Infinity` streams forever. Default Infinity. */
  readonly events?: number;
  /** Events per second of event time (REES46 itself runs at ≈ 16–26/s). Default 1 000. */
  readonly eventsPerSecond?: number;
  /** Event time of the first event, epoch ms. Default 2019-10-01 00:00:00 UTC. */
  readonly startTime?: number;
  /** Timestamps are multiples of this (REES46: whole seconds). Default 1 000. */
  readonly timeResolutionMs?: number;
  /** Each event arrives up to this much after its timestamp; 0 = in order. Default 0. */
  readonly maxOutOfOrdernessMs?: number;
  /** How arrival delays spread up to the maximum. Default uniform. */
  readonly outOfOrderness?: OutOfOrdernessDistribution;
  /** Share of events that arrive `maxOutOfOrdernessMs + lateDelayMs` after their timestamp. Default 0. */
  readonly lateFraction?: number;
  /** Extra delay of late events. Default 60 000. */
  readonly lateDelayMs?: number;
  /** Number of source partitions users are spread over (`RawClick.partition`). Default 1. */
  readonly partitions?: number;
  /** Idle cycle length in event time (see `SourceLayout`); 0 = never idle. Default 0. */
  readonly idleEveryMs?: number;
  /** Quiet stretch at the end of each idle cycle. Default 0. */
  readonly idleForMs?: number;
  /** Target event-type shares. Default REES46 Oct–Dec 2019 (94.04 / 3.56 / 2.40 %). */
  readonly mix?: EventMix;
  /** Mean events per session (REES46 ≈ 4.8). Default 5. */
  readonly meanSessionEvents?: number;
  /** Mean event-time gap between two events of one session. Default 30 000 (30 s). */
  readonly sessionEventGapMs?: number;
  /** User draw: `floor(users × u^userSkew)`; 1 = uniform, larger = heavier head. Default 1.3. */
  readonly userSkew?: number;
  /** Catalog size. Default 20 000. */
  readonly products?: number;
  /** Extras beyond REES46 (cart removals, login / logout). Default none. */
  readonly flavour?: SessionFlavour;
}

/** {@link ClickstreamOptions} with every default filled in. */
export type ResolvedClickstreamOptions = {
  readonly [K in keyof ClickstreamOptions]-?: Exclude<ClickstreamOptions[K], undefined>;
};

const DEFAULTS: ResolvedClickstreamOptions = {
  seed: 46,
  users: 100_000,
  events: Number.POSITIVE_INFINITY,
  eventsPerSecond: 1_000,
  startTime: Date.UTC(2019, 9, 1),
  timeResolutionMs: 1_000,
  maxOutOfOrdernessMs: 0,
  outOfOrderness: "uniform",
  lateFraction: 0,
  lateDelayMs: 60_000,
  partitions: 1,
  idleEveryMs: 0,
  idleForMs: 0,
  mix: REES46_MIX,
  meanSessionEvents: 5,
  sessionEventGapMs: 30_000,
  userSkew: 1.3,
  products: 20_000,
  flavour: REES46_FLAVOUR,
};

/** `options` with defaults filled in; throws a RangeError naming the first bad knob. */
export function resolveClickstreamOptions(options: ClickstreamOptions): ResolvedClickstreamOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: ResolvedClickstreamOptions = { ...DEFAULTS, ...defined };
  checkOptions(resolved);
  return resolved;
}

function checkOptions(o: ResolvedClickstreamOptions): void {
  const wholeAtLeast = (name: keyof ResolvedClickstreamOptions, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min)
      throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  };
  const nonNegative = (name: keyof ResolvedClickstreamOptions, value: number): void => {
    if (!(value >= 0) || !Number.isFinite(value))
      throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  };
  wholeAtLeast("users", o.users, 1);
  if (o.events !== Number.POSITIVE_INFINITY) wholeAtLeast("events", o.events, 0);
  if (!(o.eventsPerSecond > 0) || !Number.isFinite(o.eventsPerSecond)) {
    throw new RangeError(`eventsPerSecond must be a positive number, got ${o.eventsPerSecond}`);
  }
  wholeAtLeast("startTime", o.startTime, -8.64e15);
  wholeAtLeast("timeResolutionMs", o.timeResolutionMs, 1);
  wholeAtLeast("maxOutOfOrdernessMs", o.maxOutOfOrdernessMs, 0);
  // Options may come from untyped callers (a worker message, parsed arguments).
  if (!(["uniform", "exponential"] as readonly string[]).includes(o.outOfOrderness)) {
    throw new RangeError(`outOfOrderness must be uniform or exponential, got ${o.outOfOrderness}`);
  }
  wholeAtLeast("lateDelayMs", o.lateDelayMs, 1);
  if (!(o.lateFraction >= 0 && o.lateFraction <= 1)) {
    throw new RangeError(`lateFraction must be between 0 and 1, got ${o.lateFraction}`);
  }
  wholeAtLeast("partitions", o.partitions, 1);
  wholeAtLeast("idleEveryMs", o.idleEveryMs, 0);
  wholeAtLeast("idleForMs", o.idleForMs, 0);
  if (o.idleEveryMs > 0 && !(o.idleForMs > 0 && o.idleForMs < o.idleEveryMs)) {
    throw new RangeError(
      `idleForMs must be above 0 and below idleEveryMs (${o.idleEveryMs}), got ${o.idleForMs}`,
    );
  }
  if (o.idleEveryMs === 0 && o.idleForMs > 0) throw new RangeError("idleForMs needs idleEveryMs");
  nonNegative("sessionEventGapMs", o.sessionEventGapMs);
  if (!(o.userSkew > 0) || !Number.isFinite(o.userSkew))
    throw new RangeError(`userSkew must be a positive number, got ${o.userSkew}`);
  if (o.products > MAX_PRODUCTS)
    throw new RangeError(`products must be at most ${MAX_PRODUCTS}, got ${o.products}`);
  const { removeAbandoned } = o.flavour;
  if (!(removeAbandoned >= 0 && removeAbandoned <= 1)) {
    throw new RangeError(`flavour.removeAbandoned must be between 0 and 1, got ${removeAbandoned}`);
  }
}
