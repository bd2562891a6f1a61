/**
 * One parallel instance of the keyed CEP operator of a {@link StreamJob}: what Ververica's
 * `DynamicCepOperator` is for one subtask, built from the engine's `CepOperator`.
 *
 * Rule versions run in groups, one `CepOperator` per group: the rules the job starts with form
 * one group (so their outputs interleave exactly as a single multi-rule operator's do), and each
 * rule version added from the broadcast stream gets its own group, starting with empty state
 * and an empty element queue (Flink keeps an element queue per pattern processor). A group whose
 * rules are all retired is dropped with its buffered elements.
 *
 * Lateness is decided here, once per element, against the subtask's watermark, which every
 * group shares; so a late element is reported once however many rules run, and also when none
 * does.
 */
import type { EventRecord, KeyedNFAState } from "../../engine/index.ts";
import {
  CepOperator,
  CepOperatorError,
  timerDelaysOf,
  type CepOperatorSnapshot,
  type EventComparator,
  type OperatorKey,
  type OperatorOutput,
  type StateExpiredRecord,
} from "../../engine/operator/index.ts";
import type { JobOutput } from "./jobTypes.ts";
import type { RuleVersionNfa } from "./ruleVersionNfa.ts";

/** An NFA call failed; names the rule version, subtask, key and element (null: a timer). */
export class StreamJobError extends Error {
  constructor(
    readonly rule: RuleVersionNfa["rule"],
    readonly subtask: number,
    readonly key: OperatorKey,
    readonly event: EventRecord | null,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "StreamJobError";
  }
}

interface RuleGroup {
  readonly operator: CepOperator;
  readonly rules: readonly RuleVersionNfa[];
}

/** A {@link CepSubtask}'s state; rule versions are indexes into the job snapshot's rule table. */
export interface CepSubtaskSnapshot {
  readonly watermark: number;
  readonly now: number;
  readonly groups: ReadonlyArray<{
    readonly rules: readonly number[];
    readonly operator: CepOperatorSnapshot;
  }>;
}

/** A key's state for one rule version of a subtask: live objects, to read and not to change. */
export interface KeyStateView {
  readonly version: RuleVersionNfa;
  /** The key's NFA state; null when the version holds nothing for the key. */
  readonly state: KeyedNFAState | null;
  /** Elements of the key buffered until the watermark passes them (shared by the version's group). */
  readonly buffered: ReadonlyArray<{ readonly event: EventRecord; readonly timestamp: number }>;
}

/** One subtask's CEP rules, watermark and clock. */
export class CepSubtask {
  private groups: RuleGroup[] = [];
  private watermark = Number.NEGATIVE_INFINITY;
  private now = 0;

  constructor(
    readonly index: number,
    private readonly isProcessingTime: boolean,
    private readonly comparator: EventComparator | undefined,
    private readonly emit: (record: JobOutput) => void,
    /** State TTL in ms of the subtask's operators; their cleanups go through `emit`. */
    private readonly ttlMs: number | null = null,
  ) {}

  /** The subtask's event-time watermark. */
  get currentWatermark(): number {
    return this.watermark;
  }

  /** The rule versions this subtask runs, retired ones left out. */
  ruleVersions(): Array<RuleVersionNfa["rule"]> {
    return this.groups.flatMap((group) => group.rules.filter((r) => !r.retired).map((r) => r.rule));
  }

  /**
   * `key`'s state per running rule version. Reads the operators' state capture, which walks
   * every key of the subtask: for on-demand queries, not per event.
   */
  keyState(key: OperatorKey): KeyStateView[] {
    const views: KeyStateView[] = [];
    for (const group of this.groups) {
      const found = group.operator.captureState().keys.find((k) => k.key === key);
      const buffered =
        found === undefined
          ? []
          : found.events.map((event, i) => ({ event, timestamp: found.times[i] ?? 0 }));
      group.rules.forEach((version, r) => {
        if (!version.retired) views.push({ version, state: found?.states[r] ?? null, buffered });
      });
    }
    return views;
  }

  /** Starts a group running `rules`, at the subtask's current watermark and time. */
  addGroup(rules: readonly RuleVersionNfa[]): void {
    if (rules.length === 0) return;
    const operator = this.createOperator(rules, undefined);
    // A new pattern processor joins an operator whose time has already moved on.
    if (this.isProcessingTime) operator.setProcessingTime(this.now);
    else operator.processWatermark(this.watermark);
    this.groups.push({ operator, rules });
  }

