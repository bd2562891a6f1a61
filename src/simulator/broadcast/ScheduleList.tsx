import type { BroadcastRecordView, BroadcastTimeline } from "../../runtime/session/index.ts";
import { instantText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { VisibleSentence, VisibleText } from "../../ui/text/VisibleText.tsx";

/** `rule 1 v2`, `remove rule 1`, `config`, `config for channel = APP`. */
function recordLabel(record: BroadcastRecordView): string {
  switch (record.kind) {
    case "rule":
      return `rule ${record.ruleId ?? "?"} v${record.version ?? "?"}`;
    case "remove":
      return `remove rule ${record.ruleId ?? "?"}`;
    case "config":
      return record.configKey === null
        ? "config"
        : `config for ${record.configKey.keyBy} = ${record.configKey.value}`;
  }
}

function timeText(time: number, eventTime: boolean): string {
  return eventTime ? instantText(time) : String(time);
}

/** Where the run took a record: `took over before input item 3 (2020-01-01 00:01:07.000)`. */
function stateText(record: BroadcastRecordView, eventTime: boolean): string {
  if (record.state === "rejected") return `rejected: ${record.rejected ?? "refused by the job"}`;
  if (record.taken === null) return "pending";
  const when =
    record.taken.time === null ? "at the end of the input" : `at ${timeText(record.taken.time, eventTime)}`;
  const verb = record.kind === "rule" ? "took over" : "applied";
  return `${verb} before input item ${record.taken.position} (${when})`;
}

/**
 * The run's broadcast stream as markers in stream order — when each record is due, what it
 * does, and where the run took it (or that the job rejected it) — then, per rule, the versions
 * that took over, and the versions the updates dropped with the partial matches they held.
 */
export function ScheduleList({ eventTime }: { eventTime: boolean }) {
  const timeline: BroadcastTimeline | null = useSimulation((s) => s.summary?.broadcast ?? null);
  const dropped = useSimulation((s) => s.summary?.newest.ruleDropped ?? []);
  const records = timeline?.records ?? [];
  return (
    <section className="sim-bc-schedule" aria-labelledby="sim-bc-schedule-title">
      <h3 id="sim-bc-schedule-title">Broadcast stream of the run</h3>
      {records.length === 0 ? (
        <p className="sim-muted">No broadcast record: the rules run as loaded.</p>
      ) : (
        <ol className="sim-bc-markers">
          {records.map((record) => (
            <li
              key={record.index}
              className={`sim-bc-marker sim-bc-${record.state}`}
              data-testid="sim.broadcast.marker"
            >
              <span className="sim-bc-at">at {timeText(record.at, eventTime)}</span>
              <span className="sim-bc-label">
                <VisibleSentence text={recordLabel(record)} />
              </span>
              <span className="sim-bc-status" data-testid="sim.broadcast.status">
                <VisibleSentence text={stateText(record, eventTime)} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {timeline !== null && timeline.rules.some((r) => r.changes.length > 1) && (
        <ul className="sim-bc-versions" data-testid="sim.broadcast.versions">
          {timeline.rules
            .filter((r) => r.changes.length > 1)
            .map((r) => (
              <li key={r.ruleId}>
                rule <VisibleText text={r.ruleId} />:{" "}
                {r.changes
                  .map((c) => `${c.version === null ? "removed" : `v${c.version}`} from item ${c.position}`)
                  .join(" → ")}
              </li>
            ))}
        </ul>
      )}
      {dropped.length > 0 && (
        <ul className="sim-bc-dropped" data-testid="sim.broadcast.dropped">
          {dropped.map((d) => (
            <li key={d.seq}>
              rule <VisibleText text={d.ruleId} /> v{d.version} dropped with {d.partialMatches} partial match
              {d.partialMatches === 1 ? "" : "es"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
