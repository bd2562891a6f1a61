import { simulator } from "../controller/simulatorController.ts";
import type { TimeMode } from "../controller/runSettings.ts";
import { useSimulation } from "../simulationStore.ts";
import { KeyAssignmentFields } from "./KeyAssignmentFields.tsx";
import { MillisField } from "./MillisField.tsx";
import { PartialMatchCapField } from "./PartialMatchCapField.tsx";
import { Popover } from "./Popover.tsx";
import { settingsSummary, watermarkSummary } from "./settingsSummary.ts";

/**
 * Time mode, watermark strategy (Flink's `WatermarkStrategy.forBoundedOutOfOrderness`, the
 * periodic interval, `withIdleness`, the final watermark at the end of input) and how keys go to
 * subtasks (parallelism, max parallelism, key type) and the partial-match cap, in one popover so the run-controls bar
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
          <label title="A bounded Flink job ends with a +∞ watermark: every window times out and every buffered event is processed. Unchecked, the input just stops (as a source that goes quiet): partial matches stay open and late-arriving events stay buffered">
            <span>Final watermark at end of input</span>
            <input
              type="checkbox"
              checked={settings.finalWatermark}
              data-testid="sim.finalWatermark"
              onChange={(e) => void run.changeSettings({ finalWatermark: e.target.checked })}
            />
          </label>
        </fieldset>
      )}
      <KeyAssignmentFields settings={settings} />
      <PartialMatchCapField value={settings.maxPartialMatches} />
    </Popover>
  );
}
