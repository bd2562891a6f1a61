/**
 * Port of Flink's `sharedbuffer.SharedBufferAccessor` (with the parts of `SharedBuffer` it calls):
 * registering events, adding versioned nodes, reference counting, and extracting the events of a
 * run by walking edges backwards with Dewey-number compatibility.
 *
 * One accessor serves every key of a compiled NFA; the per-key data is passed in.
 */
import type { EventRecord } from "../api.ts";
import { isCompatibleWith, type DeweyNumber } from "../deweyNumber.ts";
import { compareEventIds } from "./eventId.ts";
import {
  releaseLock,
  type NodeId,
  type SharedBufferData,
  type SharedBufferEdge,
  type SharedBufferNode,
} from "./sharedBuffer.ts";

/** An extracted run: stage name → nodes (each its event's id), in the order the run took them. */
export type EventIdMatch = Map<string, SharedBufferNode[]>;

/**
 * The event being processed (Flink's `NFA.EventWrapper`): its id once registered (on its first
 * TAKE), and the nodes built on it so far by stage, which is how `put` finds an existing `NodeId`.
 */
export interface EventWrapper {
  event: EventRecord;
  timestamp: number;
  eventId: number | null;
  nodes: Array<SharedBufferNode | undefined> | null;
}

const NO_EDGE = "";

/** Whether `node` was removed from the buffer. */
export function isReleased(node: SharedBufferNode): boolean {
  return node.refCount < 0;
}

export class SharedBufferAccessor {
  constructor(
    /** Stage names by stage index (the original, user-given pattern names). */
    private readonly stageNames: readonly string[],
  ) {}

  /** `advanceTime`: no event at a timestamp before `timestamp` will come, so forget their counters. */
  advanceTime(buffer: SharedBufferData, timestamp: number): void {
    if (buffer.countTimestamp < timestamp) {
      buffer.countTimestamp = Number.NaN;
      buffer.count = 0;
    }
    const older = buffer.olderCounts;
    if (older) {
      for (const ts of older.keys()) if (ts < timestamp) older.delete(ts);
      if (older.size === 0) buffer.olderCounts = null;
    }
  }

  /** `registerEvent`: the event's per-timestamp id (its `EventId` is `(id, timestamp)`). */
  registerEvent(buffer: SharedBufferData, timestamp: number): number {
    if (timestamp !== buffer.countTimestamp) {
      const previous = buffer.countTimestamp;
      if (!Number.isNaN(previous)) (buffer.olderCounts ??= new Map()).set(previous, buffer.count);
      buffer.countTimestamp = timestamp;
      buffer.count = buffer.olderCounts?.get(timestamp) ?? 0;
      buffer.olderCounts?.delete(timestamp);
    }
    return buffer.count++;
  }

  /** `put`: records that `stage` took the wrapped event after `previous` in the run `version`. */
  put(
    buffer: SharedBufferData,
    event: EventWrapper,
    eventId: number,
    stage: number,
    previous: NodeId | null,
    version: DeweyNumber,
  ): NodeId {
    if (previous !== null) this.lockNode(previous, version);
    const nodes = (event.nodes ??= []);
    const node = nodes[stage];
    if (node && !isReleased(node)) {
      if (node.edgeVersion === NO_EDGE && node.moreEdges === null) {
        node.edgeTarget = previous;
        node.edgeVersion = version;
        node.edgeRefCount = 0;
      } else {
        (node.moreEdges ??= []).push({ target: previous, version, refCount: 0 });
      }
      return node;
    }
    // Join the ring of this event's other nodes; the first live one makes the event buffered.
    let sibling: SharedBufferNode | undefined;
    for (const other of nodes) if (other) sibling = other;
    // Every field in the literal, `sibling` included: a field added afterwards would go to a
    // separate property array (about 40 bytes more per node).
    const created: SharedBufferNode = {
      event: event.event,
      timestamp: event.timestamp,
      id: eventId,
      stage,
      refCount: 0,
      edgeTarget: previous,
      edgeVersion: version,
      edgeRefCount: 0,
      moreEdges: null,
      sibling: sibling?.sibling as SharedBufferNode,
    };
    if (sibling) sibling.sibling = created;
    else created.sibling = created;
    if (!hasLiveSibling(created)) buffer.eventCount++;
    nodes[stage] = created;
    buffer.liveNodes++;
    return created;
  }

