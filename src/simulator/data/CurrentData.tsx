import { countText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";

/** The data the run reads now: source, schema, field mapping, load progress and skipped rows. */
export function CurrentData() {
  const data = useSimulation((s) => s.data);
  const loading = useSimulation((s) => s.loading);
  const position = useSimulation((s) => s.summary?.position);
  const problems = useSimulation((s) => s.summary?.problems);
  const problemCount = useSimulation((s) => s.summary?.counts.problems ?? 0);
  if (data === null) return <p className="sim-muted">No data loaded.</p>;
  const { mapping } = data;
  return (
    <section className="sim-data-section sim-current" aria-label="Current data" data-testid="sim.currentData">
      <h4>Running on</h4>
      <p>
        <strong data-testid="sim.dataName">{data.source.name}</strong>
        {data.schemaTitle !== null && <span className="sim-muted"> · {data.schemaTitle}</span>}
      </p>
      <p className="sim-muted">
        key <code>{mapping.key}</code> · event time <code>{mapping.time ?? "none"}</code> · type{" "}
        <code>{mapping.type ?? "none"}</code>
        {position !== undefined && (
          <>
            {" "}
            · <span data-testid="sim.eventsRead">{countText(position.totalEvents)} events read</span>
          </>
        )}
      </p>
      {loading !== null && (
        <div className="sim-load" data-testid="sim.loadProgress">
          <progress
            max={loading.totalBytes ?? undefined}
            value={loading.totalBytes === null ? undefined : loading.bytes}
            aria-label={`Loading ${loading.label}`}
          />
          <span className="sim-muted">
            {countText(Math.round(loading.bytes / 1024))} KiB
            {loading.totalBytes !== null &&
              ` of ${countText(Math.round(loading.totalBytes / 1024))} KiB`} · {countText(loading.events)}{" "}
            events
          </span>
        </div>
      )}
      {problemCount > 0 && (
        <div className="sim-skipped">
          <p className="sim-error-text">{countText(problemCount)} rows skipped:</p>
          <ul className="sim-problems" data-testid="sim.problems">
            {problems?.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {problems !== undefined && problems.length < problemCount && (
            <p className="sim-muted">(the first {problems.length} are listed)</p>
          )}
        </div>
      )}
    </section>
  );
}
