/**
 * A seeded, reproducible, lazy REES46-like clickstream ("eCommerce behavior data from multi
 * category store", docs/performance-anchors.md §6): the same options always give the same
 * events, and events are produced one at a time, so 10 M or 100 M events need no more memory
 * than 1 000.
 *
 * Time model. Event i of the in-order stream happens at `startTime + i / eventsPerSecond`
 * (truncated to `timeResolutionMs`; REES46 has whole seconds, so bursts share a timestamp).
 * About `eventsPerSecond × sessionEventGapMs / 1000` sessions are open at once and each event
 * goes to one of them at random, so a session's events are on average `sessionEventGapMs`
 * apart. A finished session is replaced by a new one for a user drawn with a skew (a few heavy
 * users, many that show up once). Disorder and late events are applied after, by
 * {@link ReorderBuffer}.
 */
import { Catalog } from "./catalog.ts";
import { mix32, seedToUint32, Xoshiro128, type Seed } from "./prng.ts";
import { ReorderBuffer } from "./reorderBuffer.ts";
import {
  EVENT_TYPES,
  MAX_SESSION_EVENTS,
  REES46_MIX,
  scriptSession,
  sessionModelFor,
  type EventMix,
  type EventType,
  type EventTypeCode,
  type SessionModel,
} from "./sessionModel.ts";

/** Knobs of the generator; every one has a REES46-flavoured default. */
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
  /** Each event arrives up to this much after its timestamp (uniform); 0 = in order. Default 0. */
  readonly maxOutOfOrdernessMs?: number;
  /** Share of events that arrive `maxOutOfOrdernessMs + lateDelayMs` after their timestamp. Default 0. */
  readonly lateFraction?: number;
  /** Extra delay of late events. Default 60 000. */
  readonly lateDelayMs?: number;
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
}

/** {@link ClickstreamOptions} with every default filled in. */
export type ResolvedClickstreamOptions = {
  readonly [K in keyof ClickstreamOptions]-?: Exclude<ClickstreamOptions[K], undefined>;
};

/** One event in compact form: indices instead of strings (see {@link Clickstream.toEvent}). */
export interface RawClick {
  readonly timestamp: number;
  readonly type: EventTypeCode;
  /** Index into `catalog.products`. */
  readonly product: number;
  /** User index in [0, users). */
  readonly user: number;
  /** Session number, unique within the stream. */
  readonly session: number;
}

/** One REES46 row; ids are digit strings, `event_time` is epoch ms (see `formatRees46Time`). */
export type ClickEvent = {
  readonly event_time: number;
  readonly event_type: EventType;
  readonly product_id: string;
  readonly category_id: string;
  readonly category_code: string | null;
  readonly brand: string | null;
  readonly price: number;
  readonly user_id: string;
  readonly user_session: string;
};

/** REES46 user ids are 9-digit numbers around 5.1e8–5.7e8. */
const USER_ID_BASE = 512_000_000;

const DEFAULTS: ResolvedClickstreamOptions = {
  seed: 46,
  users: 100_000,
  events: Number.POSITIVE_INFINITY,
  eventsPerSecond: 1_000,
  startTime: Date.UTC(2019, 9, 1),
  timeResolutionMs: 1_000,
  maxOutOfOrdernessMs: 0,
  lateFraction: 0,
  lateDelayMs: 60_000,
  mix: REES46_MIX,
  meanSessionEvents: 5,
  sessionEventGapMs: 30_000,
  userSkew: 1.3,
  products: 20_000,
};

/** A reproducible clickstream; iterate it (or call {@link raw}) as many times as you like. */
export class Clickstream implements Iterable<ClickEvent> {
  readonly options: ResolvedClickstreamOptions;
  readonly catalog: Catalog;
  /** Sessions open at once (derived from the rate and the session gap). */
  readonly concurrentSessions: number;
  private readonly model: SessionModel;
  private readonly seedWord: number;

  constructor(options: ClickstreamOptions = {}) {
    const resolved = { ...DEFAULTS, ...stripUndefined(options) };
    checkOptions(resolved);
    this.options = resolved;
    this.seedWord = seedToUint32(resolved.seed);
    this.catalog = new Catalog(resolved.products, new Xoshiro128(`${String(resolved.seed)}/catalog`));
    this.model = sessionModelFor(resolved.mix, resolved.meanSessionEvents);
    this.concurrentSessions = Math.max(
      1,
      Math.min(resolved.users, Math.round((resolved.eventsPerSecond * resolved.sessionEventGapMs) / 1000)),
    );
  }

  [Symbol.iterator](): Iterator<ClickEvent> {
    return this.events();
  }

  /** The events as REES46 rows. */
  *events(): Generator<ClickEvent, void, undefined> {
    for (const raw of this.raw()) yield this.toEvent(raw);
  }

  /** The events in compact form, in arrival order (disorder and late events applied). */
  *raw(): Generator<RawClick, void, undefined> {
    const { maxOutOfOrdernessMs, lateFraction, lateDelayMs } = this.options;
    if (maxOutOfOrdernessMs === 0 && lateFraction === 0) {
      yield* this.inOrder();
      return;
    }
    // A separate stream, so the events themselves are the same with or without disorder.
    const random = new Xoshiro128(`${String(this.options.seed)}/disorder`);
    const buffer = new ReorderBuffer<RawClick>();
    for (const click of this.inOrder()) {
      for (
        let out = buffer.popUpTo(click.timestamp);
        out !== undefined;
        out = buffer.popUpTo(click.timestamp)
      ) {
        yield out;
      }
      const delay =
        lateFraction > 0 && random.chance(lateFraction)
          ? maxOutOfOrdernessMs + lateDelayMs
          : random.nextInt(maxOutOfOrdernessMs + 1);
      buffer.push(click, click.timestamp + delay);
    }
    for (let out = buffer.popUpTo(Infinity); out !== undefined; out = buffer.popUpTo(Infinity)) yield out;
  }

