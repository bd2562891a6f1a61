import { countText, plural } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { VisibleSentence, VisibleText } from "../../ui/text/VisibleText.tsx";

/**
 * Input rows named by `file:line: …`: `count` in all, the first of them `listed` (the rest only
 * counted, so a file that repeats one mistake in every row cannot flood the tab).
 */
function RowList(props: {
  heading: string;
  listed: readonly string[] | undefined;
  count: number;
  /** Skipped rows are errors; rows read with a warning were still read. */
  tone: "error" | "warn";
  testId: string;
}) {
  const { listed, count } = props;
  return (
    <div className={`sim-rows-${props.tone}`}>
      <p className={`sim-${props.tone}-text`}>{props.heading}:</p>
      <ul className="sim-problems" data-testid={props.testId}>
        {listed?.map((p) => (
          <li key={p}>
            <VisibleSentence text={p} />
          </li>
        ))}
      </ul>
      {listed !== undefined && listed.length < count && (
        <p className="sim-muted">(the first {listed.length} are listed)</p>
      )}
    </div>
  );
}

/**
 * The data the run reads now: source, schema, field mapping, load progress, skipped rows and
 * rows read with a warning.
 */
export function CurrentData() {
  const data = useSimulation((s) => s.data);
  const loading = useSimulation((s) => s.loading);
  const position = useSimulation((s) => s.summary?.position);
  const problems = useSimulation((s) => s.summary?.problems);
  const problemCount = useSimulation((s) => s.summary?.counts.problems ?? 0);
  const warnings = useSimulation((s) => s.summary?.rowWarnings);
  if (data === null) return <p className="sim-muted">No data loaded.</p>;
  const { mapping } = data;
  return (
    <section className="sim-data-section sim-current" aria-label="Current data" data-testid="sim.currentData">
      <h4>Running on</h4>
      <p>
        <strong data-testid="sim.dataName">
          <VisibleText text={data.source.name} />
        </strong>
        {data.schemaTitle !== null && <span className="sim-muted"> · {data.schemaTitle}</span>}
      </p>
      <p className="sim-muted">
        key{" "}
        <code>
          <VisibleText text={mapping.key} />
        </code>{" "}
        · event time <code>{mapping.time === null ? "none" : <VisibleText text={mapping.time} />}</code> ·
        type <code>{mapping.type === null ? "none" : <VisibleText text={mapping.type} />}</code>
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
        <RowList
          heading={`${plural(problemCount, "row", "rows")} skipped`}
          listed={problems}
          count={problemCount}
          tone="error"
          testId="sim.problems"
        />
      )}
      {warnings !== undefined && warnings.count > 0 && (
        <RowList
          heading={`${plural(warnings.count, "row", "rows")} read with a warning`}
          listed={warnings.listed}
          count={warnings.count}
          tone="warn"
          testId="sim.rowWarnings"
        />
      )}
    </section>
  );
}
