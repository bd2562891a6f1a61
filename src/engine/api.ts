/**
 * The engine's public types: what `compilePattern` takes and what a compiled NFA hands back.
 * Kept apart from the implementation so the operator, the CLI and the harness can depend on
 * the contract without pulling in the compiler.
 */
import type { PatternDiagnostic } from "../model/validate.ts";
import type { AfterMatchSkipStrategy, ConditionBindings } from "../model/pattern.ts";
import type { KeyedNFAState } from "./nfaState.ts";
import type { PartialMatchView } from "./inspect/partialMatchView.ts";
import type { EventExplanation } from "./explain/explanation.ts";

/** One input event: a record of named fields (identifiers kept as strings). */
export type EventRecord = Readonly<Record<string, unknown>>;

/** A match: stage name → events, stages in pattern order (Map keeps insertion order even for numeric-looking names). */
export type Match = ReadonlyMap<string, readonly EventRecord[]>;

/** A partial match dropped by a window, with the time it timed out (`first + window` or `previous + window`). */
export interface TimedOutMatch {
  readonly match: Match;
  readonly timestamp: number;
}

/** Something worth telling the user that does not stop processing. */
export type { PatternDiagnostic };

export interface EngineWarning {
  readonly kind: "partial-match-cap";
  readonly message: string;
  /** The cap that was hit. */
  readonly limit: number;
}

export interface CompileOptions {
  /** Java condition class name → condition-language expression. */
  readonly bindings?: ConditionBindings;
  /**
   * Most partial matches one NFAState may hold (start state not counted); default 10 000. Beyond
   * it the runs that started latest are dropped (ties: the later in queue order).
   */
  readonly maxPartialMatches?: number;
  /**
   * Flink's `timeoutHandling`: when false, `advanceTime` drops timed-out partial matches without
   * building them (`timedOut` stays empty), which saves the work when nobody reads timeouts.
   * Default true.
   */
  readonly handleTimeout?: boolean;
  /** Called once per NFAState when the cap is first hit. */
  readonly onWarning?: (warning: EngineWarning) => void;
  /**
   * Use this strategy instead of the pattern's own, as Flink's `NFATestHarness` does with
   * `withAfterMatchSkipStrategy` (`feedNFA` runs every pattern with NO_SKIP).
   */
  readonly afterMatchSkipStrategy?: AfterMatchSkipStrategy;
}

/** A pattern compiled to an NFA (Flink's `NFAFactory` + `NFA`); all per-key data lives in the state. */
export interface CompiledNFA {
  /** Fresh per-key state (NFAState + SharedBuffer), plain data. */
  createState(): KeyedNFAState;
  /** NFA.process: completed matches (after-match skip applied), in emission order. `config` = broadcast config for conditions. */
  process(
    state: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
    config?: Readonly<Record<string, unknown>>,
  ): Match[];
  /** NFA.advanceTime: prunes windowed partial matches; returns pending matches released (notFollowedBy at end) and timeouts. */
  advanceTime(state: KeyedNFAState, timestamp: number): { matches: Match[]; timedOut: TimedOutMatch[] };
  /** True when the state holds nothing (no partial match beyond the start state, nothing pending) — lets operators drop keys. */
  isEmpty(state: KeyedNFAState): boolean;
  /**
   * The key's live partial matches (earliest start first), then the completed matches an
   * after-match skip strategy holds back — read-only, with the user's stage names.
   */
  inspect(state: KeyedNFAState): readonly PartialMatchView[];
  /**
   * Adds to `into`, per user stage name, how many partial matches of the key wait there (start
   * runs and held-back completed matches not counted). Extracts no events: cheap enough to run
   * over every key each frame.
   */
  countByStage(state: KeyedNFAState, into: Map<string, number>): void;
  /**
   * What feeding `event` at `timestamp` would do — `advanceTime(timestamp)` then `process`, as
   * the operator does — to every run of the key: transitions and conditions checked, outcome,
   * matches, timeouts and what the skip strategy prunes. Does NOT change `state` (it replays on
   * a copy with a tracing NFA built on first use). A condition that throws ends the explanation
   * with `error` set.
   */
  explain(
    state: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
    config?: Readonly<Record<string, unknown>>,
  ): EventExplanation;
  /** ms, null = no window. */
  readonly windowTime: number | null;
  /** Pattern order (atomic stages, flattened groups). */
  readonly stageNames: readonly string[];
}

/** A pattern Flink's `Pattern` API or `NFACompiler` would reject, with every diagnostic found. */
export class MalformedPatternError extends Error {
  readonly diagnostics: PatternDiagnostic[];

  constructor(diagnostics: PatternDiagnostic[]) {
    super(
      diagnostics.length === 1 && diagnostics[0]
        ? `Malformed pattern: ${describe(diagnostics[0])}`
        : `Malformed pattern:\n${diagnostics.map((d) => `  - ${describe(d)}`).join("\n")}`,
    );
    this.name = "MalformedPatternError";
    this.diagnostics = diagnostics;
  }
}

function describe(d: PatternDiagnostic): string {
  // Messages already start with "stage 'x': " when they concern a stage.
  return d.path ? `${d.message} (at ${d.path})` : d.message;
}
