import { useMemo, useState } from "react";
import { changeDocument, documentStore } from "../../document/documentStore.ts";
import { useActiveRule } from "../../document/useDocument.ts";
import { JsonEditor } from "../../editors/JsonEditor.tsx";
import { simulator } from "../controller/simulatorController.ts";
import { effectiveTimeMode } from "../controller/runSettings.ts";
import { instantText } from "../format/timeText.ts";
import { useSimulation } from "../simulationStore.ts";
import { broadcastSchema } from "./broadcastSchema.ts";
import { applySchedule, broadcastStore, scheduleChange, setDraft, useBroadcast } from "./broadcastStore.ts";
import { readSchedule } from "./broadcastRecords.ts";
import { BroadcastStateView } from "./BroadcastStateView.tsx";
import { readAt, scheduleRuleVersion } from "./scheduleRule.ts";
import { ScheduleList } from "./ScheduleList.tsx";
import "./BroadcastTab.css";

/**
 * The "at" a new record gets by default: from the next event on — just past the newest event
 * time read (event time), or the next event position (processing time by position).
 */
function useDefaultAt(eventTime: boolean, clock: boolean): string {
  const newest = useSimulation((s) => s.summary?.maxEventTime ?? null);
  const now = useSimulation((s) => s.summary?.processingTime ?? 0);
  const events = useSimulation((s) => s.summary?.position.processedEvents ?? 0);
  if (eventTime) return newest === null ? "" : instantText(newest + 1);
  return String(clock ? now + 1 : events);
}

/**
 * Broadcast: the run's rule/config broadcast stream as a schedule the user edits (Monaco JSON
 * with the broadcast record schema), "schedule the active rule's current version", the
 * schedule's markers (where each version took over), and every subtask's broadcast state side
 * by side.
 */
export function BroadcastTab() {
  const draft = useBroadcast((s) => s.draft);
  const applied = useBroadcast((s) => s.applied);
  const problems = useBroadcast((s) => s.problems);
  const applying = useBroadcast((s) => s.applying);
  // Duplicate keys, as the text is edited: the run would take the last value, as Flink's Jackson does.
  const warnings = useMemo(() => readSchedule(draft).warnings, [draft]);
  const active = useActiveRule();
  const settings = useSimulation((s) => s.settings);
  const mapping = useSimulation((s) => s.data?.mapping ?? null);
  const running = useSimulation((s) => s.summary?.activeRules ?? []);
  const eventTime = effectiveTimeMode(settings, mapping) === "event";
  // Processing time reads its clock from the time field when the data has one, else uses positions.
  const clock = !eventTime && mapping?.time != null;
  const defaultAt = useDefaultAt(eventTime, clock);
  const [atText, setAtText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const at = atText ?? defaultAt;

  const schedule = () => {
    if (active === null) return;
    const when = readAt(at, eventTime || clock);
    if (!when.ok) {
      setNote(when.error);
      return;
    }
    const runningVersion = running.find((r) => r.id === active.rule.id)?.version ?? null;
    const outcome = scheduleRuleVersion(
      documentStore.getState().doc,
      active.key,
      draft,
      when.at,
      runningVersion,
    );
    if (!outcome.ok) {
      setNote(outcome.error);
      return;
    }
    // One undo takes back both the published version and its record in the schedule.
    changeDocument(() => outcome.doc, {
      linked: scheduleChange({ draft: broadcastStore.getState().draft }, { draft: outcome.schedule }),
    });
    // The new version reaches the run by this broadcast, not by reloading the rules.
    simulator().adoptDocumentRules();
    setDraft(outcome.schedule);
    setNote(`Published ${outcome.label} and scheduled it. Apply to give the run the new schedule.`);
  };

  return (
    <div className="sim-tab-body sim-bc" data-testid="sim.broadcast">
      <div className="sim-tab-toolbar">
        <label className="sim-bc-field">
          at
          <input
            value={at}
            placeholder={eventTime || clock ? "2020-01-01 00:01:05 or ms" : "event position"}
            spellCheck={false}
            data-testid="sim.broadcast.at"
            onChange={(e) => {
              setAtText(e.target.value);
            }}
          />
        </label>
        <button
          type="button"
          disabled={active === null}
          data-testid="sim.broadcast.schedule"
          onClick={schedule}
        >
          Schedule {active === null ? "the active rule" : `rule ${active.rule.id}`}’s current version
        </button>
        <span className="sim-bc-actions">
          <button
            type="button"
            className="sim-primary"
            disabled={applying || draft === applied}
            data-testid="sim.broadcast.apply"
            onClick={() => {
              setNote(null);
              void applySchedule(draft);
            }}
          >
            {applying ? "Applying…" : "Apply to the run"}
          </button>
          <button
            type="button"
            disabled={applied === null || draft === applied}
            onClick={() => {
              broadcastStore.setState({ draft: applied ?? "[]\n", problems: [] });
            }}
          >
            Revert
          </button>
        </span>
      </div>
      {note !== null && (
        <p className="sim-bc-note" role="status" data-testid="sim.broadcast.note">
          {note}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="sim-bc-problems" role="alert" data-testid="sim.broadcast.problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul
          className="sim-bc-problems sim-bc-warnings"
          aria-label="Schedule warnings"
          data-testid="sim.broadcast.warnings"
        >
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="sim-bc-body">
        <div className="sim-bc-editor">
          <JsonEditor
            value={draft}
            onChange={setDraft}
            schema={broadcastSchema}
            ariaLabel="Broadcast stream records (JSON)"
            testId="sim.broadcast.editor"
          />
        </div>
        <div className="sim-bc-side">
          <ScheduleList eventTime={eventTime} />
          <BroadcastStateView />
        </div>
      </div>
    </div>
  );
}
