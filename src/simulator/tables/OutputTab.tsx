import { useCallback, useState } from "react";
import type { LateView, MatchView } from "../../runtime/session/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { instantText } from "../format/timeText.ts";
import { setHighlight, useSimulation } from "../simulationStore.ts";
import { eventText, matchLines, stagesText } from "./eventText.ts";
import { ExportButtons } from "./ExportButtons.tsx";
import { VirtualTable, type Column } from "./VirtualTable.tsx";

type ListKind = "matches" | "timeouts" | "late";

function matchColumns(kind: "matches" | "timeouts", mapping: FieldMapping | null): Column<MatchView>[] {
  return [
    { id: "seq", header: "#", width: "3.5rem", cell: (m) => m.seq + 1 },
    { id: "rule", header: "Rule", width: "5.5rem", cell: (m) => `${m.ruleId} v${m.version}` },
    { id: "key", header: "Key", width: "8rem", cell: (m) => m.key ?? "—" },
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
      cell: (m) => <span title={stagesText(m, mapping)}>{stagesText(m, mapping)}</span>,
    },
  ];
}

function lateColumns(mapping: FieldMapping | null): Column<LateView>[] {
  return [
    { id: "seq", header: "#", width: "3.5rem", cell: (l) => l.seq + 1 },
    { id: "key", header: "Key", width: "8rem", cell: (l) => l.key ?? "—" },
    { id: "time", header: "Event time", width: "14rem", cell: (l) => instantText(l.timestamp) },
    { id: "subtask", header: "Subtask", width: "5.5rem", cell: (l) => l.subtask },
    {
      id: "event",
      header: "Event (behind the watermark when it arrived)",
      width: "minmax(12rem, 1fr)",
      cell: (l) => eventText(l.event, mapping),
    },
  ];
}

const EMPTY: Readonly<Record<ListKind, string>> = {
  matches: "No match yet. Play or step the run; a match is emitted once the watermark passes its last event.",
  timeouts:
    "No timeout yet. A partial match times out when the watermark passes its window (the end of input moves it to +∞).",
  late: "No late event: every event arrived ahead of the watermark.",
};

/** A list of the run's outputs (matches, timeouts or late events), fetched by range, with export. */
export function OutputTab({ kind }: { kind: ListKind }) {
  const total = useSimulation((s) => s.summary?.counts[kind] ?? 0);
  const epoch = useSimulation((s) => s.runEpoch);
  const mapping = useSimulation((s) => s.data?.mapping ?? null);
  const [selected, setSelected] = useState<number | null>(null);
  const [follow, setFollow] = useState(false);
  const fetchLate = useCallback(
    async (from: number, count: number) => (await simulator().query("late", from, count)).records,
    [],
  );
  const fetchMatches = useCallback(
    async (from: number, count: number) =>
      (await simulator().query(kind === "late" ? "matches" : kind, from, count)).records,
    [kind],
  );
  const table =
    kind === "late" ? (
      <VirtualTable<LateView>
        label="Late events"
        testId="sim.late"
        columns={lateColumns(mapping)}
        total={total}
        epoch={`${kind}:${epoch}`}
        fetchRows={fetchLate}
        selected={selected}
        onSelect={(_row, index) => {
          setSelected(index);
        }}
        rowClass={() => "sim-row-late"}
        scrollTo={follow ? total - 1 : null}
        empty={EMPTY.late}
      />
    ) : (
      <VirtualTable<MatchView>
        label={kind === "matches" ? "Matches" : "Timeouts"}
        testId={`sim.${kind}`}
        columns={matchColumns(kind, mapping)}
        total={total}
        epoch={`${kind}:${epoch}`}
        fetchRows={fetchMatches}
        selected={selected}
        onSelect={(row, index) => {
          setSelected(index);
          setHighlight({
            ruleId: row.ruleId,
            stages: row.stages.map((s) => s.stage),
            lines: matchLines(row),
          });
        }}
        scrollTo={follow ? total - 1 : null}
        empty={EMPTY[kind]}
      />
    );
  return (
    <div className="sim-tab-body sim-output-tab">
      <div className="sim-tab-toolbar">
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
        <ExportButtons kind={kind} total={total} />
      </div>
      {table}
    </div>
  );
}
