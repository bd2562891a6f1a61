import { describe, expect, it } from "vitest";
import { parseEventTime } from "../events/index.ts";
import { Clickstream, type ClickEvent, type ClickstreamOptions } from "./clickstream.ts";
import { formatRees46Time } from "./rees46Time.ts";

function take(options: ClickstreamOptions): ClickEvent[] {
  return [...new Clickstream(options)];
}

/** Fewer open sessions than the default, so few are cut off by the end of a short stream. */
const SHORT = { users: 20_000, sessionEventGapMs: 1_000 } as const;

describe("Clickstream", () => {
  it("is reproducible: same seed, same stream; another seed, another stream", () => {
    const a = take({ ...SHORT, seed: 11, events: 5_000 });
    expect(take({ ...SHORT, seed: 11, events: 5_000 })).toEqual(a);
    expect(take({ ...SHORT, seed: 12, events: 5_000 })).not.toEqual(a);
    const stream = new Clickstream({ ...SHORT, seed: 11, events: 5_000 });
    expect([...stream]).toEqual([...stream]);
  });

  it("matches the REES46 event mix within tolerance", () => {
    const counts = { view: 0, cart: 0, purchase: 0 };
    const n = 400_000;
    for (const raw of new Clickstream({ ...SHORT, seed: 3, events: n }).raw()) {
      if (raw.type === 0) counts.view++;
      else if (raw.type === 1) counts.cart++;
      else counts.purchase++;
    }
    expect(counts.view / n).toBeCloseTo(0.9404, 2);
    expect(Math.abs(counts.cart / n - 0.0356)).toBeLessThan(0.003);
    expect(Math.abs(counts.purchase / n - 0.024)).toBeLessThan(0.003);
  });

  it("organises events in sessions: a cart follows a view of the product, a purchase buys a carted product", () => {
    const sessions = new Map<string, ClickEvent[]>();
    for (const event of take({ ...SHORT, seed: 5, events: 50_000 })) {
      const list = sessions.get(event.user_session) ?? [];
      list.push(event);
      sessions.set(event.user_session, list);
    }
    let purchases = 0;
    for (const events of sessions.values()) {
      expect(new Set(events.map((e) => e.user_id)).size).toBe(1);
      events.forEach((event, i) => {
        if (event.event_type === "cart") {
          const previous = events[i - 1];
          expect(previous?.event_type).toBe("view");
          expect(previous?.product_id).toBe(event.product_id);
        }
        if (event.event_type === "purchase") {
          purchases++;
          const carted = events
            .slice(0, i)
            .some((e) => e.event_type === "cart" && e.product_id === event.product_id);
          expect(carted).toBe(true);
        }
      });
    }
    expect(purchases).toBeGreaterThan(0);
    const meanLength = 50_000 / sessions.size;
    expect(meanLength).toBeGreaterThan(3.5);
    expect(meanLength).toBeLessThan(6);
  });

  it("writes REES46-shaped fields", () => {
    const events = take({ ...SHORT, seed: 9, events: 20_000 });
    for (const e of events.slice(0, 2_000)) {
      expect(e.category_id).toMatch(/^\d{19}$/);
      expect(e.user_id).toMatch(/^\d+$/);
      expect(e.product_id).toMatch(/^\d+$/);
      expect(e.user_session).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.price).toBeGreaterThanOrEqual(0.77);
      expect(e.price).toBeLessThanOrEqual(2574.07);
      expect(Math.round(e.price * 100) / 100).toBe(e.price);
      expect(e.event_time % 1000).toBe(0);
    }
    const share = (pred: (e: ClickEvent) => boolean): number => events.filter(pred).length / events.length;
    expect(share((e) => e.category_code === null)).toBeGreaterThan(0.1);
    expect(share((e) => e.category_code === null)).toBeLessThan(0.3);
    expect(share((e) => e.brand === null)).toBeGreaterThan(0.03);
    expect(share((e) => e.brand === null)).toBeLessThan(0.15);
    const prices = events.map((e) => e.price).sort((a, b) => a - b);
    const median = prices[prices.length >> 1] ?? 0;
    expect(median).toBeGreaterThan(80);
    expect(median).toBeLessThan(320);
  });

  it("keeps to the event rate in event time, in order by default", () => {
    const events = take({ ...SHORT, seed: 1, events: 10_000, eventsPerSecond: 100, timeResolutionMs: 1 });
    const first = events[0]?.event_time ?? 0;
    expect(first).toBe(Date.UTC(2019, 9, 1));
    expect((events[9_999]?.event_time ?? 0) - first).toBe(99_990);
    const backwards = events.filter((e, i) => i > 0 && e.event_time < (events[i - 1]?.event_time ?? 0));
    expect(backwards).toEqual([]);
  });

  it("displaces events by at most the disorder bound, so the bounded watermark never makes one late", () => {
    const disorder = 5_000;
    const options = {
      ...SHORT,
      seed: 4,
      events: 100_000,
      timeResolutionMs: 1,
      maxOutOfOrdernessMs: disorder,
    };
    let maxTimestamp = Number.NEGATIVE_INFINITY;
    let behind = 0;
    let maxBehind = 0;
    let late = 0;
    for (const event of new Clickstream(options)) {
      if (event.event_time <= maxTimestamp - disorder - 1) late++;
      if (event.event_time < maxTimestamp) behind++;
      maxBehind = Math.max(maxBehind, maxTimestamp - event.event_time);
      maxTimestamp = Math.max(maxTimestamp, event.event_time);
    }
    expect(late).toBe(0);
    expect(behind).toBeGreaterThan(10_000);
    expect(maxBehind).toBeLessThanOrEqual(disorder);
    expect(maxBehind).toBeGreaterThan(disorder / 2);
    // Disorder only reorders: the same events as the in-order stream.
    const key = (e: ClickEvent): string =>
      `${e.event_time}|${e.user_session}|${e.event_type}|${e.product_id}`;
    const inOrder = take({ ...options, maxOutOfOrdernessMs: 0 })
      .map(key)
      .sort();
    expect(take(options).map(key).sort()).toEqual(inOrder);
  });

  it("makes the requested share of events late", () => {
    const disorder = 2_000;
    let maxTimestamp = Number.NEGATIVE_INFINITY;
    let late = 0;
    const n = 100_000;
    for (const event of new Clickstream({
      ...SHORT,
      seed: 8,
      events: n,
      maxOutOfOrdernessMs: disorder,
      lateFraction: 0.01,
    })) {
      if (event.event_time <= maxTimestamp - disorder - 1) late++;
      maxTimestamp = Math.max(maxTimestamp, event.event_time);
    }
    expect(late / n).toBeGreaterThan(0.007);
    expect(late / n).toBeLessThan(0.013);
  });

  it("is lazy: a million events stream through without being held", () => {
    let count = 0;
    let purchases = 0;
    for (const raw of new Clickstream({
      users: 100_000,
      events: 1_000_000,
      maxOutOfOrdernessMs: 5_000,
    }).raw()) {
      count++;
      if (raw.type === 2) purchases++;
    }
    expect(count).toBe(1_000_000);
    expect(purchases).toBeGreaterThan(0);
  });

  it("rejects bad options with a message naming the option", () => {
    expect(() => new Clickstream({ users: 0 })).toThrow(/users must be a whole number ≥ 1/);
    expect(() => new Clickstream({ eventsPerSecond: 0 })).toThrow(/eventsPerSecond/);
    expect(() => new Clickstream({ lateFraction: 2 })).toThrow(/lateFraction/);
    expect(() => new Clickstream({ mix: { view: 0.9, cart: 0.01, purchase: 0.02 } })).toThrow(
      /cannot exceed carts/,
    );
  });
});

describe("formatRees46Time", () => {
  it("writes REES46's UTC text, which the event-time parser reads back", () => {
    const millis = Date.UTC(2019, 10, 17, 16, 58, 15);
    expect(formatRees46Time(millis)).toBe("2019-11-17 16:58:15 UTC");
    expect(formatRees46Time(millis + 999)).toBe("2019-11-17 16:58:15 UTC");
    expect(parseEventTime(formatRees46Time(millis), "event_time")).toEqual({ ok: true, millis });
  });
});
