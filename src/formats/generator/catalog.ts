/**
 * The product catalog behind the synthetic REES46 clickstream: products with a category id
 * (a 19-digit string), a dotted category code, a brand and a price, drawn to match the
 * marginals published for REES46 Oct–Dec 2019 (docs/performance-anchors.md §6):
 * - category codes of 2–3 levels, `electronics.smartphone` about 37 % of coded rows,
 *   about 20 % of rows without a code, about 8.6 % without a brand;
 * - prices log-normal around a per-category median (overall median ≈ 160), 2 decimals,
 *   clipped to REES46's observed range 0.77 … 2574.07.
 * Popularity is skewed (a few products get most views), as in any shop.
 */
import type { Xoshiro128 } from "./prng.ts";

/** One product; every event about it shares these (string) values. */
export interface Product {
  readonly productId: string;
  readonly categoryId: string;
  readonly categoryCode: string | null;
  readonly brand: string | null;
  readonly price: number;
}

interface CategorySpec {
  readonly code: string | null;
  /** Relative share of events. */
  readonly weight: number;
  readonly medianPrice: number;
  readonly brands: readonly string[];
}

/** Shares of events by category; `null` codes stand for REES46's uncategorised rows. */
const CATEGORIES: readonly CategorySpec[] = [
  {
    code: "electronics.smartphone",
    weight: 21,
    medianPrice: 250,
    brands: ["samsung", "apple", "xiaomi", "huawei", "oppo"],
  },
  {
    code: "electronics.audio.headphone",
    weight: 4,
    medianPrice: 60,
    brands: ["samsung", "apple", "sony", "jbl"],
  },
  { code: "electronics.video.tv", weight: 4, medianPrice: 330, brands: ["samsung", "lg", "sony", "artel"] },
  {
    code: "electronics.clocks",
    weight: 3,
    medianPrice: 170,
    brands: ["apple", "samsung", "casio", "garmin"],
  },
  {
    code: "computers.notebook",
    weight: 4,
    medianPrice: 550,
    brands: ["acer", "asus", "hp", "lenovo", "apple"],
  },
  { code: "computers.desktop", weight: 1, medianPrice: 600, brands: ["hp", "lenovo", "dell"] },
  {
    code: "appliances.kitchen.washer",
    weight: 3,
    medianPrice: 300,
    brands: ["lg", "samsung", "beko", "indesit"],
  },
  {
    code: "appliances.kitchen.refrigerators",
    weight: 3,
    medianPrice: 420,
    brands: ["lg", "samsung", "atlant", "beko"],
  },
  {
    code: "appliances.environment.vacuum",
    weight: 3,
    medianPrice: 120,
    brands: ["samsung", "philips", "vitek", "bosch"],
  },
  { code: "appliances.personal.massager", weight: 1, medianPrice: 40, brands: ["bradex", "xiaomi"] },
  { code: "apparel.shoes", weight: 3, medianPrice: 70, brands: ["nike", "adidas", "puma", "rieker"] },
  { code: "apparel.shoes.keds", weight: 1, medianPrice: 55, brands: ["nike", "adidas", "vans"] },
  { code: "furniture.living_room.sofa", weight: 1, medianPrice: 380, brands: ["brw", "askona"] },
  { code: "furniture.bedroom.bed", weight: 1, medianPrice: 300, brands: ["askona", "brw"] },
  { code: "construction.tools.drill", weight: 1, medianPrice: 80, brands: ["bosch", "makita", "dewalt"] },
  { code: "auto.accessories.player", weight: 1, medianPrice: 50, brands: ["pioneer", "alpine"] },
  { code: "kids.toys", weight: 2, medianPrice: 30, brands: ["lego", "hasbro", "mattel"] },
  { code: "sport.bicycle", weight: 1, medianPrice: 250, brands: ["stels", "forward", "trek"] },
  { code: "accessories.bag", weight: 1, medianPrice: 45, brands: ["samsonite", "xiaomi"] },
  // Uncategorised rows (≈ 20 % of events): cheaper odds and ends.
  { code: null, weight: 8, medianPrice: 90, brands: ["lucente", "karcher", "cordiant", "respect", "tefal"] },
  { code: null, weight: 5, medianPrice: 40, brands: ["nokian", "michelin", "sirius", "elenberg"] },
  { code: null, weight: 3, medianPrice: 15, brands: ["kapous", "estel", "ingarden", "lovular"] },
];

