import { Fragment, useMemo } from "react";
import type { SubtaskBroadcastView } from "../../runtime/job/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { useRunPosition, useSimulation } from "../simulationStore.ts";
import { processorStateRows } from "./processorStateRows.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";

const askState = async (): Promise<readonly SubtaskBroadcastView[]> =>
  (await simulator().request({ type: "broadcastState" })).result;

/** What a subtask's copy holds, without its index: equal texts mean identical copies. */
function contentOf(view: SubtaskBroadcastView): string {
  return JSON.stringify([view.rules, view.config, view.keyedConfigs, view.processorState]);
}

/**
 * Every parallel subtask's copy of the broadcast state side by side — the rule versions it runs,
 * the global config and the keyed configs, or a built-in processor's MapStates — and whether they are identical (they always are:
 * every broadcast record reaches every subtask, as in Flink's broadcast state pattern).
 */
export function BroadcastStateView() {
  // The end of input moves the run too: broadcast records left over apply then.
  const position = useRunPosition();
  const epoch = useSimulation((s) => s.runEpoch);
  const trigger = useMemo(() => [position, epoch], [position, epoch]);
  const live = useLiveQuery(askState, trigger, 400);
  const subtasks = live.value;
  if (live.error !== null)
    return <p className="sim-error-text">The broadcast state could not be read: {live.error}</p>;
  if (subtasks === null) return <p className="sim-muted">Reading the broadcast state…</p>;
  const identical = subtasks.every((s) => contentOf(s) === contentOf(subtasks[0] ?? s));
  return (
    <section className="sim-bc-state" aria-labelledby="sim-bc-state-title" data-testid="sim.broadcast.state">
      <h3 id="sim-bc-state-title">
        Broadcast state per subtask{" "}
        <span className={identical ? "sim-bc-same" : "sim-error-text"} data-testid="sim.broadcast.identical">
          {identical ? `identical in all ${subtasks.length}` : "copies differ"}
        </span>
      </h3>
      <div className="sim-bc-subtasks">
        {subtasks.map((view) => (
          <div key={view.subtask} className="sim-bc-subtask" data-testid="sim.broadcast.subtask">
            <div className="sim-bc-subtask-title">subtask {view.subtask}</div>
            {view.processorState !== null && <ProcessorStateList view={view} />}
            {(view.processorState === null || view.rules.length > 0) && (
              <div data-testid="sim.broadcast.rules">
                {view.rules.length === 0 ? (
                  <span className="sim-muted">no rule</span>
                ) : (
                  view.rules.map((r) => (
                    <span key={`${r.id}/${r.version}`} className="sim-bc-rule">
                      rule <VisibleText text={r.id} /> v{r.version}
                    </span>
                  ))
                )}
              </div>
            )}
            {view.config !== null && (
              <pre className="sim-bc-config">
                config <VisibleText text={JSON.stringify(view.config)} />
              </pre>
            )}
            {view.keyedConfigs.map((k) => (
              <pre key={`${k.keyBy}=${k.value}`} className="sim-bc-config">
                <VisibleText text={k.keyBy} /> = <VisibleText text={k.value} />:{" "}
                <VisibleText text={JSON.stringify(k.config)} />
              </pre>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/** A processor's broadcast MapStates (seed 000 channel configs, seed 001 pattern) in one subtask. */
function ProcessorStateList({ view }: { readonly view: SubtaskBroadcastView }) {
  const rows = view.processorState === null ? [] : processorStateRows(view.processorState);
  if (rows.length === 0)
    return (
      <span className="sim-muted" data-testid="sim.broadcast.processorState">
        no broadcast element yet
      </span>
    );
  return (
    <div data-testid="sim.broadcast.processorState">
      {rows.map((row, i) => (
        <Fragment key={`${row.state}/${row.key}`}>
          {rows[i - 1]?.state !== row.state && <div className="sim-bc-map-state">{row.state}</div>}
          <pre className="sim-bc-config">
            <VisibleText text={row.key} />: <VisibleText text={row.value} />
          </pre>
        </Fragment>
      ))}
    </div>
  );
}
