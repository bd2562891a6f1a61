import { simulator } from "../controller/simulatorController.ts";
import { MAX_PARALLELISM, type RunSettings, type TimeMode } from "../controller/runSettings.ts";
import { durationText, plural } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { MillisField } from "./MillisField.tsx";
import { Popover } from "./Popover.tsx";

/** `5 s behind · every 200 ms · idle after 1 min`: the watermark strategy in a line. */
function watermarkSummary(settings: RunSettings): string {
  const parts = [`${durationText(settings.outOfOrdernessMs)} behind`];
  parts.push(
    settings.watermarkIntervalMs === null
      ? "every event"
      : `every ${durationText(settings.watermarkIntervalMs)}`,
  );
  if (settings.idleTimeoutMs !== null) parts.push(`idle after ${durationText(settings.idleTimeoutMs)}`);
  return parts.join(" · ");
}

/**
 * `5 s behind · 2 subtasks`: what the bar's settings button shows while closed — in event time
 * the watermark's out-of-orderness, and the parallelism (the time mode is on the bar's clock).
 */
function settingsSummary(settings: RunSettings, eventTime: boolean): string {
  const subtasks = plural(settings.parallelism, "subtask", "subtasks");
  return eventTime ? `${durationText(settings.outOfOrdernessMs)} behind · ${subtasks}` : subtasks;
}

/**
 * Time mode, watermark strategy (Flink's `WatermarkStrategy.forBoundedOutOfOrderness`, the
 * periodic interval, `withIdleness`) and parallelism, in one popover so the run-controls bar
 * fits one row. A change is replayed to the same stream position by the worker, so the run shows
 * at once what the setting does.
 */
export function RunSettingsBar() {
  const settings = useSimulation((s) => s.settings);
  const hasTime = useSimulation((s) => s.data?.mapping.time != null);
  const eventTime = settings.timeMode === "event" && hasTime;
  const run = simulator();
  return (
    <Popover label="Settings" summary={settingsSummary(settings, eventTime)} testId="sim.settings">
      <label>
        <span>Time</span>
        <select
          value={hasTime ? settings.timeMode : "processing"}
          data-testid="sim.timeMode"
          disabled={!hasTime}
          title={hasTime ? undefined : "The data has no time field: processing time by arrival"}
          onChange={(e) => void run.changeSettings({ timeMode: e.target.value as TimeMode })}
        >
          <option value="event">event time</option>
          <option value="processing">processing time</option>
        </select>
      </label>
      {eventTime && (
        <fieldset className="sim-settings-group" data-testid="sim.watermarks">
          <legend>
            Watermarks: <span className="sim-muted">{watermarkSummary(settings)}</span>
          </legend>
          <MillisField
            label="Out-of-orderness (ms)"
            title="Bounded out-of-orderness: the watermark trails the largest timestamp seen by this much"
            value={settings.outOfOrdernessMs}
            testId="sim.outOfOrderness"
            onCommit={(value) => void run.changeSettings({ outOfOrdernessMs: value ?? 0 })}
          />
          <MillisField
            label="Interval (ms)"
            title="Periodic watermarks (pipeline.auto-watermark-interval) on the simulated clock; blank: after every event"
            value={settings.watermarkIntervalMs}
            blank="every event"
            testId="sim.watermarkInterval"
            onCommit={(value) => void run.changeSettings({ watermarkIntervalMs: value })}
          />
          <MillisField
            label="Idleness (ms)"
            title="withIdleness: a source partition without events this long stops holding the watermark back; blank: never"
            value={settings.idleTimeoutMs}
            blank="never"
            testId="sim.idleness"
            onCommit={(value) => void run.changeSettings({ idleTimeoutMs: value })}
          />
        </fieldset>
      )}
      <label title="Simulated subtasks: keys are assigned as Flink's KeyGroupRangeAssignment does">
        <span>Parallelism</span>
        <select
          value={settings.parallelism}
          data-testid="sim.parallelism"
          onChange={(e) => void run.changeSettings({ parallelism: Number(e.target.value) })}
        >
          {Array.from({ length: MAX_PARALLELISM }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </Popover>
  );
}
