import type { ProcessorKeyState as KeyState, PurchasePathEntry } from "../../runtime/session/index.ts";
import { countsText } from "../processors/processorCatalog.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";

/**
 * A key's keyed state in the built-in processor the run runs: seed 000's open purchase paths
 * per channel (events collected, their counts, the config a purchase is checked against), or
 * seed 001's last action and what would complete the active pattern — then the raw state as
 * Flink holds it.
 */
export function ProcessorKeyState({ state }: { state: KeyState }) {
  const { view } = state;
  return (
    <section className="sim-keys-rule" data-testid="sim.keys.processor">
      <h3>
        Processor {state.processor} <span className="sim-muted">· keyed state</span>
      </h3>
      {view.processor === "purchase-path" ? (
        view.paths.length === 0 ? (
          <p className="sim-muted" data-testid="sim.keys.processor.empty">
            No open purchase path: the user has no events since their last purchase on any channel (or none
            yet).
          </p>
        ) : (
          <ul className="sim-keys-paths">
            {view.paths.map((path) => (
              <PurchasePath key={path.channel} path={path} />
            ))}
          </ul>
        )
      ) : (
        <p data-testid="sim.keys.processor.lastAction">
          Last action:{" "}
          <code>{view.lastAction === null ? "none yet" : <VisibleText text={view.lastAction} />}</code> ·
          active pattern:{" "}
          <code>
            {view.pattern === null ? (
              "none yet"
            ) : (
              <>
                <VisibleText text={view.pattern.firstAction} /> →{" "}
                <VisibleText text={view.pattern.secondAction} />
              </>
            )}
          </code>
          {view.completesWith !== null && (
            <>
              {" "}
              · a match if the next action is{" "}
              <code>
                <VisibleText text={view.completesWith} />
              </code>
            </>
          )}
        </p>
      )}
      <details className="sim-keys-raw">
        <summary>State as Flink holds it</summary>
        <pre data-testid="sim.keys.processor.raw">
          {state.state === null ? (
            "(no keyed state)"
          ) : (
            <VisibleText text={JSON.stringify(state.state, null, 2)} />
          )}
        </pre>
      </details>
    </section>
  );
}

function PurchasePath({ path }: { path: PurchasePathEntry }) {
  const { config } = path;
  const reported = config.historyPurchaseTimes < 10 && path.length + 1 > config.maxPurchasePathLength;
  return (
    <li data-testid="sim.keys.processor.path">
      <strong>
        <VisibleText text={path.channel} />
      </strong>
      : {path.length} {path.length === 1 ? "event" : "events"} collected —{" "}
      <span data-testid="sim.keys.processor.counts">{countsText(path.eventTypeCounts)}</span>
      <div className="sim-muted">
        {path.defaultConfig
          ? "no config for this channel yet: the job's default config applies"
          : "channel config"}{" "}
        (maxPurchasePathLength {config.maxPurchasePathLength}, historyPurchaseTimes{" "}
        {config.historyPurchaseTimes}) — a purchase now makes a path of {path.length + 1}, which{" "}
        {reported ? "is reported" : "is not reported"}.
      </div>
      <ol className="sim-keys-path-events">
        {path.events.map((e, i) => (
          <li key={i}>
            <code>
              <VisibleText text={e.eventType} />
            </code>{" "}
            <span className="sim-muted">{e.eventTime}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}
