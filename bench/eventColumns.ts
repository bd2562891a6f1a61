/**
 * Pre-generated events in compact columns (typed arrays), so the timed part of a run measures the
 * operator, not the generator: the generator costs about as much per event as a simple pattern
 * does. Event objects are built from the columns inside the timed loop, one at a time, as a
 * source deserialising records would; only those the engine keeps stay on the heap.
 */
import { Clickstream, EVENT_TYPES } from "../src/formats/generator/index.ts";
import type { ClickEvent, ClickstreamOptions } from "../src/formats/generator/index.ts";

/** A generated stream held as columns; `event(i)` builds the i-th REES46 row. */
export class EventColumns {
  readonly length: number;
  readonly timestamps: Float64Array;
  /** `product * 4 + type` (see `RawClick`). */
  private readonly codes: Int32Array;
  private readonly users: Int32Array;
  private readonly sessions: Int32Array;
  /** `user_id` strings by user index, built once (keys are compared by content, so sharing is fair). */
  private readonly userIds: string[];
  /** `user_session` strings by session number. */
  private readonly sessionIds: string[];
  private readonly stream: Clickstream;
  /** Number of distinct users that occur. */
  readonly distinctKeys: number;

  constructor(options: ClickstreamOptions & { readonly events: number }) {
    const stream = new Clickstream(options);
    const n = options.events;
    this.stream = stream;
    this.length = n;
    this.timestamps = new Float64Array(n);
    this.codes = new Int32Array(n);
    this.users = new Int32Array(n);
    this.sessions = new Int32Array(n);
    this.userIds = [];
    this.sessionIds = [];
    const seen = new Uint8Array(stream.options.users);
    let distinct = 0;
    let i = 0;
    for (const raw of stream.raw()) {
      this.timestamps[i] = raw.timestamp;
      this.codes[i] = raw.product * 4 + raw.type;
      this.users[i] = raw.user;
      this.sessions[i] = raw.session;
      if (seen[raw.user] === 0) {
        seen[raw.user] = 1;
        distinct++;
        this.userIds[raw.user] = stream.userIdOf(raw.user);
      }
      this.sessionIds[raw.session] ??= stream.sessionIdOf(raw.session);
      i++;
    }
    this.distinctKeys = distinct;
  }

  /** The i-th event as a fresh object. */
  event(i: number): ClickEvent {
    const code = this.codes[i] ?? 0;
    const product = this.stream.catalog.products[code >>> 2];
    if (product === undefined) throw new RangeError(`no event ${i}`);
    return {
      event_time: this.timestamps[i] ?? 0,
      event_type: EVENT_TYPES[code & 3] ?? "view",
      product_id: product.productId,
      category_id: product.categoryId,
      category_code: product.categoryCode,
      brand: product.brand,
      price: product.price,
      user_id: this.userIds[this.users[i] ?? 0] ?? "",
      user_session: this.sessionIds[this.sessions[i] ?? 0] ?? "",
    };
  }

  /** The key (`user_id`) of the i-th event. */
  key(i: number): string {
    return this.userIds[this.users[i] ?? 0] ?? "";
  }

  /** Number of events of each type (view, cart, purchase). */
  typeCounts(): [number, number, number] {
    const counts: [number, number, number] = [0, 0, 0];
    for (const code of this.codes) counts[(code & 3) as 0 | 1 | 2] += 1;
    return counts;
  }
}