const MIN_PRICE = 0.77;
const MAX_PRICE = 2574.07;
/** Spread of log(price) within a category; with the medians, gives REES46's purchase p25/p50/p75 ≈ 84 / 175 / 375. */
const PRICE_SIGMA = 0.65;
/** Scales every category median (keeps their ratios). */
const PRICE_SCALE = 1.1;
/** Share of products without a brand (REES46: 8.6 % of rows). */
const NO_BRAND = 0.086;

/** A seeded product catalog with skewed popularity. */
export class Catalog {
  readonly products: readonly Product[];
  /** Category index of each product. */
  private readonly categoryOf: Uint16Array;
  /** Product indices of each category. */
  private readonly productsByCategory: ReadonlyArray<readonly number[]>;

  constructor(size: number, random: Xoshiro128) {
    if (!Number.isInteger(size) || size < CATEGORIES.length) {
      throw new RangeError(`products must be a whole number ≥ ${CATEGORIES.length}, got ${size}`);
    }
    const categoryIds = CATEGORIES.map(() => categoryIdFrom(random));
    const totalWeight = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
    const drafts: Array<{ readonly product: Product; readonly category: number }> = [];
    // Products are spread over categories by weight, so uniform picks within the catalog
    // already reproduce the category shares; popularity skew is applied on top, by rank.
    let start = 0;
    CATEGORIES.forEach((category, c) => {
      const end =
        c === CATEGORIES.length - 1
          ? size
          : start + Math.max(1, Math.round((size * category.weight) / totalWeight));
      for (let i = start; i < Math.min(end, size); i++) {
        drafts.push({ product: productFrom(i, category, categoryIds[c] ?? "", random), category: c });
      }
      start = end;
    });
    shuffle(drafts, random);
    this.products = drafts.map((d) => d.product);
    this.categoryOf = Uint16Array.from(drafts, (d) => d.category);
    const byCategory: number[][] = CATEGORIES.map(() => []);
    drafts.forEach((d, i) => byCategory[d.category]?.push(i));
    this.productsByCategory = byCategory;
  }

  /** Number of products. */
  get size(): number {
    return this.products.length;
  }

  /**
   * A product index by popularity: rank r is chosen with density ∝ r^(−2/3) (u³ sampling), so
   * the top 1 % of products get ≈ 22 % of the picks.
   */
  pickPopular(random: Xoshiro128): number {
    const u = random.nextFloat();
    return Math.floor(u * u * u * this.products.length);
  }

  /** Another product of the same category as `product` (a shopper comparing alternatives). */
  pickSameCategory(product: number, random: Xoshiro128): number {
    const siblings = this.productsByCategory[this.categoryOf[product] ?? 0] ?? [];
    return siblings.length === 0 ? product : (siblings[random.nextInt(siblings.length)] ?? product);
  }
}

function productFrom(index: number, category: CategorySpec, categoryId: string, random: Xoshiro128): Product {
  const raw = PRICE_SCALE * category.medianPrice * Math.exp(PRICE_SIGMA * random.nextGaussian());
  const price = Math.round(Math.min(MAX_PRICE, Math.max(MIN_PRICE, raw)) * 100) / 100;
  const brand = random.chance(NO_BRAND)
    ? null
    : (category.brands[random.nextInt(category.brands.length)] ?? null);
  return {
    // REES46 product ids are 7–8 digit numbers (1005073, 12703015, …), kept as strings.
    productId: String(1_000_000 + index * 97 + random.nextInt(97)),
    categoryId,
    categoryCode: category.code,
    brand,
    price,
  };
}

/** A 19-digit id like REES46's `2053013555631882655`; always below 2^63, never a safe JS number. */
function categoryIdFrom(random: Xoshiro128): string {
  let digits = "2053013";
  while (digits.length < 19) digits += String(random.nextInt(10));
  return digits;
}

/** Fisher–Yates, so popularity ranks are not ordered by category. */
function shuffle(items: unknown[], random: Xoshiro128): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const a = items[i];
    items[i] = items[j];
    items[j] = a;
  }
}
