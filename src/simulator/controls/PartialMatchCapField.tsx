import { simulator } from "../controller/simulatorController.ts";
import { DEFAULT_RUN_SETTINGS, MIN_PARTIAL_MATCH_CAP } from "../controller/runSettings.ts";
import { countText } from "../format/timeText.ts";
import { WholeNumberField } from "./WholeNumberField.tsx";

/**
 * The per-key partial-match cap of every rule (the CLI's `--max-partial-matches`): a guard, not a
 * Flink setting — Flink keeps every run, so a pattern like `followedByAny(…).oneOrMore()
 * .allowCombinations()` without a window grows as 2^n until the job runs out of state. Beyond the
 * cap the runs started latest are dropped and the run bar warns, so a small cap shows at once
 * where a pattern explodes.
 */
export function PartialMatchCapField({ value }: { value: number }) {
  return (
    <fieldset className="sim-settings-group" data-testid="sim.partialMatchCap">
      <legend>Partial matches</legend>
      <WholeNumberField
        label="Cap per key"
        title={`The most partial matches one key may hold in a rule (--max-partial-matches; default ${countText(DEFAULT_RUN_SETTINGS.maxPartialMatches)}). Beyond it the most recently started ones are dropped, with a warning: matches may then be missing`}
        value={value}
        unit="partial matches"
        min={MIN_PARTIAL_MATCH_CAP}
        testId="sim.maxPartialMatches"
        onCommit={(cap) => {
          if (cap !== null) void simulator().changeSettings({ maxPartialMatches: cap });
        }}
      />
    </fieldset>
  );
}
