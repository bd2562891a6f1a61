import { useMemo, useState } from "react";
import type { KeyPartialMatches } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { plural } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { useKeysSeen } from "./keysSeen.ts";
import { ownerText, timeText } from "./partialMatchLayout.ts";
import { ProcessorKeyState } from "./ProcessorKeyState.tsx";
import { RuleVersionState } from "./RuleVersionState.tsx";
import { useLiveQuery } from "./useLiveQuery.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";
import "./KeyInspectorTab.css";

/**
 * The Key inspector: one key's state in the running job — the subtask and key group that own it,
 * its partial matches per rule version stage by stage with their captured events and window time
 * left, and the events buffered for the watermark — or, while a built-in processor runs instead
 * of the rules, its keyed state for the key. It follows the run as it advances.
 */
export function KeyInspectorTab() {
  const keys = useKeysSeen();
  const mapping = useSimulation((s) => s.data?.mapping ?? null);
  const parallelism = useSimulation((s) => s.settings.parallelism);
  const summary = useSimulation((s) => s.summary);
  const epoch = useSimulation((s) => s.runEpoch);
  const [draft, setDraft] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const query = useMemo(() => (key === null ? null : () => simulator().partialMatches(key)), [key]);
  const live = useLiveQuery<KeyPartialMatches>(query, [summary, epoch]);

  const submit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    const wanted = draft.trim();
    setKey(wanted === "" ? null : wanted);
  };

  return (
    <div className="sim-tab-body sim-keys" data-testid="sim.keys">
      <form className="sim-tab-toolbar" onSubmit={submit} role="search">
        <label className="sim-keys-search">
          Key {mapping?.key ? <span className="sim-muted">({mapping.key})</span> : null}
          <input
            value={draft}
            list="sim-keys-seen"
            placeholder={keys[0] ?? "a key of the data"}
            spellCheck={false}
            autoComplete="off"
            data-testid="sim.keys.input"
            onChange={(e) => {
              setDraft(e.target.value);
            }}
          />
        </label>
        <datalist id="sim-keys-seen">
          {keys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <button type="submit" data-testid="sim.keys.inspect">
          Inspect
        </button>
        <span className="sim-muted">{plural(keys.length, "key seen", "keys seen")}</span>
        {live.value !== null && (
          <span className="sim-keys-owner" data-testid="sim.keys.owner">
            {ownerText(live.value, parallelism)} · {timeText(live.value.time)}
          </span>
        )}
      </form>
      <KeyState keyName={key} result={live.value} error={live.error} />
    </div>
  );
}

function KeyState(props: { keyName: string | null; result: KeyPartialMatches | null; error: string | null }) {
  const { keyName, result, error } = props;
  const mapping = useSimulation((s) => s.data?.mapping ?? null);
  if (keyName === null)
    return (
      <p className="sim-muted sim-keys-empty">
        Type a key (or pick one the run has seen) to see its partial matches stage by stage, the window time
        each has left and the events waiting for the watermark.
      </p>
    );
  if (error !== null && result === null)
    return (
      <p className="sim-error-text" role="alert">
        Key <VisibleText text={keyName} />: {error}
      </p>
    );
  if (result === null)
    return (
      <p className="sim-muted">
        Reading key <VisibleText text={keyName} />…
      </p>
    );
  if (result.processor !== null)
    return (
      <div className="sim-keys-rules" data-testid="sim.keys.state">
        <ProcessorKeyState state={result.processor} />
      </div>
    );
  if (result.rules.length === 0)
    return <p className="sim-muted">No rule is running: enable a rule in the rule set.</p>;
  return (
    <div className="sim-keys-rules" data-testid="sim.keys.state">
      {result.rules.map((rule) => (
        <RuleVersionState
          key={`${rule.ruleId}/${rule.version}`}
          rule={rule}
          time={result.time}
          mapping={mapping}
        />
      ))}
    </div>
  );
}
