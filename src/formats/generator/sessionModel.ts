/**
 * The probabilities behind one shopping session, REES46-style, and the event codes a session
 * script is written in (see `sessionScript.ts` for the script itself). Probabilities are derived
 * from the target event mix, so the stream's overall view / cart / purchase mix matches it
 * whatever the session lengths and funnels are.
 */

/** Event type codes, as stored in compact columns; `EVENT_TYPES[code]` is the REES46 name (codes 0–3). */
export const VIEW = 0;
export const CART = 1;
export const PURCHASE = 2;
/** Only with {@link SessionFlavour.removeAbandoned} > 0 (REES46's cosmetics shop has it; seed 000 does). */
export const REMOVE_FROM_CART = 3;
/** Only with {@link SessionFlavour.loginLogout} (seed 001's actions); no REES46 name. */
export const LOGIN = 4;
export const LOGOUT = 5;
export type EventTypeCode =
  typeof VIEW | typeof CART | typeof PURCHASE | typeof REMOVE_FROM_CART | typeof LOGIN | typeof LOGOUT;
/** REES46 `event_type` names of codes 0–3. */
export const EVENT_TYPES = ["view", "cart", "purchase", "remove_from_cart"] as const;
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
/** Chance that a further view looks at the same product again (seed scenario 3's repeat views). */
export const REPEAT_VIEW = 0.25;
/** Chance that a further view looks at another product of the same category; the rest browse across categories. */
export const SAME_CATEGORY = 0.35;
/**
 * Chance that a repeat view, right after a full-price view of the product, shows it at a
 * dropped price (seed scenario 4: view, cheaper view of the same product, cart).
 */
export const PRICE_DROP = 0.12;
/** The dropped price is this share of the list price. */
export const PRICE_DROP_FACTOR = 0.85;
/** Chance that a shopper who just saw a price drop carts the product at once. */
const PRICE_DROP_CART = 0.5;
/** Share of sessions that only browse, long (seed scenario 5: ≥ 10 views, no purchase). */
export const LONG_BROWSE = 0.01;
/** A long browse views at least this many products… */
export const LONG_BROWSE_MIN_VIEWS = 10;
/** …plus a geometric number with this mean. */
export const LONG_BROWSE_EXTRA_VIEWS = 6;
/** With login / logout: share of sessions that log in and straight out again (seed 001's first pattern). */
export const BOUNCE = 0.05;

/** Schema-specific extras of a session, beyond REES46's view / cart / purchase. */
export interface SessionFlavour {
  /** Chance that a cart still unbought at the end of the session is removed (REMOVE_FROM_CART). */
  readonly removeAbandoned: number;
  /** Sessions start with LOGIN and end with LOGOUT (seed 001's actions). */
  readonly loginLogout: boolean;
}

/** Plain REES46 sessions. */
export const REES46_FLAVOUR: SessionFlavour = { removeAbandoned: 0, loginLogout: false };

/** Per-step probabilities of a session. */
export interface SessionModel extends SessionFlavour {
  /** Mean number of views in an ordinary (not long-browse) session (≥ 1). */
  readonly meanViews: number;
  /** Chance that a full-price view is followed by a cart of that product. */
  readonly cartPerView: number;
  /** Chance that a cart is followed at once by its purchase. */
  readonly immediatePurchase: number;
  /** Chance that a cart not bought at once is bought at the end of the session. */
  readonly latePurchase: number;
  /** Chance that a price-drop view is carted at once (0 when the mix has no carts). */
  readonly priceDropCart: number;
}

/** The session model whose long-run event mix is `mix` and whose sessions average `meanSessionEvents` events. */
export function sessionModelFor(
  mix: EventMix,
  meanSessionEvents: number,
  flavour: SessionFlavour = REES46_FLAVOUR,
): SessionModel {
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
  const targetCartPerView = cart / view;
  if (targetCartPerView > 1)
    throw new RangeError(`event mix: at most one cart per view, got ${targetCartPerView.toFixed(3)}`);
  const purchasePerCart = cart === 0 ? 0 : purchase / cart;
  const immediatePurchase = Math.min(IMMEDIATE_PURCHASE, purchasePerCart);
  const latePurchase =
    immediatePurchase >= 1 ? 0 : (purchasePerCart - immediatePurchase) / (1 - immediatePurchase);
  // Long browses add views and no carts: ordinary sessions get fewer views and cart more per
  // view, so the totals per session stay on target.
  const meanViewsOverall = Math.max(1, (meanSessionEvents * view) / (view + cart + purchase));
  const longMean = LONG_BROWSE_MIN_VIEWS + LONG_BROWSE_EXTRA_VIEWS;
  const meanViews = Math.max(1, (meanViewsOverall - LONG_BROWSE * longMean) / (1 - LONG_BROWSE));
  const cartsPerOrdinaryView = (targetCartPerView * meanViewsOverall) / ((1 - LONG_BROWSE) * meanViews);
  // Price-drop views cart at their own rate; about this share of ordinary views are one
  // (a repeat view, right after a full-price view of the same product, that drops the price).
  const dropShare = PRICE_DROP * REPEAT_VIEW * ((meanViews - 1) / meanViews) * (1 - cartsPerOrdinaryView);
  const priceDropCart = cart === 0 ? 0 : PRICE_DROP_CART;
  const cartPerView = Math.min(
    1,
    Math.max(0, (cartsPerOrdinaryView - dropShare * priceDropCart) / (1 - dropShare)),
  );
  return { meanViews, cartPerView, immediatePurchase, latePurchase, priceDropCart, ...flavour };
}
