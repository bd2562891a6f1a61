import { useCallback, useMemo, useState } from "react";
import type { BuiltInProcessorName } from "../../runtime/job/index.ts";
import type { OutputFilter, ResultView } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { plural } from "../format/timeText.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { useSimulation } from "../simulationStore.ts";
import { VirtualTable, type Column } from "../tables/VirtualTable.tsx";
import { countsText, fieldText, patternText } from "./processorCatalog.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";
import { VisibleSentence, VisibleText } from "../../ui/text/VisibleText.tsx";

const common: readonly Column<ResultView>[] = [
  { id: "seq", header: "#", width: "3rem", cell: (r) => r.seq + 1 },
  {
    id: "user",
    header: "userId",
    width: "minmax(9rem, 15rem)",
    cell: (r) => <VisibleText text={fieldText(r.result.userId)} />,
  },
];

const tail: readonly Column<ResultView>[] = [
  { id: "subtask", header: "Subtask", width: "5.5rem", cell: (r) => r.subtask },
  { id: "line", header: "Line", width: "4rem", cell: (r) => r.line ?? "—" },
];

/** The article's fields of each processor's result. */
const COLUMNS: Readonly<Record<BuiltInProcessorName, readonly Column<ResultView>[]>> = {
  "purchase-path": [
    ...common,
    {
      id: "channel",
      header: "channel",
      width: "5.5rem",
      cell: (r) => <VisibleText text={fieldText(r.result.channel)} />,
    },
    {
      id: "length",
      header: "purchasePathLength",
      width: "11.5rem",
      cell: (r) => fieldText(r.result.purchasePathLength),
    },
    {
      id: "counts",
      header: "eventTypeCounts",
      width: "minmax(11rem, 1fr)",
      cell: (r) => (
        <span title={revealHiddenCharacters(countsText(r.result.eventTypeCounts))}>
          <VisibleSentence text={countsText(r.result.eventTypeCounts)} />
        </span>
      ),
    },
    ...tail,
  ],
  "two-action": [
    ...common,
    {
      id: "pattern",
      header: "pattern",
      width: "minmax(14rem, 1fr)",
      cell: (r) => <VisibleSentence text={patternText(r.result)} />,
    },
    ...tail,
  ],
};

const EMPTY: Readonly<Record<BuiltInProcessorName, string>> = {
  "purchase-path":
    "No result yet. Play the run: a purchase whose path is longer than its channel's config allows emits one.",
  "two-action":
    "No result yet. Play the run: a user whose previous and current actions are the active pattern emits one.",
};

/**
 * The processor's results (virtualised, fetched by range from the worker), optionally only one
 * user's: the worker filters and counts them.
 */
export function ProcessorResults({ processor }: { processor: BuiltInProcessorName }) {
  const all = useSimulation((s) => s.summary?.counts.results ?? 0);
  const epoch = useSimulation((s) => s.runEpoch);
  const [draft, setDraft] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const filter = useMemo<OutputFilter>(() => (key === null ? {} : { key }), [key]);
  const fetchRows = useCallback(
    async (from: number, count: number) => {
      const { result } = await simulator().request({ type: "query", kind: "results", from, count, filter });
      return result.records as readonly ResultView[];
    },
    [filter],
  );
  const countQuery = useMemo(
    () =>
      key === null
        ? null
        : async () =>
            (await simulator().request({ type: "query", kind: "results", from: 0, count: 0, filter })).result
              .total,
    [key, filter],
  );
  const filtered = useLiveQuery<number>(countQuery, [all, epoch]);
  const total = key === null ? all : (filtered.value ?? 0);

  return (
    <div className="sim-proc-results">
      <form
        className="sim-tab-toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setKey(draft.trim() === "" ? null : draft.trim());
        }}
      >
        <label className="sim-proc-filter">
          Only userId
          <input
            value={draft}
            placeholder="every user"
            spellCheck={false}
            autoComplete="off"
            data-testid="sim.proc.filter"
            onChange={(e) => {
              setDraft(e.target.value);
            }}
          />
        </label>
        <button type="submit" data-testid="sim.proc.filter.apply">
          Filter
        </button>
        <span className="sim-muted" data-testid="sim.proc.count">
          {key === null
            ? plural(all, "result", "results")
            : `${plural(total, "result", "results")} of ${all}`}
        </span>
      </form>
      <VirtualTable<ResultView>
        label="Processor results"
        testId="sim.proc.results"
        columns={COLUMNS[processor]}
        total={total}
        epoch={`${processor}:${key ?? ""}:${epoch}`}
        fetchRows={fetchRows}
        empty={key === null ? EMPTY[processor] : `No result for userId ${revealHiddenCharacters(key)} yet.`}
      />
    </div>
  );
}
