/**
 * The floor under every keyed run: what the timed loop of `runWorkload` costs before any CEP
 * work. It builds each event object from the columns, as the run does, and finds the event's
 * key in a `Map` of per-key objects, which is the least a keyed operator does per element
 * (Flink's heap state backend does the same with a hash table). Reported next to each run
 * (`floorEventsPerSec`), so the share of the time that is the engine's own can be read off.
 */
import type { EventSource } from "./runWorkload.ts";

/** Per-key state of the floor loop: one small object, like an operator's key context. */
interface KeySlot {
  events: number;
  lastTimestamp: number;
}

/** Events per second of the floor loop over `columns` (wall time). */
export function measureFloor(columns: EventSource): number {
  const slots = new Map<string, KeySlot>();
  const n = columns.length;
  const timestamps = columns.timestamps;
  let fields = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const event = columns.event(i);
    const key = columns.key(i);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = { events: 0, lastTimestamp: 0 };
      slots.set(key, slot);
    }
    slot.events++;
    slot.lastTimestamp = timestamps[i] ?? 0;
    // Read the event, so building it cannot be optimised away.
    if (event.event_type === "purchase") fields++;
  }
  const seconds = (performance.now() - start) / 1000;
  if (fields < 0) throw new Error("unreachable");
  return n / seconds;
}
