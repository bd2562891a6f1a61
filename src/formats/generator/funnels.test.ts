/**
 * The shopping funnels the seed scenarios look for, counted in the generated sessions
 * (src/cli/generateRun.test.ts runs the scenarios' rules over the stream with the engine).
 */
import { describe, expect, it } from "vitest";
import { Clickstream, type RawClick } from "./clickstream.ts";
import { generatedText, schemaStream } from "./generatedText.ts";
import { CART, LOGIN, LOGOUT, PURCHASE, REMOVE_FROM_CART, VIEW } from "./sessionModel.ts";

/** Sessions in generation order, each in its own order (in-order stream). */
function sessions(stream: Clickstream): RawClick[][] {
  const bySession = new Map<number, RawClick[]>();
  for (const raw of stream.raw()) {
    const list = bySession.get(raw.session) ?? [];
    list.push(raw);
    bySession.set(raw.session, list);
  }
  return [...bySession.values()];
}

const OPTIONS = { seed: 5, users: 20_000, events: 200_000, sessionEventGapMs: 1_000 } as const;

describe("shopping funnels", () => {
  const stream = new Clickstream(OPTIONS);
  const all = sessions(stream);
  const share = (pred: (s: RawClick[]) => boolean): number => all.filter(pred).length / all.length;
  const categoryOf = (raw: RawClick): string => stream.catalog.products[raw.product]?.categoryId ?? "";

  it("repeats views of a product and browses across categories", () => {
    const repeats = (s: RawClick[]): boolean =>
      s.some(
        (e, i) => i > 0 && e.type === VIEW && s[i - 1]?.type === VIEW && s[i - 1]?.product === e.product,
      );
    expect(share(repeats)).toBeGreaterThan(0.2);
    expect(share((s) => new Set(s.map(categoryOf)).size >= 2)).toBeGreaterThan(0.3);
  });

  it("drops the price of a re-viewed product right after its full-price view, and the drop sells", () => {
    let drops = 0;
    let dropCarts = 0;
    for (const s of all) {
      s.forEach((e, i) => {
        if (e.type !== VIEW || !e.priceDrop) return;
        drops++;
        const before = s[i - 1];
        expect(before).toMatchObject({ type: VIEW, product: e.product, priceDrop: false });
        expect(stream.priceOf(e)).toBeLessThan(stream.priceOf(before ?? e));
        if (s[i + 1]?.type === CART && s[i + 1]?.priceDrop === true) dropCarts++;
      });
    }
    expect(drops / all.length).toBeGreaterThan(0.01);
    expect(dropCarts / drops).toBeGreaterThan(0.35);
  });

  it("abandons high-value carts: carted above 200, never bought in the session", () => {
    const abandonedHighValue = (s: RawClick[]): boolean =>
      s.some(
        (e) =>
          e.type === CART &&
          stream.priceOf(e) > 200 &&
          !s.some((p) => p.type === PURCHASE && p.product === e.product),
      );
    expect(share(abandonedHighValue)).toBeGreaterThan(0.003);
  });

  it("has long browsing sessions: ten or more views, no purchase", () => {
    // Ordinary sessions' geometric lengths give about 7 %; the long-browse funnel adds 1 %.
    const long = share((s) => s.length >= 10 && s.every((e) => e.type === VIEW));
    expect(long).toBeGreaterThan(0.05);
    expect(long).toBeLessThan(0.12);
  });
});

describe("schema flavours", () => {
  it("seed 000: some abandoned carts are removed again, after their cart", () => {
    const all = sessions(schemaStream("seed000", { ...OPTIONS, events: 100_000 }));
    let removes = 0;
    for (const s of all) {
      s.forEach((e, i) => {
        if (e.type !== REMOVE_FROM_CART) return;
        removes++;
        // Each removal takes out a cart of the product that was not bought.
        const count = (type: number): number =>
          s.filter((c) => c.type === type && c.product === e.product).length;
        expect(s.slice(0, i).some((c) => c.type === CART && c.product === e.product)).toBe(true);
        expect(count(REMOVE_FROM_CART) + count(PURCHASE)).toBeLessThanOrEqual(count(CART));
      });
    }
    expect(removes / 100_000).toBeGreaterThan(0.002);
  });

  it("seed 001: sessions log in first and out last; some bounce, some cart then log out", () => {
    const all = sessions(schemaStream("seed001", { ...OPTIONS, events: 100_000 }));
    // Sessions cut off by the end of the stream have no logout yet.
    const complete = all.filter((s) => s.at(-1)?.type === LOGOUT);
    expect(complete.length / all.length).toBeGreaterThan(0.9);
    for (const s of all) {
      expect(s[0]?.type).toBe(LOGIN);
      expect(s.slice(1, -1).some((e) => e.type === LOGIN || e.type === LOGOUT)).toBe(false);
    }
    const bounces = complete.filter((s) => s.length === 2).length;
    expect(bounces / complete.length).toBeGreaterThan(0.03);
    const cartThenLogout = complete.filter((s) => s.at(-2)?.type === CART).length;
    expect(cartThenLogout).toBeGreaterThan(0);
  });
});

describe("generatedText", () => {
  const text = (options: Parameters<typeof generatedText>[0]): string => [...generatedText(options)].join("");

  it("is byte-identical for the same options, per schema and format; another seed differs", () => {
    for (const schema of ["rees46", "seed000", "seed001"] as const) {
      for (const format of ["csv", "jsonl"] as const) {
        const options = { schema, format, seed: 3, events: 3_000, users: 500 };
        const a = text(options);
        expect(text(options)).toBe(a);
        expect(text({ ...options, seed: 4 })).not.toBe(a);
        expect(a.split("\n")).toHaveLength(3_000 + (format === "csv" ? 1 : 0) + 1);
      }
    }
  });

  it("writes chunks of whole lines", () => {
    const chunks = [
      ...generatedText({ schema: "rees46", format: "jsonl", events: 5_000, chunkChars: 10_000 }),
    ];
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(chunk.endsWith("\n")).toBe(true);
      expect(chunk.length).toBeLessThan(10_000 + 400);
    }
  });
});
