/**
 * Writes what one shopping session does: it views a few products (the same one again, an
 * alternative from the same category, or something from another category), sometimes sees a
 * re-viewed product's price drop, sometimes carts the product it is looking at, and sometimes
 * buys what it carted — right away, or after more browsing at the end of the session. One
 * session in a hundred only browses, long. Carts left unbought are the abandoned carts of seed
 * scenario 2. The flavour adds seed 000's cart removals and seed 001's login / logout.
 */
import type { Catalog } from "./catalog.ts";
import type { Xoshiro128 } from "./prng.ts";
import {
  BOUNCE,
  CART,
  LOGIN,
  LOGOUT,
  LONG_BROWSE,
  LONG_BROWSE_EXTRA_VIEWS,
  LONG_BROWSE_MIN_VIEWS,
  PRICE_DROP,
  PURCHASE,
  REMOVE_FROM_CART,
  REPEAT_VIEW,
  SAME_CATEGORY,
  VIEW,
  type EventTypeCode,
  type SessionModel,
} from "./sessionModel.ts";

/** Longest session kept; later steps are dropped (with REES46-like lengths, about 1 session in 10^6). */
export const MAX_SESSION_EVENTS = 64;

/** Bit of a script code that marks the dropped price. */
const PRICE_DROP_BIT = 8;

/** A script code: `product * 16 + priceDrop * 8 + type`. */
export function scriptCode(type: EventTypeCode, product: number, priceDrop: boolean): number {
  return product * 16 + (priceDrop ? PRICE_DROP_BIT : 0) + type;
}

/** The parts of a script code. */
export function typeOfCode(code: number): EventTypeCode {
  return (code & 7) as EventTypeCode;
}
export function productOfCode(code: number): number {
  return code >>> 4;
}
export function priceDropOfCode(code: number): boolean {
  return (code & PRICE_DROP_BIT) !== 0;
}

/** Largest catalog a script code can address (an Int32Array holds the codes). */
export const MAX_PRODUCTS = 2 ** 27;

/** Reused between calls: carts (as script codes) waiting for the end of the session. */
const pendingCarts: number[] = [];

/**
 * Draws one session's events into `out` from `offset`, as script codes; returns how many were
 * written (1 … {@link MAX_SESSION_EVENTS}). Writing into a caller's typed array keeps open
 * sessions out of the garbage-collected heap, which matters with 10^5 of them.
 */
export function scriptSession(
  model: SessionModel,
  catalog: Catalog,
  random: Xoshiro128,
  out: Int32Array,
  offset: number,
): number {
  let length = 0;
  // With login / logout the last slot is kept for the logout, so it survives truncation.
  const limit = MAX_SESSION_EVENTS - (model.loginLogout ? 1 : 0);
  const emit = (code: number): void => {
    if (length < limit) out[offset + length++] = code;
  };
  if (model.loginLogout) {
    emit(scriptCode(LOGIN, 0, false));
    if (random.chance(BOUNCE)) {
      out[offset + length++] = scriptCode(LOGOUT, 0, false);
      return length;
    }
  }
  pendingCarts.length = 0;
  const longBrowse = random.chance(LONG_BROWSE);
  const views = longBrowse
    ? LONG_BROWSE_MIN_VIEWS + geometric(random, LONG_BROWSE_EXTRA_VIEWS)
    : 1 + geometric(random, model.meanViews - 1);
  let product = catalog.pickPopular(random);
  // True while the last event written is a full-price view of `product`: only then can a
  // price drop follow directly, as seed scenario 4's strict `next` needs.
  let lastWasFullPriceView = false;
  for (let v = 0; v < views; v++) {
    let priceDrop = false;
    if (v > 0) {
      const u = random.nextFloat();
      if (u < REPEAT_VIEW) {
        priceDrop = !longBrowse && lastWasFullPriceView && random.chance(PRICE_DROP);
      } else {
        product =
          u < REPEAT_VIEW + SAME_CATEGORY
            ? catalog.pickSameCategory(product, random)
            : catalog.pickPopular(random);
      }
    }
    emit(scriptCode(VIEW, product, priceDrop));
    lastWasFullPriceView = !priceDrop;
    if (longBrowse || !random.chance(priceDrop ? model.priceDropCart : model.cartPerView)) continue;
    lastWasFullPriceView = false;
    emit(scriptCode(CART, product, priceDrop));
    if (random.chance(model.immediatePurchase)) emit(scriptCode(PURCHASE, product, priceDrop));
    else pendingCarts.push(scriptCode(CART, product, priceDrop));
  }
  for (const carted of pendingCarts) {
    // The cart's code with another type: same product, same price.
    if (random.chance(model.latePurchase)) emit(carted - CART + PURCHASE);
    else if (model.removeAbandoned > 0 && random.chance(model.removeAbandoned))
      emit(carted - CART + REMOVE_FROM_CART);
  }
  if (model.loginLogout) out[offset + length++] = scriptCode(LOGOUT, 0, false);
  return length;
}

/** A geometric count ≥ 0 with the given mean (failures before the first success). */
function geometric(random: Xoshiro128, mean: number): number {
  if (mean <= 0) return 0;
  const p = 1 / (mean + 1);
  return Math.floor(Math.log(1 - random.nextFloat()) / Math.log(1 - p));
}
