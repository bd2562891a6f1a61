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
 * users, many that show up once). What a session does is `sessionScript.ts`.
 *
 * Users live in source partitions and partitions go quiet in idle periods (`SourceLayout`);
 * the partition is on {@link RawClick.partition}, not on the REES46 row, whose columns stay
 * the dataset's (the text writers add a `partition` field only with several partitions).
 * Disorder and late events are applied last, by `applyDisorder`.
 */
import { Catalog } from "./catalog.ts";
import {
  resolveClickstreamOptions,
  type ClickstreamOptions,
  type ResolvedClickstreamOptions,
} from "./clickstreamOptions.ts";
import { applyDisorder } from "./disorder.ts";
import { mix32, seedToUint32, Xoshiro128 } from "./prng.ts";
import {
  EVENT_TYPES,
  PRICE_DROP_FACTOR,
  sessionModelFor,
  type EventType,
  type EventTypeCode,
  type SessionModel,
} from "./sessionModel.ts";
import {
  MAX_SESSION_EVENTS,
  priceDropOfCode,
  productOfCode,
  scriptSession,
  typeOfCode,
} from "./sessionScript.ts";
import { SourceLayout } from "./sourceLayout.ts";

export type { ClickstreamOptions, ResolvedClickstreamOptions } from "./clickstreamOptions.ts";

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
  /** The product is shown at its dropped price (seed scenario 4's price drop). */
  readonly priceDrop: boolean;
  /** Source partition of the user (0 with a single partition). */
  readonly partition: number;
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

/** A reproducible clickstream; iterate it (or call {@link raw}) as many times as you like. */
export class Clickstream implements Iterable<ClickEvent> {
  readonly options: ResolvedClickstreamOptions;
  readonly catalog: Catalog;
  /** Sessions open at once (derived from the rate and the session gap). */
  readonly concurrentSessions: number;
  /** Source partitions and idle periods. */
  readonly layout: SourceLayout;
  private readonly model: SessionModel;
  private readonly seedWord: number;

  constructor(options: ClickstreamOptions = {}) {
    const resolved = resolveClickstreamOptions(options);
    this.options = resolved;
    this.seedWord = seedToUint32(resolved.seed);
    this.catalog = new Catalog(resolved.products, new Xoshiro128(`${String(resolved.seed)}/catalog`));
    this.model = sessionModelFor(resolved.mix, resolved.meanSessionEvents, resolved.flavour);
    this.layout = new SourceLayout(resolved);
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
  raw(): Generator<RawClick, void, undefined> {
    return applyDisorder(this.inOrder(), this.options);
  }

  /** A compact event as a REES46 row. */
  toEvent(raw: RawClick): ClickEvent {
    const product = this.catalog.products[raw.product];
    if (product === undefined) throw new RangeError(`no product ${raw.product}`);
    const eventType: EventType | undefined = (EVENT_TYPES as readonly EventType[])[raw.type];
    if (eventType === undefined) throw new RangeError(`event type code ${raw.type} has no REES46 name`);
    return {
      event_time: raw.timestamp,
      event_type: eventType,
      product_id: product.productId,
      category_id: product.categoryId,
      category_code: product.categoryCode,
      brand: product.brand,
      price: this.priceOf(raw),
      user_id: this.userIdOf(raw.user),
      user_session: this.sessionIdOf(raw.session),
    };
  }

  /** The price shown with a compact event: the list price, or the dropped price. */
  priceOf(raw: RawClick): number {
    const price = this.catalog.products[raw.product]?.price ?? 0;
    // Whole cents, and strictly lower than the list price (prices start at 0.77).
    return raw.priceDrop ? Math.round(price * PRICE_DROP_FACTOR * 100) / 100 : price;
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
    const { events, eventsPerSecond, startTime, timeResolutionMs } = this.options;
    const random = new Xoshiro128(this.options.seed);
    const layout = this.layout;
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
      const offset = layout.eventOffset(Math.floor(i * msPerEvent));
      const timestamp = startTime + offset - (offset % timeResolutionMs);
      const quiet = layout.quietPartitionAt(offset);
      let slot = random.nextInt(slots);
      if (quiet >= 0) slot = this.awakeSlot(slot, quiet, sessionLength, sessionUser);
      if (sessionLength[slot] === 0) {
        sessionUser[slot] = this.drawUser(random, quiet);
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
      const user = sessionUser[slot] ?? 0;
      yield {
        timestamp,
        type: typeOfCode(code),
        product: productOfCode(code),
        user,
        session: sessionNumber[slot] ?? 0,
        priceDrop: priceDropOfCode(code),
        partition: layout.partitionOf(user),
      };
    }
  }

  /**
   * `slot`, or the next one (cyclically) that is free or whose user is not on the `quiet`
   * partition: quiet users' sessions wait. If every slot is busy with quiet users, `slot`.
   */
  private awakeSlot(slot: number, quiet: number, length: Int32Array, user: Int32Array): number {
    const slots = length.length;
    for (let k = 0; k < slots; k++) {
      const s = (slot + k) % slots;
      if (length[s] === 0 || this.layout.partitionOf(user[s] ?? 0) !== quiet) return s;
    }
    return slot;
  }

  /** A user index with the skewed draw; never one on the `quiet` partition if a few redraws avoid it. */
  private drawUser(random: Xoshiro128, quiet: number): number {
    const { users, userSkew } = this.options;
    let user = Math.floor(users * Math.pow(random.nextFloat(), userSkew));
    // Bounded, so a population that lives entirely on the quiet partition cannot hang the stream.
    for (let attempt = 0; attempt < 64 && quiet >= 0 && this.layout.partitionOf(user) === quiet; attempt++) {
      user = Math.floor(users * Math.pow(random.nextFloat(), userSkew));
    }
    return user;
  }
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The low 16 bits of `word` as 4 lower-case hex digits. */
function hex16(word: number): string {
  return (HEX_BYTES[(word >>> 8) & 0xff] ?? "00") + (HEX_BYTES[word & 0xff] ?? "00");
}