  /** `lockNode`: one more run refers to `node`; locks the edges that run can follow. */
  lockNode(node: NodeId, version: DeweyNumber): void {
    if (isReleased(node)) return;
    node.refCount += 1;
    if (node.edgeVersion !== NO_EDGE && isCompatibleWith(version, node.edgeVersion)) node.edgeRefCount += 1;
    const more = node.moreEdges;
    if (more) for (const edge of more) if (isCompatibleWith(version, edge.version)) edge.refCount += 1;
  }

  /**
   * `releaseNode`: the run `version` no longer refers to `node`. Edges and nodes whose count
   * drops to zero are removed, walking back along the run. Like Flink, the walk stops at the
   * first node that is already gone.
   */
  releaseNode(buffer: SharedBufferData, node: NodeId, version: DeweyNumber): void {
    // Flink walks with a stack: the targets of the released edges are pushed in edge order and
    // the last one is visited first. `next` is that last one; the earlier ones wait in `pending`.
    let current: NodeId | null = node;
    let currentVersion = version;
    let pending: Array<NodeId | DeweyNumber> | null = null;
    while (current !== null) {
      if (isReleased(current)) break;
      let next: NodeId | null = null;
      let nextVersion = NO_EDGE;
      if (current.edgeVersion !== NO_EDGE && isCompatibleWith(currentVersion, current.edgeVersion)) {
        if (current.edgeRefCount <= 0 || --current.edgeRefCount === 0) {
          next = current.edgeTarget;
          nextVersion = current.edgeVersion;
          current.edgeTarget = null;
          current.edgeVersion = NO_EDGE;
        }
      }
      const more = current.moreEdges;
      if (more) {
        let write = 0;
        for (const edge of more) {
          if (!isCompatibleWith(currentVersion, edge.version) || !releaseLock(edge)) {
            more[write++] = edge;
            continue;
          }
          if (edge.target === null) continue;
          if (next !== null) (pending ??= []).push(next, nextVersion);
          next = edge.target;
          nextVersion = edge.version;
        }
        more.length = write;
        this.compactEdges(current);
      }
      if (releaseLock(current)) {
        current.refCount = -1;
        buffer.liveNodes--;
        if (!hasLiveSibling(current)) buffer.eventCount--;
      }
      if (next === null && pending !== null && pending.length > 0) {
        nextVersion = pending.pop() as DeweyNumber;
        next = pending.pop() as NodeId;
      }
      current = next;
      currentVersion = nextVersion;
    }
  }

  /**
   * `extractPatterns`: every run reachable from `node` under `version` (one for a live
   * computation state), as stage name → nodes in the order the run took them.
   */
  extractPatterns(node: NodeId, version: DeweyNumber): EventIdMatch[] {
    const result: EventIdMatch[] = [];
    if (isReleased(node)) return result;
    const single = this.extractSinglePath(node, version);
    if (single !== null) {
      result.push(this.pathToMatch(single));
      return result;
    }
    // Depth-first over (node, version, path) like Flink's ExtractionState stack; path holds the
    // run newest-first, so it is read backwards to build the match.
    const stack: Array<{ node: NodeId | null; version: DeweyNumber; path: NodeId[] }> = [
      { node, version, path: [] },
    ];
    while (stack.length > 0) {
      const state = stack.pop() as (typeof stack)[number];
      const current = state.node;
      if (current === null) {
        result.push(this.pathToMatch(state.path));
        continue;
      }
      if (isReleased(current)) throw new Error("SharedBuffer: a run refers to a released node");
      state.path.push(current);
      let firstMatch = true;
      for (const edge of edgesOf(current)) {
        if (!isCompatibleWith(state.version, edge.version)) continue;
        const path = firstMatch ? state.path : state.path.slice();
        firstMatch = false;
        stack.push({ node: edge.target, version: edge.version, path });
      }
    }
    return result;
  }

