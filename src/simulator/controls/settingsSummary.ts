/**
 * The run settings in words: the watermark strategy in a line for the popover's legend, and the
 * short summary the run bar's Settings button shows while closed. Pure.
 */
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../controller/runSettings.ts";
import { countText, durationText, plural } from "../format/timeText.ts";

/** `5 s behind · every 200 ms · idle after 1 min · no final watermark`: the watermark strategy in a line. */
export function watermarkSummary(settings: RunSettings): string {
  const parts = [`${durationText(settings.outOfOrdernessMs)} behind`];
  parts.push(
    settings.watermarkIntervalMs === null
      ? "every event"
      : `every ${durationText(settings.watermarkIntervalMs)}`,
  );
  if (settings.idleTimeoutMs !== null) parts.push(`idle after ${durationText(settings.idleTimeoutMs)}`);
  if (!settings.finalWatermark) parts.push("no final watermark");
  return parts.join(" · ");
}

/**
 * `5 s behind · 2 subtasks`: what the bar's settings button shows while closed — in event time
 * the watermark's out-of-orderness, and the parallelism (the time mode is on the bar's clock).
 * Settings rarely changed are named only when they are not their defaults (`256 key groups`,
 * `Long keys`, `no final watermark`, `≤ 500 partial matches per key`), so a run that differs from
 * the usual says so.
 */
export function settingsSummary(settings: RunSettings, eventTime: boolean): string {
  const parts: string[] = [];
  if (eventTime) parts.push(`${durationText(settings.outOfOrdernessMs)} behind`);
  if (eventTime && !settings.finalWatermark) parts.push("no final watermark");
  parts.push(plural(settings.parallelism, "subtask", "subtasks"));
  if (settings.maxParallelism !== DEFAULT_RUN_SETTINGS.maxParallelism)
    parts.push(`${countText(settings.maxParallelism)} key groups`);
  if (settings.keyType !== DEFAULT_RUN_SETTINGS.keyType) parts.push(`${settings.keyType} keys`);
  if (settings.maxPartialMatches !== DEFAULT_RUN_SETTINGS.maxPartialMatches)
    parts.push(`≤ ${plural(settings.maxPartialMatches, "partial match", "partial matches")} per key`);
  return parts.join(" · ");
}
