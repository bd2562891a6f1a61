/** The builtin function table, and "did you mean" suggestions for unknown names. */

import { mathFunctions } from "./math.ts";
import { seqFunctions } from "./seq.ts";
import { stringFunctions } from "./string.ts";
import { systemFunctions } from "./system.ts";
import type { Builtin } from "./types.ts";

export type { Builtin } from "./types.ts";

const table = new Map<string, Builtin>();
for (const fn of [...systemFunctions, ...stringFunctions, ...mathFunctions, ...seqFunctions])
  table.set(fn.name, fn);

/** Looks up a builtin by name (own entries only: `constructor` is not a function here). */
export function lookupBuiltin(name: string): Builtin | undefined {
  return table.get(name);
}

/** Every builtin name, sorted (for editor completion). */
export const builtinNames: readonly string[] = Object.freeze([...table.keys()].sort());

/** Every builtin, sorted by name (for editor completion with documentation). */
export const builtins: readonly Builtin[] = Object.freeze(builtinNames.map((n) => table.get(n) as Builtin));

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a.charAt(i - 1).toLowerCase() === b.charAt(j - 1).toLowerCase() ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest builtin name to `name`, when one is close enough to be a plausible typo. */
export function suggestBuiltin(name: string): string | undefined {
  if (name.length > 64) return undefined;
  const bare = name.slice(name.lastIndexOf(".") + 1);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of builtinNames) {
    const short = candidate.slice(candidate.lastIndexOf(".") + 1);
    const score = Math.min(editDistance(name, candidate), editDistance(bare, short) + 0.5);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return bestScore <= Math.max(1, Math.floor(bare.length / 3)) + 0.5 ? best : undefined;
}
