/**
 * Canvas positions follow their stages: keys are name paths (`group/stage`), so renaming,
 * deleting, grouping and ungrouping move or drop the keys of a stage and everything inside it.
 */
import type { StageKey, StagePosition } from "../studioDocument.ts";

type Positions = Readonly<Record<StageKey, StagePosition>>;

/** True when `key` is `prefix` itself or a key inside it (`prefix/…`). */
function isUnder(key: StageKey, prefix: StageKey): boolean {
  return key === prefix || key.startsWith(`${prefix}/`);
}

/** Positions with every key under `from` moved under `to`; the same object when none moved. */
export function moveKeys(positions: Positions, from: StageKey, to: StageKey): Positions {
  if (from === to || !Object.keys(positions).some((k) => isUnder(k, from))) return positions;
  return Object.fromEntries(
    Object.entries(positions).map(([k, p]) => [isUnder(k, from) ? to + k.slice(from.length) : k, p]),
  );
}

/** Positions without the keys under any of `prefixes`; the same object when none matched. */
export function dropKeys(positions: Positions, prefixes: readonly StageKey[]): Positions {
  const drop = (k: StageKey) => prefixes.some((p) => isUnder(k, p));
  if (!Object.keys(positions).some(drop)) return positions;
  return Object.fromEntries(Object.entries(positions).filter(([k]) => !drop(k)));
}

/**
 * The position stored under `key`, or undefined. Keys are stage names the user typed, and Flink
 * takes any name — `constructor`, `toString`, `__proto__` — so a plain `positions[key]` would read
 * Object.prototype's members for them. Records of positions are built with `Object.fromEntries`
 * or computed keys for the same reason: `record["__proto__"] = p` replaces the prototype.
 */
export function positionAt(positions: Positions, key: StageKey): StagePosition | undefined {
  return Object.hasOwn(positions, key) ? positions[key] : undefined;
}
