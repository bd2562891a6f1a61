import type { EventView, MatchView, RunSummary } from "../runtime/session/index.ts";
import { recognizeSchema } from "../runtime/sources/index.ts";
import type { RunSessionControls } from "./useRunSession.ts";

/** ISO-8601 text for an event-time instant; the end-of-input watermark is +∞. */
function instant(ms: number | null): string {
  if (ms === null) return "none yet";
  if (ms === Number.POSITIVE_INFINITY) return "+∞ (end of input)";
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** One event in a line of text: its type and time fields when the schema is known, and its line. */
function eventText(event: EventView): string {
  const { fields } = event;
  const mapping = recognizeSchema(Object.keys(fields))?.mapping;
  const parts = [mapping?.type, mapping?.time].flatMap((f) => (f == null ? [] : [String(fields[f])]));
  const shown = parts.length > 0 ? parts.join(" @ ") : JSON.stringify(fields);
  return event.line === null ? shown : `${shown} (line ${event.line})`;
}

/** `1 match`, `3 matches`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function stateLabel(summary: RunSummary): string {
  switch (summary.state) {
    case "paused":
      return summary.position.items === 0 ? "ready" : "paused";
    case "playing":
      return "running";
    case "finished":
      return "finished";
    case "error":
      return "stopped by an error";
  }
}

function MatchTable({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: readonly MatchView[];
  testId: string;
}) {
  const timeouts = caption === "Timeouts";
  return (
    <div className="table-wrap">
      <table className="run-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>Rule</th>
            <th>Key</th>
            <th>{timeouts ? "Timed out at" : "Time"}</th>
            <th>Stages</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                none yet
              </td>
            </tr>
          )}
          {rows.map((m) => (
            <tr key={m.seq}>
              <td>
                {m.ruleId} v{m.version}
              </td>
              <td className="run-key">{m.key ?? "—"}</td>
              <td>{instant(m.timestamp)}</td>
              <td>
                <ul className="run-stages">
                  {m.stages.map((s) => (
                    <li key={s.stage}>
                      <span className="stage-name">{s.stage}</span>: {s.events.map(eventText).join("; ")}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Runs the scenario in the CEP worker: controls, progress, and the newest matches and timeouts. */
export function RunPanel({ run }: { run: RunSessionControls }) {
  const { summary, failure } = run;
  const playing = summary?.state === "playing";
  const done = summary?.state === "finished" || summary?.state === "error";
  const error = summary?.error ?? null;
  return (
    <section className="panel run-panel" aria-label="Run">
      <h3>Run</h3>
      <div className="run-controls">
        <button type="button" onClick={run.play} disabled={!run.loaded || playing || done}>
          Run
        </button>
        <button type="button" onClick={run.pause} disabled={!playing}>
          Pause
        </button>
        <button type="button" onClick={run.step} disabled={!run.loaded || done}>
          Step
        </button>
        <button type="button" onClick={run.reset} disabled={!run.loaded}>
          Reset
        </button>
        {failure !== null && (
          <button type="button" onClick={run.restart}>
            Restart worker
          </button>
        )}
      </div>
      {summary === null ? (
        <p className="muted">Loading the run…</p>
      ) : (
        <p className="run-progress" data-testid="run-progress">
          <span className={`run-state run-state-${summary.state}`}>{stateLabel(summary)}</span> · events{" "}
          {summary.position.processedEvents} / {summary.position.totalEvents} · watermark{" "}
          {instant(summary.watermark)} · {count(summary.counts.matches, "match", "matches")} ·{" "}
          {count(summary.counts.timeouts, "timeout", "timeouts")}
          {summary.counts.late > 0 && ` · ${summary.counts.late} late`}
        </p>
      )}
      {failure !== null && (
        <div className="run-message note-error" role="alert">
          {failure.message}
          {failure.problems.length > 0 && (
            <ul>
              {failure.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error !== null && (
        <p className="run-message note-error" role="alert">
          {error.ruleId === null ? "" : `rule '${error.ruleId}' (version ${error.version ?? "?"}) `}
          {error.stage === null ? "" : `stage '${error.stage}' `}
          {error.line === null ? "" : `at line ${error.line} `}
          {error.key === null ? "" : `(key ${error.key})`}: {error.message}
        </p>
      )}
      {summary?.warnings.map((w) => (
        <p key={w} className="run-message note-warning">
          {w}
        </p>
      ))}
      {summary !== null && summary.counts.problems > 0 && (
        <p className="run-message note-warning">
          {summary.counts.problems} rows skipped: {summary.problems.slice(0, 3).join("; ")}
        </p>
      )}
      {summary !== null && (
        <div className="run-tables">
          <MatchTable caption="Matches" rows={summary.newest.matches} testId="run-matches" />
          <MatchTable caption="Timeouts" rows={summary.newest.timeouts} testId="run-timeouts" />
        </div>
      )}
    </section>
  );
}
