/**
 * A key's partial matches stage by stage, with window time left, read from a run's live job
 * (nothing here changes it); events are shown with their input lines.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import { BUILT_IN_PROCESSORS, type BuiltInProcessorName, type StreamJob } from "../job/index.ts";
import { eventView, type LineOf } from "./outputViews.ts";
import type { KeyPartialMatches, PartialMatchInfo, ProcessorKeyState } from "./queryTypes.ts";

/** `key`'s keyed state in the job's processor (a copy), or null in a CEP job or for the null key. */
function processorKeyState(
  job: StreamJob,
  key: OperatorKey,
  processor: BuiltInProcessorName | null,
): ProcessorKeyState | null {
  if (processor === null || key === null) return null;
  const state = job.processorState(key);
  if (state === null) return null;
  const view = BUILT_IN_PROCESSORS[processor].keyStateView(state.keyed, state.broadcast);
  // Copies, so what crosses to the UI is not the job's live state.
  return structuredClone({ processor, view, state: state.keyed ?? null });
}

/**
 * `key`'s partial matches in every running rule version, with window time left, or its keyed
 * state in the processor the job runs instead.
 */
export function keyPartialMatches(
  job: StreamJob,
  key: OperatorKey,
  eventTime: boolean,
  lineOf: LineOf,
  processor: BuiltInProcessorName | null,
): KeyPartialMatches {
  const subtask = job.subtaskOf(key);
  const watermark = job.subtaskWatermarks()[subtask] ?? Number.NEGATIVE_INFINITY;
  // In event time a window ends when the watermark passes it; in processing time, the clock.
  // −∞ is "no watermark yet"; the end of input's final +∞ watermark is shown as itself.
  const now = eventTime
    ? watermark === Number.NEGATIVE_INFINITY
      ? null
      : watermark
    : job.currentProcessingTime;
  return {
    key,
    subtask,
    keyGroup: job.keyGroupOf(key),
    time: { kind: eventTime ? "eventTime" : "processingTime", now },
    processor: processorKeyState(job, key, processor),
    rules: job.keyState(key).map(({ version, state, buffered }) => {
      const windowMs = version.windowTime;
      const partialMatches = (state === null ? [] : version.inspect(state)).map((view): PartialMatchInfo => {
        const windowEndsAt = windowMs === null ? null : view.startTimestamp + windowMs;
        return {
          stage: view.stage,
          startTimestamp: view.startTimestamp,
          previousTimestamp: view.previousTimestamp,
          completed: view.completed,
          events: view.events.map((e) => ({
            stage: e.stage,
            timestamp: e.timestamp,
            event: eventView(e.event, lineOf),
          })),
          windowEndsAt,
          timeLeft: windowEndsAt === null || now === null ? null : windowEndsAt - now,
        };
      });
      return {
        ruleId: version.rule.id,
        version: version.rule.version,
        windowMs,
        partialMatches,
        buffered: buffered.map((b) => ({ timestamp: b.timestamp, event: eventView(b.event, lineOf) })),
      };
    }),
  };
}