  /**
   * The common case of {@link extractPatterns}: every node on the way has exactly one edge the
   * version can follow, so there is one path and no search. Null when the run branches.
   */
  private extractSinglePath(node: NodeId, version: DeweyNumber): NodeId[] | null {
    const path: NodeId[] = [];
    let current: NodeId | null = node;
    let currentVersion = version;
    while (current !== null) {
      if (isReleased(current)) return null;
      path.push(current);
      let next: NodeId | null = null;
      let nextVersion = NO_EDGE;
      let compatible = 0;
      if (current.edgeVersion !== NO_EDGE && isCompatibleWith(currentVersion, current.edgeVersion)) {
        compatible++;
        next = current.edgeTarget;
        nextVersion = current.edgeVersion;
      }
      const more = current.moreEdges;
      if (more) {
        for (const edge of more) {
          if (!isCompatibleWith(currentVersion, edge.version)) continue;
          compatible++;
          next = edge.target;
          nextVersion = edge.version;
        }
      }
      if (compatible !== 1) return null;
      current = next;
      currentVersion = nextVersion;
    }
    return path;
  }

  /**
   * `materializeMatch(extractPatterns(node, version)[0])` for a run with one path (every live
   * run): stage → events straight from the buffer, without the intermediate node lists. Null
   * when the run does not have exactly one path (callers then take the general way).
   */
  materializeSinglePath(node: NodeId, version: DeweyNumber): Map<string, EventRecord[]> | null {
    if (isReleased(node)) return null;
    const path = this.extractSinglePath(node, version);
    if (path === null) return null;
    const match = new Map<string, EventRecord[]>();
    for (let i = path.length - 1; i >= 0; i--) {
      const current = path[i] as NodeId;
      const stage = this.stageNames[current.stage] as string;
      const list = match.get(stage);
      if (list) list.push(current.event);
      else match.set(stage, [current.event]);
    }
    return match;
  }

  /**
   * The nodes of the run `version` that ends at `node`, oldest first (read-only; for inspection).
   * A live run has one path; should it have several, the first extracted one is used, ordered by
   * event id.
   */
  runNodes(node: NodeId, version: DeweyNumber): NodeId[] {
    if (isReleased(node)) return [];
    const single = this.extractSinglePath(node, version);
    if (single !== null) return single.reverse();
    const first = this.extractPatterns(node, version)[0];
    if (!first) return [];
    return [...first.values()].flat().sort(compareEventIds);
  }

  /** `materializeMatch`: nodes → events, keeping the stage order. */
  materializeMatch(match: EventIdMatch): Map<string, EventRecord[]> {
    const result = new Map<string, EventRecord[]>();
    for (const [stage, nodes] of match)
      result.set(
        stage,
        nodes.map((node) => node.event),
      );
    return result;
  }

  /** Keeps insertion order after removals: the oldest remaining edge moves into the inline slot. */
  private compactEdges(node: NodeId): void {
    const more = node.moreEdges;
    if (!more) return;
    if (node.edgeVersion === NO_EDGE && more.length > 0) {
      const first = more.shift() as SharedBufferEdge;
      node.edgeTarget = first.target;
      node.edgeVersion = first.version;
      node.edgeRefCount = first.refCount;
    }
    if (more.length === 0) node.moreEdges = null;
  }

  private pathToMatch(path: readonly NodeId[]): EventIdMatch {
    const match: EventIdMatch = new Map();
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i] as NodeId;
      const stage = this.stageNames[node.stage] as string;
      const list = match.get(stage);
      if (list) list.push(node);
      else match.set(stage, [node]);
    }
    return match;
  }
}

/** Whether another node built on the same event is still in the buffer. */
function hasLiveSibling(node: SharedBufferNode): boolean {
  for (let other = node.sibling; other !== node; other = other.sibling) if (!isReleased(other)) return true;
  return false;
}

/** The node's edges in insertion order (allocates; used off the hot path). */
export function edgesOf(node: SharedBufferNode): SharedBufferEdge[] {
  const edges: SharedBufferEdge[] = [];
  if (node.edgeVersion !== NO_EDGE) {
    edges.push({ target: node.edgeTarget, version: node.edgeVersion, refCount: node.edgeRefCount });
  }
  if (node.moreEdges) edges.push(...node.moreEdges);
  return edges;
}
