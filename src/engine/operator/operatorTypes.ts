/**
 * The vocabulary of the keyed CEP operator (`cepOperator.ts`, a port of Flink's `CepOperator`):
 * its rules, options and outputs. `cepOperator.ts` re-exports all of it.
 */
import type { CompiledNFA, EventRecord, Match } from "../api.ts";
import type { KeyedNFAState } from "../nfaState.ts";
import type { CepOperatorSnapshot } from "./operatorSnapshot.ts";

/** The key an element belongs to (`keyBy`); null runs everything under one key. */
export type OperatorKey = string | null;

/** One rule the operator runs: its compiled NFA and the window lengths its timers need. */
export interface OperatorRule {
  readonly nfa: CompiledNFA;
  /** Window lengths in ms (`timerDelaysOf(pattern)`); defaults to `[nfa.windowTime]`. */
  readonly timerDelays?: readonly number[];
}

/** Flink's `EventComparator`: secondary order for elements with equal timestamps. */
export type EventComparator = (a: EventRecord, b: EventRecord) => number;

/** What the operator emits. `rule` indexes `CepOperatorOptions.rules`. */
export type OperatorOutput =
  | {
      readonly type: "match";
      readonly rule: number;
      readonly key: OperatorKey;
      readonly match: Match;
      /** The timestamp Flink gives the output record (the element's, or the advanceTime's). */
      readonly timestamp: number;
    }
  | {
      readonly type: "timeout";
      readonly rule: number;
      readonly key: OperatorKey;
      readonly match: Match;
      /** When the partial match timed out (`first + window` or `previous + window`). */
      readonly timestamp: number;
    }
  | {
      readonly type: "late";
      readonly key: OperatorKey;
      readonly event: EventRecord;
      readonly timestamp: number;
    };

/**
 * A key's NFA state for one rule was cleared because it had not been written for the state TTL.
 * A separate callback rather than an `OperatorOutput` variant, so consumers that switch over the
 * outputs exhaustively keep compiling.
 */
export interface StateExpiredRecord {
  readonly type: "state-expired";
  readonly rule: number;
  readonly key: OperatorKey;
  /** The operator time (watermark or processing time) at which the state was found expired. */
  readonly timestamp: number;
  /** When the state was last written. */
  readonly lastWrite: number;
  /** Live partial matches the cleared state held. */
  readonly partialMatches: number;
  /** The cleared state itself (so wrappers tracking live states can forget it). */
  readonly state: KeyedNFAState;
}

export interface CepOperatorOptions {
  readonly rules: readonly OperatorRule[];
  readonly timeCharacteristic: "eventTime" | "processingTime";
  readonly comparator?: EventComparator;
  /** Receives every output, in emission order. */
  readonly output: (record: OperatorOutput) => void;
  /**
   * State TTL in ms of the operator's time (watermark, or processing time), as Flink's
   * `StateTtlConfig` with `OnCreateAndWrite` and `NeverReturnExpired`: a key's NFA state of a rule
   * not written for this long is cleared when next accessed or when the key's cleanup timer fires.
   * Unset: state lives until the NFA empties it.
   */
  readonly stateTtlMs?: number;
  /** Receives every TTL cleanup (see {@link StateExpiredRecord}). */
  readonly onStateExpired?: (record: StateExpiredRecord) => void;
  /** Continue from this snapshot (`CepOperator.snapshotState()`) instead of starting empty. */
  readonly restore?: CepOperatorSnapshot;
}
