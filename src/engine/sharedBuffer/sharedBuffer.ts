/**
 * Port of Flink's `sharedbuffer.SharedBuffer`, `SharedBufferNode`, `SharedBufferEdge`, `NodeId`
 * and `Lockable`, as plain data.
 *
 * A node is one event taken by one stage (Flink's `NodeId(eventId, stageName)`); its edges point
 * to the previous node of a run, tagged with the run's Dewey number. Nodes and edges are
 * reference counted like Flink's `Lockable`s, so a node is dropped as soon as no partial or
 * completed match can reach it: memory follows the live partial matches.
 *
 * Flink also keeps each event once in a reference-counted `eventsBuffer`. An event's count there
 * is exactly "nodes built on it" (plus a lock while it is processed), so here the nodes hold the
 * event record directly — one shared object, never copied — and the event is gone when its last
 * node is (the nodes of one event form a `sibling` ring). Runs refer to nodes by reference,
 * which `structuredClone` preserves.
 */
import type { EventRecord } from "../api.ts";
import type { DeweyNumber } from "../deweyNumber.ts";
import type { EventId } from "./eventId.ts";

/** `Lockable<SharedBufferEdge>`: a link to the previous node of one run. */
export interface SharedBufferEdge {
  /** null marks the first event of a run. */
  readonly target: SharedBufferNode | null;
  readonly version: DeweyNumber;
  refCount: number;
}

/**
 * `Lockable<SharedBufferNode>` under its `NodeId`: the event, its id and the stage that took it.
 *
 * Nearly every node has exactly one edge, so the first edge lives in the node itself
 * (`edgeTarget` / `edgeVersion` / `edgeRefCount`, empty when `edgeVersion` is "") and further
 * ones in `moreEdges`, in insertion order: this saves two objects per live run.
 */
export interface SharedBufferNode extends EventId {
  readonly event: EventRecord;
  /** Index of the stage (shared-buffer page) in the NFA's stage table. */
  readonly stage: number;
  /** Lock count; -1 once the node is removed (Flink's `getEntry` then returns null). */
  refCount: number;
  edgeTarget: SharedBufferNode | null;
  edgeVersion: DeweyNumber;
  edgeRefCount: number;
  moreEdges: SharedBufferEdge[] | null;
  /** Ring of the nodes other stages built on the same event (itself when alone). */
  sibling: SharedBufferNode;
}

/** A run's pointer into the buffer: Flink's `NodeId`. */
export type NodeId = SharedBufferNode;

/**
 * The per-key shared buffer's counters. The key's NFA state carries these fields itself (it
 * extends this interface): one object per key instead of three, so visiting a key touches one
 * cache line less.
 */
export interface SharedBufferData {
  /** `eventsCount` for the latest timestamp registered: Flink's per-timestamp id counter. */
  countTimestamp: number;
  count: number;
  /** `eventsCount` entries for other timestamps, only when events arrive out of order. */
  olderCounts: Map<number, number> | null;
  /** Flink's `eventsBuffer`, reduced to what is observable: how many distinct events it holds. */
  eventCount: number;
  /** Nodes currently in the buffer. */
  liveNodes: number;
}

/** An empty buffer on its own (tests of the accessor; NFA states embed the fields). */
export function createSharedBuffer(): SharedBufferData {
  return { countTimestamp: Number.NaN, count: 0, olderCounts: null, eventCount: 0, liveNodes: 0 };
}

/** `Lockable.release()`: true once nothing holds the lock any more. */
export function releaseLock(lockable: { refCount: number }): boolean {
  if (lockable.refCount <= 0) return true;
  lockable.refCount -= 1;
  return lockable.refCount === 0;
}
