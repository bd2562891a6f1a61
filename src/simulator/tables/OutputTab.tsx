import { useCallback, useMemo, useState } from "react";
import type { LateView, MatchView } from "../../runtime/session/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { instantText } from "../format/timeText.ts";
import { setHighlight, useSimulation } from "../simulationStore.ts";
import { eventText, matchLines, stagesText } from "./eventText.ts";
import { ExportButtons } from "./ExportButtons.tsx";
import { OutputFilters } from "./OutputFilters.tsx";
import {
  isFiltered,
  outputCountText,
  outputFilterOf,
  outputRuleIds,
  type OutputFilterChoice,
  type OutputListKind,
} from "./outputFilter.ts";
import { useMatchingTotal } from "./useMatchingTotal.ts";
import { VirtualTable, type Column } from "./VirtualTable.tsx";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";
import { VisibleSentence, VisibleText } from "../../ui/text/VisibleText.tsx";
import "./OutputTab.css";

function matchColumns(kind: "matches" | "timeouts", mapping: FieldMapping | null): Column<MatchView>[] {
  return [
    { id: "seq", header: "#", width: "3.5rem", cell: (m) => m.seq + 1 },
    {
      id: "rule",
      header: "Rule",
      width: "5.5rem",
      cell: (m) => (
        <>
          <VisibleText text={m.ruleId} /> v{m.version}
        </>
      ),
    },
    {
      id: "key",
      header: "Key",
      width: "8rem",
      cell: (m) => (m.key === null ? "—" : <VisibleText text={m.key} />),
    },
    {
      id: "time",
      header: kind === "timeouts" ? "Timed out at" : "Matched at",
      width: "14rem",
      cell: (m) => instantText(m.timestamp),
    },
    { id: "subtask", header: "Subtask", width: "5.5rem", cell: (m) => m.subtask },
    {
      id: "stages",
      header: "Captured events by stage",
      width: "minmax(12rem, 1fr)",
      cell: (m) => {
        const text = stagesText(m, mapping);
        return (
          <span title={revealHiddenCharacters(text)}>
            <VisibleSentence text={text} names={m.stages.map((s) => s.stage)} />
          </span>
        );
      },
    },
  ];
}

function lateColumns(mapping: FieldMapping | null): Column<LateView>[] {
  return [
    { id: "seq", header: "#", width: "3.5rem", cell: (l) => l.seq + 1 },
    {
      id: "key",
      header: "Key",
      width: "8rem",
      cell: (l) => (l.key === null ? "—" : <VisibleText text={l.key} />),
    },
    { id: "time", header: "Event time", width: "14rem", cell: (l) => instantText(l.timestamp) },
    { id: "subtask", header: "Subtask", width: "5.5rem", cell: (l) => l.subtask },
    {
      id: "event",
      header: "Event (behind the watermark when it arrived)",
      width: "minmax(12rem, 1fr)",
      cell: (l) => <VisibleText text={eventText(l.event, mapping)} />,
    },
  ];
}

/** What an empty list means while the run can still go on. */
const EMPTY: Readonly<Record<OutputListKind, string>> = {
  matches: "No match yet. Play or step the run; a match is emitted once the watermark passes its last event.",
  timeouts:
    "No timeout yet. A partial match times out when the watermark passes its window (the end of input moves it to +∞).",
  late: "No late event yet: every event so far arrived ahead of the watermark.",
};

/** What an empty list means once the run has read all of its input. */
const EMPTY_AT_END: Readonly<Record<OutputListKind, string>> = {
  matches:
    "No match in this run. Pick an event in the Stream tab and ask the Explain tab why it did not start or complete a match.",
  timeouts:
    "No timeout in this run: no partial match was still waiting when the watermark passed its window (rules without a window never time out).",
  late: "No late event: every event arrived ahead of the watermark.",
};

const NO_CHOICE: OutputFilterChoice = { ruleId: "", key: "" };

/**
 * A list of the run's outputs (matches, timeouts or late events), fetched by range, filtered
 * by rule and key in the worker (so it works at any size), with its count and export.
 */
export function OutputTab({ kind }: { kind: OutputListKind }) {
  const listTotal = useSimulation((s) => s.summary?.counts[kind] ?? 0);
  const epoch = useSimulation((s) => s.runEpoch);
  const mapping = useSimulation((s) => s.data?.mapping ?? null);
  const activeRules = useSimulation((s) => s.summary?.activeRules);
  const broadcast = useSimulation((s) => s.summary?.broadcast);
  const ruleIds = useMemo(
    () =>
      activeRules === undefined || broadcast === undefined ? [] : outputRuleIds({ activeRules, broadcast }),
    [activeRules, broadcast],
  );
  const [choice, setChoice] = useState(NO_CHOICE);
  const filter = useMemo(() => outputFilterOf(kind, choice), [kind, choice]);
  const filterKey = JSON.stringify(filter);
  const filtered = isFiltered(filter);
  const matching = useMatchingTotal(kind, filter, listTotal, epoch);
  const total = filtered ? (matching ?? 0) : listTotal;
  // Row indexes count within the filtered list: a selection belongs to one filter.
  const [selected, setSelected] = useState<{ filterKey: string; index: number } | null>(null);
  const selectedIndex = selected !== null && selected.filterKey === filterKey ? selected.index : null;
  const [follow, setFollow] = useState(false);
  const fetchLate = useCallback(
    async (from: number, count: number) => (await simulator().query("late", from, count, filter)).records,
    [filter],
  );
  const fetchMatches = useCallback(
    async (from: number, count: number) =>
      (await simulator().query(kind === "late" ? "matches" : kind, from, count, filter)).records,
    [kind, filter],
  );
  const finished = useSimulation((s) => s.summary?.state === "finished");
  const empty =
    filtered && listTotal > 0
      ? matching === null
        ? "Counting…"
        : "Nothing here matches the filters: pick another rule or key, or clear the filters."
      : (finished ? EMPTY_AT_END : EMPTY)[kind];
  const common = {
    total,
    epoch: `${kind}:${epoch}:${filterKey}`,
    selected: selectedIndex,
    scrollTo: follow ? total - 1 : null,
    empty,
  };
  const table =
    kind === "late" ? (
      <VirtualTable<LateView>
        {...common}
        label="Late events"
        testId="sim.late"
        columns={lateColumns(mapping)}
        fetchRows={fetchLate}
        onSelect={(_row, index) => {
          setSelected({ filterKey, index });
        }}
        rowClass={() => "sim-row-late"}
      />
    ) : (
      <VirtualTable<MatchView>
        {...common}
        label={kind === "matches" ? "Matches" : "Timeouts"}
        testId={`sim.${kind}`}
        columns={matchColumns(kind, mapping)}
        fetchRows={fetchMatches}
        onSelect={(row, index) => {
          setSelected({ filterKey, index });
          setHighlight({
            ruleId: row.ruleId,
            stages: row.stages.map((s) => s.stage),
            lines: matchLines(row),
          });
        }}
      />
    );
  return (
    <div className="sim-tab-body sim-output-tab">
      <div className="sim-tab-toolbar">
        <OutputFilters kind={kind} choice={choice} ruleIds={ruleIds} onChange={setChoice} />
        <span className="sim-muted" role="status" data-testid={`sim.${kind}.count`}>
          {outputCountText(kind, filter, matching, listTotal)}
        </span>
        <label className="sim-check">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => {
              setFollow(e.target.checked);
            }}
          />
          Follow the newest
        </label>
        <ExportButtons kind={kind} total={total} filter={filter} />
      </div>
      {table}
    </div>
  );
}
