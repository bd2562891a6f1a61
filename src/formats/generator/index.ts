/**
 * A seeded REES46-like clickstream generator (view / cart / purchase sessions over a product
 * catalog) for benchmarks, demos and property tests. Pure: no Node or DOM APIs.
 */
export { Clickstream } from "./clickstream.ts";
export type { ClickEvent, ClickstreamOptions, RawClick, ResolvedClickstreamOptions } from "./clickstream.ts";
export type { Catalog, Product } from "./catalog.ts";
export { CART, EVENT_TYPES, PURCHASE, REES46_MIX, VIEW } from "./sessionModel.ts";
export type { EventMix, EventType, EventTypeCode } from "./sessionModel.ts";
export { Xoshiro128 } from "./prng.ts";
export type { Seed } from "./prng.ts";
export { formatRees46Time } from "./rees46Time.ts";
