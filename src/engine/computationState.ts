/**
 * Port of Flink's `org.apache.flink.cep.nfa.ComputationState`: one run of the NFA — the state it
 * waits in, its Dewey version, where its events start in the shared buffer, and its timing.
 * Plain immutable data; the NFA creates new ones rather than changing them.
 */
import { createDeweyNumber, type DeweyNumber } from "./deweyNumber.ts";
import type { EventId } from "./sharedBuffer/eventId.ts";
import type { NodeId } from "./sharedBuffer/sharedBuffer.ts";

export interface ComputationState {
  /** Index of the NFA state this run waits in (Flink keeps the state name). */
  readonly state: number;
  readonly version: DeweyNumber;
  /** Timestamp of the run's first event; -1 for a start state. */
  readonly startTimestamp: number;
  /** Timestamp of the run's latest event; -1 for a start state. */
  readonly previousTimestamp: number;
  /** The run's first event; null for a start state. */
  readonly startEventId: EventId | null;
  /** The run's latest shared-buffer node; null for a start state. */
  readonly previousBufferEntry: NodeId | null;
}

/** `ComputationState.createStartState(state[, version])`. */
export function createStartState(
  state: number,
  version: DeweyNumber = createDeweyNumber(1),
): ComputationState {
  return createState(state, null, version, -1, -1, null);
}

/** `ComputationState.createState(...)`. */
export function createState(
  state: number,
  previousBufferEntry: NodeId | null,
  version: DeweyNumber,
  startTimestamp: number,
  previousTimestamp: number,
  startEventId: EventId | null,
): ComputationState {
  return { state, version, startTimestamp, previousTimestamp, startEventId, previousBufferEntry };
}

/**
 * `NFAState.COMPUTATION_STATE_COMPARATOR` (`compareEventIds` on the start events): runs that started earlier first; start states (no
 * start event) last.
 */
export function compareComputationStates(a: ComputationState, b: ComputationState): number {
  const ea = a.startEventId;
  const eb = b.startEventId;
  if (ea === null) return eb === null ? 0 : 1;
  if (eb === null) return -1;
  // A run's startTimestamp is its start event's timestamp: compare it without loading the
  // event's buffer node (a cache miss per comparison when keys are many).
  const ta = a.startTimestamp;
  const tb = b.startTimestamp;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return ea.id - eb.id;
}
