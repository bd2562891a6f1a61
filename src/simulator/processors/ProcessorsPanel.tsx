import { useState } from "react";
import type { BuiltInProcessorName } from "../../runtime/job/index.ts";
import { plural } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { chooseProcessor, runOnSeedData } from "./processorActions.ts";
import { PROCESSORS, processorEntry } from "./processorCatalog.ts";
import { ProcessorResults } from "./ProcessorResults.tsx";
import "./ProcessorsPanel.css";

/**
 * The Processors tab: run one of the two built-in keyed-broadcast processors of the seed
 * articles instead of the rules (or the rules again), load the generated data that fits it in
 * one click, and read its results with the article's fields. The Key inspector shows a user's
 * keyed state in the processor.
 */
export function ProcessorsPanel() {
  const running = useSimulation((s) => s.summary?.processor ?? null);
  const problems = useSimulation((s) => s.summary?.counts.problems ?? 0);
  const loading = useSimulation((s) => s.loading !== null);
  const [busy, setBusy] = useState(false);
  /** The choice sent and not answered yet, shown checked until the run's summary says so. */
  const [pending, setPending] = useState<BuiltInProcessorName | null | undefined>(undefined);
  const act = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => {
      setBusy(false);
      // The answer's summary reaches the store on the next frame (it is batched per frame).
      requestAnimationFrame(() => {
        setPending(undefined);
      });
    });
  };
  const pick = (name: BuiltInProcessorName | null) => {
    setPending(name);
    act(() => chooseProcessor(name));
  };
  const shown = pending === undefined ? running : pending;
  const entry = running === null ? null : processorEntry(running);

  return (
    <div
      className={`sim-tab-body sim-proc${running === null ? " sim-proc-idle" : ""}`}
      data-testid="sim.proc"
    >
      <div className="sim-proc-side">
        <fieldset className="sim-proc-choice" disabled={busy || loading} data-testid="sim.proc.choice">
          <legend>Run</legend>
          <Choice name={null} running={shown} onPick={pick} />
          {PROCESSORS.map((p) => (
            <Choice key={p.name} name={p.name} running={shown} onPick={pick} />
          ))}
        </fieldset>
        {entry === null ? (
          <div className="sim-proc-about">
            <p>
              The run executes the rule set's CEP rules. Pick a processor to run one of the seed articles'
              Flink jobs instead — a <code>KeyedBroadcastProcessFunction</code> with keyed state per user and
              broadcast state in every subtask, as the CLI's <code>--processor</code> runs it. The Key
              inspector then shows a user's keyed state.
            </p>
            <ul className="sim-proc-list">
              {PROCESSORS.map((p) => (
                <li key={p.name}>
                  <strong>{p.title}</strong> <span className="sim-muted">({p.source})</span>: {p.description}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="sim-proc-about" data-testid="sim.proc.about">
            <div className="sim-proc-actions">
              <button
                type="button"
                className="sim-primary"
                disabled={busy || loading}
                data-testid="sim.proc.loadData"
                onClick={() => {
                  act(() => runOnSeedData(entry.name));
                }}
              >
                Load generated {entry.data.schema} data
              </button>
              <span className="sim-muted">
                {plural(entry.data.events, "event", "events")} of {entry.data.users} users (seed{" "}
                {entry.data.seed}); broadcast: {entry.recordsText}.
              </span>
            </div>
            {problems > 0 && (
              <p className="sim-proc-warn" role="status">
                {plural(problems, "input row was", "input rows were")} skipped: the data does not have this
                processor's fields. Load the generated {entry.data.schema} data.
              </p>
            )}
            <p>
              <strong>{entry.title}</strong> <span className="sim-muted">({entry.source})</span>
            </p>
            <p>{entry.description}</p>
          </div>
        )}
      </div>
      {running !== null && <ProcessorResults processor={running} />}
    </div>
  );
}

function Choice(props: {
  name: BuiltInProcessorName | null;
  running: BuiltInProcessorName | null;
  onPick: (name: BuiltInProcessorName | null) => void;
}) {
  const { name, running, onPick } = props;
  const label = name === null ? "Rules (no processor)" : `${processorEntry(name).title} (${name})`;
  return (
    <label className="sim-proc-option">
      <input
        type="radio"
        name="sim-processor"
        checked={running === name}
        data-testid={`sim.proc.pick.${name ?? "none"}`}
        onChange={() => {
          onPick(name);
        }}
      />
      {label}
    </label>
  );
}
