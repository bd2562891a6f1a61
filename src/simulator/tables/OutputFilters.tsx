import { useKeysSeen } from "../inspector/keysSeen.ts";
import type { OutputFilterChoice, OutputListKind } from "./outputFilter.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";

interface OutputFiltersProps {
  readonly kind: OutputListKind;
  readonly choice: OutputFilterChoice;
  readonly ruleIds: readonly string[];
  readonly onChange: (choice: OutputFilterChoice) => void;
}

/**
 * The rule and key filters above an output table. The key is matched exactly (the keys the run
 * has shown are offered); late events name no rule, so the Late table has the key filter only.
 */
export function OutputFilters({ kind, choice, ruleIds, onChange }: OutputFiltersProps) {
  const keys = useKeysSeen();
  const listId = `sim-${kind}-keys`;
  const filtered = choice.key.trim() !== "" || (kind !== "late" && choice.ruleId !== "");
  return (
    <>
      {kind !== "late" && (
        <label>
          Rule{" "}
          <select
            value={choice.ruleId}
            data-testid={`sim.${kind}.rule`}
            onChange={(e) => {
              onChange({ ...choice, ruleId: e.target.value });
            }}
          >
            <option value="">any</option>
            {ruleIds.map((id) => (
              <option key={id} value={id}>
                rule {revealHiddenCharacters(id)}
              </option>
            ))}
            {choice.ruleId !== "" && !ruleIds.includes(choice.ruleId) && (
              <option value={choice.ruleId}>
                rule {revealHiddenCharacters(choice.ruleId)} (not in this run)
              </option>
            )}
          </select>
        </label>
      )}
      <label>
        Key{" "}
        <input
          className="sim-filter-key"
          value={choice.key}
          placeholder="any"
          list={listId}
          spellCheck={false}
          data-testid={`sim.${kind}.key`}
          onChange={(e) => {
            onChange({ ...choice, key: e.target.value });
          }}
        />
        <datalist id={listId}>
          {keys.slice(-200).map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </label>
      {filtered && (
        <button
          type="button"
          data-testid={`sim.${kind}.clearFilters`}
          onClick={() => {
            onChange({ ruleId: "", key: "" });
          }}
        >
          Clear filters
        </button>
      )}
    </>
  );
}
