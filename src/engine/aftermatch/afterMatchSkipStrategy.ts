/**
 * Port of Flink's `org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy` and its
 * subclasses (`NoSkipStrategy`, `SkipToNextStrategy`, `SkipPastLastStrategy`,
 * `SkipToFirstStrategy`, `SkipToLastStrategy`, via `SkipRelativeToWholeMatchStrategy` and
 * `SkipToElementStrategy`).
 *
 * After a match is emitted, a strategy picks a pruning event from it and discards the partial and
 * completed matches that started before (or at) that event.
 */
import type { AfterMatchSkipStrategy as SkipStrategySpec } from "../../model/pattern.ts";
import type { ComputationState } from "../computationState.ts";
import { heapRemoveIf, type Comparator } from "../javaPriorityQueue.ts";
import { compareEventIds, type EventId } from "../sharedBuffer/eventId.ts";
import type { SharedBufferData } from "../sharedBuffer/sharedBuffer.ts";
import type { EventIdMatch, SharedBufferAccessor } from "../sharedBuffer/sharedBufferAccessor.ts";

export abstract class AfterMatchSkipStrategy {
  /** False only for NO_SKIP: then completed matches are never held back. */
  abstract isSkipStrategy(): boolean;

  /** Whether a match starting at `startEventId` is discarded by `pruningId`. */
  protected abstract shouldPrune(startEventId: EventId, pruningId: EventId): boolean;

  /** The event of `matches` the strategy skips relative to, or null for no pruning. */
  protected abstract getPruningId(matches: readonly EventIdMatch[]): EventId | null;

  /**
   * `prune`: discards (and releases) the runs in `matchesToPrune` that the match `matchedResult`
   * rules out. `matchesToPrune` is a priority-queue heap array and stays one.
   */
  prune(
    matchesToPrune: ComputationState[],
    matchedResult: readonly EventIdMatch[],
    accessor: SharedBufferAccessor,
    buffer: SharedBufferData,
    comparator: Comparator<ComputationState>,
  ): void {
    const pruningId = this.getPruningId(matchedResult);
    if (pruningId === null) return;
    const discard = new Set<ComputationState>();
    for (const cs of matchesToPrune) {
      if (cs.startEventId !== null && this.shouldPrune(cs.startEventId, pruningId)) {
        if (cs.previousBufferEntry !== null) accessor.releaseNode(buffer, cs.previousBufferEntry, cs.version);
        discard.add(cs);
      }
    }
    if (discard.size > 0) heapRemoveIf(matchesToPrune, (cs) => discard.has(cs), comparator);
  }
}

/** `NoSkipStrategy`: every match is emitted. */
export class NoSkipStrategy extends AfterMatchSkipStrategy {
  isSkipStrategy(): boolean {
    return false;
  }
  protected shouldPrune(): boolean {
    return false;
  }
  protected getPruningId(): EventId | null {
    return null;
  }
}

/** `SkipRelativeToWholeMatchStrategy`: prunes runs that started at or before the pruning event. */
abstract class SkipRelativeToWholeMatchStrategy extends AfterMatchSkipStrategy {
  isSkipStrategy(): boolean {
    return true;
  }
  protected shouldPrune(startEventId: EventId, pruningId: EventId): boolean {
    return compareEventIds(startEventId, pruningId) <= 0;
  }
}

/** `SkipToNextStrategy`: discards runs that started with (or before) the match's first event. */
export class SkipToNextStrategy extends SkipRelativeToWholeMatchStrategy {
  protected getPruningId(matches: readonly EventIdMatch[]): EventId | null {
    let pruningId: EventId | null = null;
    for (const match of matches) {
      for (const events of match.values()) pruningId = minEventId(pruningId, events[0] ?? null);
    }
    return pruningId;
  }
}

/** `SkipPastLastStrategy`: discards runs that started before the match ended. */
export class SkipPastLastStrategy extends SkipRelativeToWholeMatchStrategy {
  protected getPruningId(matches: readonly EventIdMatch[]): EventId | null {
    let pruningId: EventId | null = null;
    for (const match of matches) {
      for (const events of match.values()) pruningId = maxEventId(pruningId, events.at(-1) ?? null);
    }
    return pruningId;
  }
}

/**
 * `SkipToElementStrategy` (without `throwExceptionOnMiss`, which dynamic CEP cannot express):
 * prunes runs that started strictly before the first/last event of stage `patternName`; a match
 * without that stage prunes nothing.
 */
abstract class SkipToElementStrategy extends AfterMatchSkipStrategy {
  constructor(readonly patternName: string) {
    super();
  }
  isSkipStrategy(): boolean {
    return true;
  }
  protected shouldPrune(startEventId: EventId, pruningId: EventId): boolean {
    return compareEventIds(startEventId, pruningId) < 0;
  }
  protected getPruningId(matches: readonly EventIdMatch[]): EventId | null {
    let pruningId: EventId | null = null;
    for (const match of matches) {
      const events = match.get(this.patternName);
      if (events && events.length > 0) {
        pruningId = maxEventId(pruningId, events[this.getIndex(events.length)] ?? null);
      }
    }
    return pruningId;
  }
  /** Which of the stage's events to skip to. */
  protected abstract getIndex(size: number): number;
}

/** `SkipToFirstStrategy`. */
export class SkipToFirstStrategy extends SkipToElementStrategy {
  protected getIndex(): number {
    return 0;
  }
}

/** `SkipToLastStrategy`. */
export class SkipToLastStrategy extends SkipToElementStrategy {
  protected getIndex(size: number): number {
    return size - 1;
  }
}

/** The strategy a pattern's `afterMatchStrategy` names. */
export function createSkipStrategy(spec: SkipStrategySpec): AfterMatchSkipStrategy {
  switch (spec.type) {
    case "NO_SKIP":
      return new NoSkipStrategy();
    case "SKIP_TO_NEXT":
      return new SkipToNextStrategy();
    case "SKIP_PAST_LAST_EVENT":
      return new SkipPastLastStrategy();
    case "SKIP_TO_FIRST":
      return new SkipToFirstStrategy(spec.patternName ?? "");
    case "SKIP_TO_LAST":
      return new SkipToLastStrategy(spec.patternName ?? "");
  }
}

/** `AfterMatchSkipStrategy.min`. */
function minEventId(a: EventId | null, b: EventId | null): EventId | null {
  if (b === null) return a;
  if (a === null) return b;
  return compareEventIds(a, b) <= 0 ? a : b;
}

/** `AfterMatchSkipStrategy.max`. */
function maxEventId(a: EventId | null, b: EventId | null): EventId | null {
  if (b === null) return a;
  if (a === null) return b;
  return compareEventIds(a, b) >= 0 ? a : b;
}
