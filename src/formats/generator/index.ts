/**
 * A seeded REES46-like clickstream generator (view / cart / purchase sessions over a product
 * catalog) for benchmarks, demos and property tests, with writers for the REES46, seed 000 and
 * seed 001 schemas. Pure: no Node or DOM APIs.
 */
export { Clickstream } from "./clickstream.ts";
export type { ClickEvent, ClickstreamOptions, RawClick, ResolvedClickstreamOptions } from "./clickstream.ts";
export type { Catalog, Product } from "./catalog.ts";
export type { OutOfOrdernessDistribution } from "./disorder.ts";
export {
  CART,
  EVENT_TYPES,
  LOGIN,
  LOGOUT,
  PURCHASE,
  REES46_MIX,
  REMOVE_FROM_CART,
  VIEW,
} from "./sessionModel.ts";
export type { EventMix, EventType, EventTypeCode, SessionFlavour } from "./sessionModel.ts";
export { SourceLayout } from "./sourceLayout.ts";
export { Xoshiro128 } from "./prng.ts";
export type { Seed } from "./prng.ts";
export { formatRees46Time } from "./rees46Time.ts";
export { GENERATED_SCHEMAS, generatedText, schemaStream } from "./generatedText.ts";
export type { GeneratedFormat, GeneratedSchema, GeneratedTextOptions } from "./generatedText.ts";
