/**
 * What one shopping session does, REES46-style: it views a few products (often the same one
 * again, or an alternative from the same category), sometimes puts the product it is looking at
 * in the cart, and sometimes buys what it carted — right away, or after more browsing at the end
 * of the session. Probabilities are derived from the target event mix, so the stream's overall
 * mix matches it whatever the session lengths are.
 */
import type { Catalog } from "./catalog.ts";
import type { Xoshiro128 } from "./prng.ts";

/** Event type codes, as stored in compact columns; `EVENT_TYPES[code]` is the REES46 name. */
export const VIEW = 0;
export const CART = 1;
export const PURCHASE = 2;
export type EventTypeCode = typeof VIEW | typeof CART | typeof PURCHASE;
export const EVENT_TYPES = ["view", "cart", "purchase"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Shares of the three event types; they need not sum to 1 (they are normalised). */
export interface EventMix {
  readonly view: number;
  readonly cart: number;
  readonly purchase: number;
}

/** REES46 Oct–Dec 2019: 94.04 % view, 3.56 % cart, 2.40 % purchase (performance-anchors.md §6). */
export const REES46_MIX: EventMix = { view: 0.9404, cart: 0.0356, purchase: 0.024 };

/** Share of purchases made right after the cart (the rest happen at the end of the session). */
const IMMEDIATE_PURCHASE = 0.5;
/** Chance that a further view looks at the same product again. */
const REPEAT_VIEW = 0.25;
/** Chance that a further view looks at another product of the same category. */
const SAME_CATEGORY = 0.35;

/** Per-step probabilities of a session. */
export interface SessionModel {
  /** Mean number of views in a session (≥ 1). */
  readonly meanViews: number;
  /** Chance that a view is followed by a cart of that product. */
  readonly cartPerView: number;
  /** Chance that a cart is followed at once by its purchase. */
  readonly immediatePurchase: number;
  /** Chance that a cart not bought at once is bought at the end of the session. */
  readonly latePurchase: number;
}

/** The session model whose long-run event mix is `mix` and whose sessions average `meanSessionEvents` events. */
export function sessionModelFor(mix: EventMix, meanSessionEvents: number): SessionModel {
  const { view, cart, purchase } = mix;
  if (!(view > 0) || !(cart >= 0) || !(purchase >= 0)) {
    throw new RangeError(`event mix needs view > 0 and cart, purchase ≥ 0, got ${JSON.stringify(mix)}`);
  }
  if (purchase > cart) {
    throw new RangeError(
      `event mix: purchases (${purchase}) cannot exceed carts (${cart}); a session buys what it carted`,
    );
  }
  if (!(meanSessionEvents >= 1))
    throw new RangeError(`meanSessionEvents must be ≥ 1, got ${meanSessionEvents}`);
  const cartPerView = cart / view;
  if (cartPerView > 1)
    throw new RangeError(`event mix: at most one cart per view, got ${cartPerView.toFixed(3)}`);
  const purchasePerCart = cart === 0 ? 0 : purchase / cart;
  const immediatePurchase = Math.min(IMMEDIATE_PURCHASE, purchasePerCart);
  const latePurchase =
    immediatePurchase >= 1 ? 0 : (purchasePerCart - immediatePurchase) / (1 - immediatePurchase);
  return {
    meanViews: Math.max(1, (meanSessionEvents * view) / (view + cart + purchase)),
    cartPerView,
    immediatePurchase,
    latePurchase,
  };
}

/** Longest session kept; later steps are dropped (with REES46-like lengths, about 1 session in 10^6). */
export const MAX_SESSION_EVENTS = 64;

/** Reused between calls: carts waiting for the end of the session. */
const pendingCarts: number[] = [];

/**
 * Draws one session's events into `out` from `offset`, each as `product * 4 + type`; returns
 * how many were written (1 … {@link MAX_SESSION_EVENTS}). Writing into a caller's typed array
 * keeps open sessions out of the garbage-collected heap, which matters with 10^5 of them.
 */
export function scriptSession(
  model: SessionModel,
  catalog: Catalog,
  random: Xoshiro128,
  out: Int32Array,
  offset: number,
): number {
  let length = 0;
  const emit = (type: EventTypeCode, product: number): void => {
    if (length < MAX_SESSION_EVENTS) out[offset + length++] = product * 4 + type;
  };
  pendingCarts.length = 0;
  const views = 1 + geometric(random, model.meanViews - 1);
  let product = catalog.pickPopular(random);
  for (let v = 0; v < views; v++) {
    if (v > 0) {
      const u = random.nextFloat();
      if (u >= REPEAT_VIEW) {
        product =
          u < REPEAT_VIEW + SAME_CATEGORY
            ? catalog.pickSameCategory(product, random)
            : catalog.pickPopular(random);
      }
    }
    emit(VIEW, product);
    if (!random.chance(model.cartPerView)) continue;
    emit(CART, product);
    if (random.chance(model.immediatePurchase)) emit(PURCHASE, product);
    else pendingCarts.push(product);
  }
  for (const carted of pendingCarts) {
    if (random.chance(model.latePurchase)) emit(PURCHASE, carted);
  }
  return length;
}

/** A geometric count ≥ 0 with the given mean (failures before the first success). */
function geometric(random: Xoshiro128, mean: number): number {
  if (mean <= 0) return 0;
  const p = 1 / (mean + 1);
  return Math.floor(Math.log(1 - random.nextFloat()) / Math.log(1 - p));
}
