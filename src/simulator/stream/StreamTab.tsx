import { cellText } from "../format/cellText.ts";
import { useCallback, useEffect, useState } from "react";
import type { InputEvents, InputFilter } from "../../runtime/session/index.ts";
import { effectiveTimeMode } from "../controller/runSettings.ts";
import { simulator } from "../controller/simulatorController.ts";
import { instantText } from "../format/timeText.ts";
import { simulationStore, useSimulation } from "../simulationStore.ts";
import { streamStatus, type StreamStatus } from "./streamStatus.ts";
import { FieldValue } from "../tables/FieldValue.tsx";
import { VirtualTable, type Column } from "../tables/VirtualTable.tsx";
import { VisibleText } from "../../ui/text/VisibleText.tsx";
import "./StreamTab.css";

type InputRow = InputEvents["rows"][number];

/** The worker's filter for the `[key, type]` filter key (blank fields filter nothing). */
function filterOf(filterKey: string): InputFilter {
  const [key = "", type = ""] = JSON.parse(filterKey) as string[];
  return { ...(key === "" ? {} : { key }), ...(type === "" ? {} : { type }) };
}

const STATUS_CLASS: Readonly<Record<StreamStatus, string>> = {
  "not read": "sim-row-pending",
  skipped: "sim-row-skipped",
  buffered: "sim-row-buffered",
  processed: "",
  late: "sim-row-late",
};

function columns(typeField: string | null, processed: number, watermark: number | null): Column<InputRow>[] {
  return [
    { id: "index", header: "#", width: "4.5rem", cell: (r) => r.index + 1 },
    { id: "line", header: "Line", width: "4rem", cell: (r) => r.line },
    {
      id: "key",
      header: "Key",
      width: "8rem",
      cell: (r) => (r.key === null ? "—" : <VisibleText text={r.key} />),
    },
    {
      id: "time",
      header: "Event time",
      width: "13rem",
      cell: (r) => (r.timestamp === null ? "—" : instantText(r.timestamp)),
    },
    { id: "type", header: typeField ?? "Type", width: "7rem", cell: (r) => <FieldValue value={r.type} /> },
    { id: "status", header: "Status", width: "6rem", cell: (r) => streamStatus(r, processed, watermark) },
    {
      id: "fields",
      header: "Fields",
      width: "minmax(12rem, 1fr)",
      cell: (r) => (
        <span className="sim-code">
          <VisibleText text={cellText(JSON.stringify(r.fields))} />
        </span>
      ),
    },
  ];
}

/**
 * The input stream as a table of any length (rows fetched by range from the worker), filtered
 * by key and event type; the run's position is marked, late events are red, events not yet
 * processed are grey, events the source skipped are struck through.
 */
export function StreamTab() {
  const epoch = useSimulation((s) => s.runEpoch);
  const typeField = useSimulation((s) => s.data?.mapping.type ?? null);
  const processed = useSimulation((s) => s.summary?.position.processedEvents ?? 0);
  const watermark = useSimulation((s) =>
    effectiveTimeMode(s.settings, s.data?.mapping ?? null) === "event"
      ? (s.summary?.watermark ?? null)
      : null,
  );
  const totalEvents = useSimulation((s) => s.summary?.position.totalEvents ?? 0);
  const [keyFilter, setKeyFilter] = useState("");
  const [typeFilter, setTypeFilter] = useState("");
  const [follow, setFollow] = useState(true);
  const [matching, setMatching] = useState<{ filter: string; total: number } | null>(null);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const key = keyFilter.trim();
  const type = typeFilter.trim();
  const filtered = key !== "" || type !== "";
  const filterKey = JSON.stringify([key, type]);

  const fetchRows = useCallback(
    async (from: number, count: number) => {
      const page = await simulator().inputEvents(from, count, filterOf(filterKey));
      return page.rows;
    },
    [filterKey],
  );
  // How many events match the filter (asked again as the input grows or the run moves).
  useEffect(() => {
    if (!filtered) return;
    let live = true;
    simulator()
      .inputEvents(0, 0, filterOf(filterKey))
      .then(
        (page) => {
          if (live) setMatching({ filter: filterKey, total: page.total });
        },
        () => {
          // A refused query (a worker restart) keeps the last count.
        },
      );
    return () => {
      live = false;
    };
  }, [filtered, filterKey, totalEvents, epoch]);
  const matchingNow = matching !== null && matching.filter === filterKey ? matching.total : null;
  const total = filtered ? (matchingNow ?? 0) : totalEvents;

  return (
    <div className="sim-tab-body sim-stream-tab">
      <div className="sim-tab-toolbar">
        <label>
          Key{" "}
          <input
            value={keyFilter}
            placeholder="any"
            data-testid="sim.stream.key"
            onChange={(e) => {
              setKeyFilter(e.target.value);
            }}
          />
        </label>
        <label>
          {typeField ?? "Type"}{" "}
          <input
            value={typeFilter}
            placeholder="any"
            data-testid="sim.stream.type"
            onChange={(e) => {
              setTypeFilter(e.target.value);
            }}
          />
        </label>
        <label className="sim-check">
          <input
            type="checkbox"
            checked={follow}
            disabled={filtered}
            onChange={(e) => {
              setFollow(e.target.checked);
            }}
          />
          Follow the run's position
        </label>
        <span className="sim-muted" data-testid="sim.stream.count">
          {filtered ? `${matchingNow ?? "…"} matching events` : `${totalEvents} events · ${processed} read`}
        </span>
      </div>
      <VirtualTable<InputRow>
        label="Input events"
        testId="sim.stream"
        columns={columns(typeField, processed, watermark)}
        total={total}
        epoch={`${epoch}:${filterKey}:${processed}`}
        fetchRows={fetchRows}
        rowClass={(row) =>
          `${STATUS_CLASS[streamStatus(row, processed, watermark)]}${row.index === processed - 1 ? " sim-row-current" : ""}`
        }
        selected={selectedIndex}
        onSelect={(row, index) => {
          setSelectedIndex(index);
          simulationStore.setState({ selectedEvent: { position: row.position, line: row.line } });
        }}
        scrollTo={follow && !filtered ? Math.max(0, processed - 1) : null}
        empty={filtered ? "No event matches the filters." : "No events loaded."}
      />
    </div>
  );
}
