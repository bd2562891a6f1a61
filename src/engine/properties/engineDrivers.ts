/**
 * Drives the real engine the way the property oracles describe it: a compiled NFA fed like
 * Flink's `NFATestHarness` (`advanceTime(ts)` then `process(event, ts)`), or a keyed
 * `CepOperator` in event time fed elements and watermarks. Outputs become plain strings
 * (`s0=3 s1=5,6`: stage = arrival indexes), so properties compare them with `toEqual`.
 */
import type { AfterMatchSkipStrategy, GraphNode } from "../../model/pattern.ts";
import type { CompiledNFA, Match } from "../api.ts";
import { compilePattern } from "../compiledNfa.ts";
import { CepOperator, type OperatorOutput } from "../operator/cepOperator.ts";
import type { CepOperatorSnapshot } from "../operator/operatorSnapshot.ts";
import { timerDelaysOf } from "../operator/timerDelays.ts";
import { normalizeLog } from "./runModel.ts";
import type { StreamEvent } from "./linearPattern.ts";

/** Compiles `graph` with timeouts reported, optionally overriding its skip strategy. */
export function compileForTest(graph: GraphNode, skip?: AfterMatchSkipStrategy): CompiledNFA {
  return compilePattern(graph, {
    handleTimeout: true,
    ...(skip === undefined ? {} : { afterMatchSkipStrategy: skip }),
  });
}

/**
 * A match as `s0=3 s1=5,6`. `stageOf` maps stage names before printing; entries that map to the
 * same name are merged in order (to compare `times(n)` with n chained stages).
 */
export function describeMatch(match: Match, stageOf: (name: string) => string = (n) => n): string {
  const merged = new Map<string, number[]>();
  for (const [name, events] of match) {
    const key = stageOf(name);
    const ids = merged.get(key) ?? [];
    for (const event of events) ids.push(Number(event.i));
    merged.set(key, ids);
  }
  return [...merged].map(([name, ids]) => `${name}=${ids.join(",")}`).join(" ");
}

/**
 * Feeds `events` to a fresh state of `nfa` as Flink's `NFATestHarness` does, then
 * `advanceTime(finalTime)` if given; returns the normalized log `simulateLinearNfa` writes.
 */
export function feedLog(
  nfa: CompiledNFA,
  events: readonly StreamEvent[],
  finalTime: number | null = null,
  stageOf?: (name: string) => string,
): string[] {
  const state = nfa.createState();
  const log: string[] = [];
  const advance = (where: string, ts: number) => {
    const { matches, timedOut } = nfa.advanceTime(state, ts);
    for (const m of matches) log.push(`${where}:match ${describeMatch(m, stageOf)}`);
    for (const t of timedOut) log.push(`${where}:timeout@${t.timestamp} ${describeMatch(t.match, stageOf)}`);
  };
  events.forEach((event, pos) => {
    advance(`${pos}a`, event.ts);
    for (const m of nfa.process(state, event, event.ts)) {
      log.push(`${pos}p:match ${describeMatch(m, stageOf)}`);
    }
  });
  if (finalTime !== null) advance("end", finalTime);
  return normalizeLog(log);
}

/** One step of an operator run: an element (with its key and timestamp) or a watermark. */
export type FeedStep =
  | { readonly type: "event"; readonly event: StreamEvent }
  | { readonly type: "watermark"; readonly watermark: number };

/** An event-time operator over `graphs` (one rule each), collecting every output. */
export class OperatorRig {
  readonly outputs: OperatorOutput[] = [];
  private readonly operator: CepOperator;

  constructor(
    private readonly graphs: readonly GraphNode[],
    restore?: CepOperatorSnapshot,
  ) {
    this.operator = new CepOperator({
      rules: graphs.map((graph) => ({ nfa: compileForTest(graph), timerDelays: timerDelaysOf(graph) })),
      timeCharacteristic: "eventTime",
      output: (record) => this.outputs.push(record),
      ...(restore === undefined ? {} : { restore }),
    });
  }

  feed(steps: readonly FeedStep[]): this {
    for (const step of steps) {
      if (step.type === "event") this.operator.processElement(step.event, step.event.key, step.event.ts);
      else this.operator.processWatermark(step.watermark);
    }
    return this;
  }

  /** `snapshotState()`, then a new operator over the same rules restored from it. */
  restored(): OperatorRig {
    return new OperatorRig(this.graphs, this.operator.snapshotState());
  }
}

/** An operator output as one line: `match[0] k @5 s0=1 s1=2` (late records: `late k @5 #3`). */
export function describeOutput(output: OperatorOutput): string {
  if (output.type === "late")
    return `late ${output.key ?? "-"} @${output.timestamp} #${Number(output.event.i)}`;
  return `${output.type}[${output.rule}] ${output.key ?? "-"} @${output.timestamp} ${describeMatch(output.match)}`;
}

/** Elements in arrival order, then one final watermark of +∞ (how a bounded Flink job ends). */
export function withFinalWatermark(events: readonly StreamEvent[]): FeedStep[] {
  return [
    ...events.map((event): FeedStep => ({ type: "event", event })),
    { type: "watermark", watermark: Number.POSITIVE_INFINITY },
  ];
}

/**
 * Sorts each run of consecutive `timeout@…` lines: the runs one `advanceTime` times out leave
 * its queue in heap-array order, a detail `feedLog` sorts away too.
 */
export function sortTimeoutRuns(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of [...lines, ""]) {
    if (line.startsWith("timeout@")) {
      run.push(line);
      continue;
    }
    out.push(...run.sort());
    run = [];
    if (line !== "") out.push(line);
  }
  return out;
}