  /**
   * The subtask's state, sharing live objects (the job copies the whole job snapshot at once).
   * `indexOf` numbers the rule versions.
   */
  capture(indexOf: (rule: RuleVersionNfa) => number): CepSubtaskSnapshot {
    return {
      watermark: this.watermark,
      now: this.now,
      groups: this.groups.map((group) => ({
        rules: group.rules.map(indexOf),
        operator: group.operator.captureState(),
      })),
    };
  }

  /** Replaces this subtask's state with `saved` (taken over, not copied). */
  restore(saved: CepSubtaskSnapshot, ruleAt: (index: number) => RuleVersionNfa): void {
    this.watermark = saved.watermark;
    this.now = saved.now;
    this.groups = saved.groups.map((group) => {
      const rules = group.rules.map(ruleAt);
      for (const key of group.operator.keys) {
        key.states.forEach((state, r) => {
          if (state !== null) rules[r]?.adopt(state);
        });
      }
      return { operator: this.createOperator(rules, group.operator), rules };
    });
  }

  private createOperator(
    rules: readonly RuleVersionNfa[],
    restore: CepOperatorSnapshot | undefined,
  ): CepOperator {
    const ttlMs = this.ttlMs;
    return new CepOperator({
      rules: rules.map((nfa) => ({ nfa, timerDelays: timerDelaysOf(nfa.rule.pattern) })),
      timeCharacteristic: this.isProcessingTime ? "processingTime" : "eventTime",
      ...(this.comparator === undefined ? {} : { comparator: this.comparator }),
      output: (output) => {
        this.forward(output, rules);
      },
      ...(ttlMs === null
        ? {}
        : {
            stateTtlMs: ttlMs,
            onStateExpired: (record: StateExpiredRecord) => {
              this.expired(record, rules);
            },
          }),
      ...(restore === undefined ? {} : { restore }),
    });
  }

  private expired(record: StateExpiredRecord, rules: readonly RuleVersionNfa[]): void {
    const nfa = rules[record.rule];
    if (nfa === undefined) throw new RangeError(`no rule ${record.rule} in this group`);
    nfa.forget(record.state);
    this.emit({
      type: "state-expired",
      key: record.key,
      subtask: this.index,
      rule: nfa.rule,
      timestamp: record.timestamp,
      lastWrite: record.lastWrite,
      partialMatches: record.partialMatches,
    });
  }

  /** Drops the groups whose rules are all retired (their state and buffered elements go too). */
  dropRetiredGroups(): void {
    this.groups = this.groups.filter((group) => !group.rules.every((rule) => rule.retired));
  }

  processElement(event: EventRecord, key: OperatorKey, timestamp: number): void {
    if (!this.isProcessingTime && !(timestamp > this.watermark)) {
      // CepOperator's test, made once for all groups: at or behind the watermark is late.
      this.emit({ type: "late", key, event, timestamp, subtask: this.index });
      return;
    }
    for (const group of this.groups) {
      this.guard(group, () => {
        group.operator.processElement(event, key, timestamp);
      });
    }
  }

  processWatermark(watermark: number): void {
    if (this.isProcessingTime || !(watermark > this.watermark)) return;
    this.watermark = watermark;
    for (const group of this.groups) {
      this.guard(group, () => {
        group.operator.processWatermark(watermark);
      });
    }
  }

  setProcessingTime(time: number): void {
    this.now = time;
    for (const group of this.groups) {
      this.guard(group, () => {
        group.operator.setProcessingTime(time);
      });
    }
  }

  private forward(output: OperatorOutput, rules: readonly RuleVersionNfa[]): void {
    // Late elements never reach a group (see processElement).
    if (output.type === "late") return;
    const nfa = rules[output.rule];
    if (nfa === undefined) throw new RangeError(`no rule ${output.rule} in this group`);
    this.emit({
      type: output.type,
      rule: nfa.rule,
      key: output.key,
      match: output.match,
      timestamp: output.timestamp,
      subtask: this.index,
    });
  }

  private guard(group: RuleGroup, call: () => void): void {
    try {
      call();
    } catch (error) {
      if (!(error instanceof CepOperatorError)) throw error;
      const nfa = group.rules[error.rule];
      if (nfa === undefined) throw error;
      throw new StreamJobError(nfa.rule, this.index, error.key, error.event, error.cause);
    }
  }
}
