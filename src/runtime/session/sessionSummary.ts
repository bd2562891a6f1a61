/**
 * A {@link RunSession}'s summary, put together from its parts: where the run stands, its time,
 * outputs, running rule versions, watermarks, broadcast timeline, warnings and error. Taking the
 * summary resets the changed keys (a session reports them once per tick).
 */
import { broadcastTimeline } from "./broadcastTimeline.ts";
import type { SessionDriver } from "./sessionDriver.ts";
import type { SessionInput } from "./sessionInput.ts";
import { BROADCAST_LIST } from "./sessionPlan.ts";
import type { RunPlan } from "./sessionRun.ts";
import type { RunSummary, RunWarning, SessionState } from "./sessionTypes.ts";

/** What a summary is made of. */
export interface SummaryParts {
  readonly state: SessionState;
  readonly driver: SessionDriver;
  readonly plan: RunPlan;
  readonly input: SessionInput;
  /** Newest records per output list to include. */
  readonly listSize: number;
  readonly eventsPerSecond: number | null;
  readonly speed: number | null;
  readonly stageCounts: RunSummary["stageCounts"];
  readonly warnings: ReadonlyMap<string, RunWarning>;
}

/** −∞ (Flink's Long.MIN_VALUE: nothing yet) as null. */
function orNull(time: number): number | null {
  return time === Number.NEGATIVE_INFINITY ? null : time;
}

/** See the module comment. */
export function buildSummary(parts: SummaryParts): RunSummary {
  const { driver, input, plan } = parts;
  const { run, outputs, error } = driver;
  const { job } = run;
  const rejected = run.broadcastTaken.flatMap((t): RunWarning[] =>
    t.rejected === null
      ? []
      : [{ kind: "broadcast-rejected", message: `${BROADCAST_LIST}[${t.index}]: ${t.rejected}` }],
  );
  return {
    state: parts.state,
    position: {
      items: run.items,
      processedEvents: run.events,
      totalEvents: input.eventCount,
      totalItems: input.items.length,
      inputDone: input.done,
      ended: run.ended,
    },
    watermark: orNull(job.currentWatermark),
    processingTime: job.currentProcessingTime,
    maxEventTime: orNull(run.maxEventTime),
    ...outputs.report(parts.listSize),
    changedKeys: outputs.takeChangedKeys(),
    eventsPerSecond: parts.eventsPerSecond,
    speed: parts.speed,
    activeRules: job.activeRules().map((r) => ({ id: r.id, version: r.version })),
    processor: plan.processor,
    stageCounts: parts.stageCounts,
    watermarks: { partitions: job.partitionWatermarks(), subtasks: job.subtaskWatermarks().map(orNull) },
    broadcast: broadcastTimeline(plan, run.broadcastTaken),
    warnings: [...parts.warnings.values(), ...rejected],
    rowWarnings: input.rowWarnings,
    error,
  };
}
