/**
 * Port of Flink's `sharedbuffer.EventId`: `(id, timestamp)`, where `id` counts the events
 * registered at that timestamp. It orders runs for the partial-match queue and for skip
 * strategies. Shared-buffer nodes carry their event's id, so a node is its own `EventId`.
 */

export interface EventId {
  readonly id: number;
  readonly timestamp: number;
}

/** `EventId.compareTo`: by timestamp, then by per-timestamp id. */
export function compareEventIds(a: EventId, b: EventId): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return a.id - b.id;
}
