/**
 * Reading whole numbers typed into inspector fields. Pure, so the rules are tested without a DOM.
 */

/** A typed count: the number, or why the text is not one. */
export type CountResult =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** Largest count accepted: Flink stores times and window sizes as Java ints/longs; 10⁹ keeps clear of both. */
export const MAX_COUNT = 1_000_000_000;

/** Parses `text` as a whole number ≥ `min`. */
export function parseCount(text: string, min: number): CountResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a number." };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: "Enter a whole number (digits only)." };
  const value = Number(trimmed);
  if (value < min) return { ok: false, error: `Must be at least ${min}.` };
  if (value > MAX_COUNT) return { ok: false, error: `Must be at most ${MAX_COUNT.toLocaleString("en")}.` };
  return { ok: true, value };
}
