/**
 * A key's partial matches stage by stage, with window time left, read from a run's live job
 * (nothing here changes it); events are shown with their input lines.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { StreamJob } from "../job/index.ts";
import { eventView, type LineOf } from "./outputViews.ts";
import type { KeyPartialMatches, PartialMatchInfo } from "./queryTypes.ts";

/** `key`'s partial matches in every running rule version, with window time left. */
export function keyPartialMatches(
  job: StreamJob,
  key: OperatorKey,
  eventTime: boolean,
  lineOf: LineOf,
): KeyPartialMatches {
  const subtask = job.subtaskOf(key);
  const watermark = job.subtaskWatermarks()[subtask] ?? Number.NEGATIVE_INFINITY;
  // In event time a window ends when the watermark passes it; in processing time, the clock.
  const now = eventTime ? (Number.isFinite(watermark) ? watermark : null) : job.currentProcessingTime;
  return {
    key,
    subtask,
    keyGroup: job.keyGroupOf(key),
    time: { kind: eventTime ? "eventTime" : "processingTime", now },
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
