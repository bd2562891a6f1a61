import { simulator } from "../controller/simulatorController.ts";
import { isJavaKeyType, JAVA_KEY_TYPES } from "../../runtime/javaHashCode.ts";
import { MAX_PARALLELISM, maxParallelismRange, type RunSettings } from "../controller/runSettings.ts";
import { WholeNumberField } from "./WholeNumberField.tsx";

/**
 * How keys go to subtasks, as Flink's `KeyGroupRangeAssignment` puts them: the parallelism, the
 * max parallelism (key groups) and the Java type whose `hashCode` picks a key's key group — the
 * CLI's `--parallelism`, `--max-parallelism` and `--key-type`.
 */
export function KeyAssignmentFields({ settings }: { settings: RunSettings }) {
  const run = simulator();
  const range = maxParallelismRange(settings.parallelism);
  return (
    <fieldset className="sim-settings-group" data-testid="sim.keyAssignment">
      <legend>Keys to subtasks</legend>
      <label title="Simulated subtasks: keys are assigned as Flink's KeyGroupRangeAssignment does">
        <span>Parallelism</span>
        <select
          value={settings.parallelism}
          data-testid="sim.parallelism"
          onChange={(e) => void run.changeSettings({ parallelism: Number(e.target.value) })}
        >
          {Array.from({ length: MAX_PARALLELISM }, (_, i) => i + 1).map((n) => (
            // Flink refuses more subtasks than key groups: raise the max parallelism first.
            <option key={n} value={n} disabled={n > settings.maxParallelism}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <WholeNumberField
        label="Max parallelism"
        title="Key groups (setMaxParallelism; Flink's default 128): a key's group is murmurHash(hashCode) % max parallelism, and each subtask owns a range of groups"
        value={settings.maxParallelism}
        unit="key groups"
        min={range.min}
        max={range.max}
        testId="sim.maxParallelism"
        onCommit={(value) => {
          if (value !== null) void run.changeSettings({ maxParallelism: value });
        }}
      />
      <label title="The Java type of the key field in the job: its hashCode picks the key group (the digits 42 hash differently as a String and as a Long)">
        <span>Key type</span>
        <select
          value={settings.keyType}
          data-testid="sim.keyType"
          onChange={(e) => {
            if (isJavaKeyType(e.target.value)) void run.changeSettings({ keyType: e.target.value });
          }}
        >
          {JAVA_KEY_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
