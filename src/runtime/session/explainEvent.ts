/**
 * `explain {position, ruleId}`: why an input event did what it did to its key's partial
 * matches under one rule. A side run — restored from the session's checkpoint at or before the
 * event, its rule's NFA wrapped in a tracer — replays until the NFA processes the event, and
 * asks the engine (`CompiledNFA.explain`) against the key's state just before: in event time that
 * is when the watermark passes the event's timestamp, after earlier-stamped buffered events.
 * The tracer copies the key's state when the operator calls `advanceTime` with the event's
 * timestamp right before processing it, so the explanation includes windows ending then.
 *
 * What the NFA never sees is told apart: an event the source skipped, a late one (behind the
 * watermark on arrival), one still waiting for the watermark at the run's position, one that
 * arrived while no version of the rule ran. The session's own run is not touched.
 */
import type { CompiledNFA, EventRecord, KeyedNFAState } from "../../engine/index.ts";
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { BroadcastRecord, JobRule } from "../job/index.ts";
import type { ExplainOutcome, ExplainResult } from "./queryTypes.ts";
import type { SessionInput } from "./sessionInput.ts";
import { SessionRun, type RunCheckpoint, type RunPlan, type RunSink } from "./sessionRun.ts";
import type { RunConfig } from "./sessionTypes.ts";

export interface ExplainRequest {
  /** The input item (0-based). */
  readonly position: number;
  readonly ruleId: string;
}

export interface ExplainContext {
  readonly plan: RunPlan;
  readonly config: RunConfig;
  readonly input: SessionInput;
  /** How far the session's run got: the side run goes no further (but at least past the event). */
  readonly horizon: { readonly items: number; readonly ended: boolean };
  /** A copy of the latest checkpoint at or before `position`. */
  readonly checkpointAt: (position: number) => RunCheckpoint;
}

/** What the side run saw of the target event. */
interface Trace {
  arrival: { key: OperatorKey; timestamp: number | undefined } | null;
  /** The key's state copied at the `advanceTime` right before processing the event. */
  before: { state: KeyedNFAState; copy: KeyedNFAState } | null;
  outcome: ExplainOutcome | null;
}

/** See the module comment. @throws RangeError when there is no input item at `position` */
export function explainEvent(request: ExplainRequest, context: ExplainContext): ExplainResult {
  const { position, ruleId } = request;
  const { input } = context;
  const item = input.items[position];
  if (!Number.isInteger(position) || item === undefined) {
    throw new RangeError(
      `no input item at position ${position} (the input has ${input.items.length} so far)`,
    );
  }
  const base = { position, line: item.line, ruleId };
  if (item.type !== "event") {
    const outcome: ExplainOutcome = { type: "not-an-event", item: item.type };
    return { ...base, key: null, subtask: null, keyGroup: null, timestamp: null, outcome };
  }
  const target = item.event;
  const trace: Trace = { arrival: null, before: null, outcome: null };
  // Every version of the rule is traced: those the run starts with and those the broadcast adds.
  const traced = (jobRule: JobRule): JobRule =>
    jobRule.rule.id === ruleId ? { rule: jobRule.rule, nfa: tracing(jobRule, target, trace) } : jobRule;
  const plan: RunPlan = {
    rules: context.plan.rules.map(traced),
    processor: context.plan.processor,
    broadcast: context.plan.broadcast.map((record): BroadcastRecord =>
      record.action.type === "rule"
        ? { ...record, action: { type: "rule", rule: traced(record.action.rule) } }
        : record,
    ),
  };
  let consumingTarget = false;
  let run: SessionRun | null = null;
  const sink: RunSink = {
    output: (kind, _seq, view) => {
      if (kind !== "late" || trace.outcome !== null || run === null) return;
      const late = view() as { event: { fields: unknown } };
      if (late.event.fields !== target || trace.arrival === null) return;
      const subtask = run.job.subtaskOf(trace.arrival.key);
      const watermark = run.job.subtaskWatermarks()[subtask] ?? Number.NEGATIVE_INFINITY;
      trace.outcome = { type: "late", watermark };
    },
    touched: () => undefined,
    problem: (line) => {
      if (consumingTarget && trace.outcome === null)
        trace.outcome = { type: "skipped", reason: reasonOf(line, input.name) };
    },
    element: (event, key, timestamp) => {
      if (event === target) trace.arrival = { key, timestamp };
    },
  };
  run = new SessionRun(plan, context.config, input, sink, context.checkpointAt(position));
  const limit = Math.max(context.horizon.items, position + 1);
  while (trace.outcome === null && run.items < limit) {
    consumingTarget = run.items === position;
    if (run.consume() === "none") break;
  }
  consumingTarget = false;
  if (trace.outcome === null && context.horizon.ended && run.items >= input.items.length) run.consume();

  const arrival = trace.arrival;
  const job = run.job;
  const subtask = arrival === null ? null : job.subtaskOf(arrival.key);
  const eventTime = context.config.time !== null;
  let outcome = trace.outcome;
  if (outcome === null) {
    const watermark = subtask === null ? Number.NEGATIVE_INFINITY : (job.subtaskWatermarks()[subtask] ?? 0);
    const waiting = eventTime && arrival !== null && !((arrival.timestamp ?? 0) <= watermark);
    outcome = waiting
      ? { type: "waiting", watermark: watermark === Number.NEGATIVE_INFINITY ? null : watermark }
      : { type: "rule-not-running" };
  }
  return {
    ...base,
    key: arrival?.key ?? null,
    subtask,
    keyGroup: arrival === null ? null : job.keyGroupOf(arrival.key),
    timestamp: arrival?.timestamp ?? (outcome.type === "explained" ? outcome.explanation.timestamp : null),
    outcome,
  };
}

/** The reason of a problem line `NAME:LINE: reason` reported for the input called `name`. */
function reasonOf(line: string, name: string): string {
  return line.startsWith(`${name}:`) ? line.slice(name.length + 1).replace(/^\d+: /, "") : line;
}

/** `jobRule`'s NFA, explaining `target` to `trace` when it is processed. */
function tracing(jobRule: JobRule, target: EventRecord, trace: Trace): CompiledNFA {
  const inner = jobRule.nfa;
  return {
    windowTime: inner.windowTime,
    stageNames: inner.stageNames,
    createState: () => inner.createState(),
    isEmpty: (state) => inner.isEmpty(state),
    inspect: (state) => inner.inspect(state),
    countByStage: (state, into) => {
      inner.countByStage(state, into);
    },
    explain: (state, event, timestamp, config) => inner.explain(state, event, timestamp, config),
    advanceTime(state, timestamp) {
      const arrival = trace.arrival;
      if (arrival !== null && trace.outcome === null && timestamp === (arrival.timestamp ?? timestamp))
        trace.before = { state, copy: structuredClone(state) };
      return inner.advanceTime(state, timestamp);
    },
    process(state, event, timestamp, config) {
      if (event === target && trace.outcome === null) {
        const before = trace.before?.state === state ? trace.before.copy : state;
        trace.outcome = {
          type: "explained",
          version: jobRule.rule.version,
          explanation: inner.explain(before, event, timestamp, config),
        };
      }
      return inner.process(state, event, timestamp, config);
    },
  };
}