  /** A compact event as a REES46 row. */
  toEvent(raw: RawClick): ClickEvent {
    const product = this.catalog.products[raw.product];
    if (product === undefined) throw new RangeError(`no product ${raw.product}`);
    return {
      event_time: raw.timestamp,
      event_type: EVENT_TYPES[raw.type],
      product_id: product.productId,
      category_id: product.categoryId,
      category_code: product.categoryCode,
      brand: product.brand,
      price: product.price,
      user_id: this.userIdOf(raw.user),
      user_session: this.sessionIdOf(raw.session),
    };
  }

  /** The `user_id` of user index `user`. */
  userIdOf(user: number): string {
    return String(USER_ID_BASE + user);
  }

  /** The `user_session` UUID (version 4 layout) of session number `session`: a pure function of seed and number. */
  sessionIdOf(session: number): string {
    const a = mix32(this.seedWord ^ mix32(session) ^ Math.floor(session / 4294967296));
    const b = mix32(a ^ 0x68e31da4);
    const c = mix32(b ^ 0xb5297a4d);
    const d = mix32(c ^ 0x1b56c4e9);
    // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V ∈ 8…b (RFC 4122 variant).
    return (
      hex16(a >>> 16) +
      hex16(a) +
      "-" +
      hex16(b >>> 16) +
      "-" +
      hex16((b & 0x0fff) | 0x4000) +
      "-" +
      hex16((c & 0x3fff) | 0x8000) +
      "-" +
      hex16(c >>> 16) +
      hex16(d >>> 16) +
      hex16(d)
    );
  }

  private *inOrder(): Generator<RawClick, void, undefined> {
    const { events, eventsPerSecond, startTime, timeResolutionMs, users, userSkew } = this.options;
    const random = new Xoshiro128(this.options.seed);
    // Open sessions as parallel typed arrays, not objects: with 10^5 sessions open, objects
    // would survive scavenges and make the young-generation GC dominate the generator.
    const slots = this.concurrentSessions;
    const sessionUser = new Int32Array(slots);
    const sessionNumber = new Float64Array(slots);
    const sessionLength = new Int32Array(slots); // 0 = the slot has no open session
    const sessionPosition = new Int32Array(slots);
    const scripts = new Int32Array(slots * MAX_SESSION_EVENTS);
    const msPerEvent = 1000 / eventsPerSecond;
    let nextSession = 0;
    for (let i = 0; i < events; i++) {
      const offset = Math.floor(i * msPerEvent);
      const timestamp = startTime + offset - (offset % timeResolutionMs);
      const slot = random.nextInt(slots);
      if (sessionLength[slot] === 0) {
        sessionUser[slot] = Math.floor(users * Math.pow(random.nextFloat(), userSkew));
        sessionNumber[slot] = nextSession++;
        sessionPosition[slot] = 0;
        sessionLength[slot] = scriptSession(
          this.model,
          this.catalog,
          random,
          scripts,
          slot * MAX_SESSION_EVENTS,
        );
      }
      const position = sessionPosition[slot] ?? 0;
      const code = scripts[slot * MAX_SESSION_EVENTS + position] ?? 0;
      if (position + 1 >= (sessionLength[slot] ?? 0)) sessionLength[slot] = 0;
      else sessionPosition[slot] = position + 1;
      yield {
        timestamp,
        type: (code & 3) as EventTypeCode,
        product: code >>> 2,
        user: sessionUser[slot] ?? 0,
        session: sessionNumber[slot] ?? 0,
      };
    }
  }
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The low 16 bits of `word` as 4 lower-case hex digits. */
function hex16(word: number): string {
  return (HEX_BYTES[(word >>> 8) & 0xff] ?? "00") + (HEX_BYTES[word & 0xff] ?? "00");
}

function stripUndefined(options: ClickstreamOptions): Partial<ResolvedClickstreamOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function checkOptions(o: ResolvedClickstreamOptions): void {
  const wholeAtLeast = (name: keyof ResolvedClickstreamOptions, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min)
      throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  };
  wholeAtLeast("users", o.users, 1);
  if (o.events !== Number.POSITIVE_INFINITY) wholeAtLeast("events", o.events, 0);
  if (!(o.eventsPerSecond > 0) || !Number.isFinite(o.eventsPerSecond)) {
    throw new RangeError(`eventsPerSecond must be a positive number, got ${o.eventsPerSecond}`);
  }
  wholeAtLeast("startTime", o.startTime, -8.64e15);
  wholeAtLeast("timeResolutionMs", o.timeResolutionMs, 1);
  wholeAtLeast("maxOutOfOrdernessMs", o.maxOutOfOrdernessMs, 0);
  wholeAtLeast("lateDelayMs", o.lateDelayMs, 1);
  if (!(o.lateFraction >= 0 && o.lateFraction <= 1)) {
    throw new RangeError(`lateFraction must be between 0 and 1, got ${o.lateFraction}`);
  }
  if (!(o.sessionEventGapMs >= 0) || !Number.isFinite(o.sessionEventGapMs)) {
    throw new RangeError(`sessionEventGapMs must be a non-negative number, got ${o.sessionEventGapMs}`);
  }
  if (!(o.userSkew > 0) || !Number.isFinite(o.userSkew))
    throw new RangeError(`userSkew must be a positive number, got ${o.userSkew}`);
}
