import type { SubtaskBroadcastView } from "../../runtime/job/index.ts";

/** A processor job's broadcast state: MapState name → `[key, value]` entries. */
export type ProcessorBroadcastState = NonNullable<SubtaskBroadcastView["processorState"]>;

/** One MapState entry as the Broadcast tab lists it. */
export interface ProcessorStateRow {
  /** The MapState's descriptor name, e.g. `configBroadcastState`. */
  readonly state: string;
  /** The entry's key; a `null` key (the seed 001 pattern's single entry) reads "null". */
  readonly key: string;
  /** The value as JSON, with a space after each object member so narrow columns wrap between fields. */
  readonly value: string;
}

/**
 * A processor's broadcast state as rows: MapStates by name, entries in insertion order (the order
 * `MapState.entries()` iterates in), so every subtask's copy reads the same when they are equal.
 */
export function processorStateRows(state: ProcessorBroadcastState): ProcessorStateRow[] {
  return Object.keys(state)
    .sort()
    .flatMap((name) =>
      (state[name] ?? []).map(([key, value]) => ({
        state: name,
        key: key ?? "null",
        value: valueText(value),
      })),
    );
}

function valueText(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value !== "object" || value === null || Array.isArray(value)) return JSON.stringify(value);
  const members = Object.entries(value).map(
    ([name, member]) => `${JSON.stringify(name)}: ${valueText(member)}`,
  );
  return `{${members.join(", ")}}`;
}
