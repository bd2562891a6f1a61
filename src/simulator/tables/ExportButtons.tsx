import { useState } from "react";
import type { LateView, MatchView, OutputFilter } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { countText } from "../format/timeText.ts";
import { downloadText } from "./downloadText.ts";
import { exportOutputs, type ExportFormat } from "./outputExport.ts";

type ExportKind = "matches" | "timeouts" | "late";

/** Records fetched per request while exporting. */
const EXPORT_PAGE = 2000;

/** Every record of a list, fetched from the worker page by page (reporting progress). */
async function fetchAll(
  kind: ExportKind,
  filter: OutputFilter,
  onProgress: (done: number, total: number) => void,
): Promise<(MatchView | LateView)[]> {
  const records: (MatchView | LateView)[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (records.length < total) {
    const page = await simulator().query(kind, records.length, EXPORT_PAGE, filter);
    total = page.total;
    if (page.records.length === 0) break;
    records.push(...page.records);
    onProgress(records.length, total);
  }
  return records;
}

interface ExportButtonsProps {
  readonly kind: ExportKind;
  /** Records the filter keeps (nothing to export at 0). */
  readonly total: number;
  /** The table's filter: the export holds the records the table lists. */
  readonly filter: OutputFilter;
}

/** Downloads an output list — the records its table's filter keeps — as JSON Lines or CSV. */
export function ExportButtons({ kind, total, filter }: ExportButtonsProps) {
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setProgress("exporting…");
    setProblem(null);
    try {
      const records = await fetchAll(kind, filter, (done, all) => {
        setProgress(`exporting ${countText(done)} / ${countText(all)}…`);
      });
      const text = exportOutputs(records, format);
      downloadText(text, `${kind}.${format}`, format === "csv" ? "text/csv" : "application/x-ndjson");
    } catch (error) {
      setProblem(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setProgress(null);
    }
  };
  return (
    <span className="sim-export">
      <button
        type="button"
        disabled={total === 0 || progress !== null}
        data-testid={`sim.${kind}.exportJsonl`}
        onClick={() => void run("jsonl")}
      >
        Export JSONL
      </button>
      <button
        type="button"
        disabled={total === 0 || progress !== null}
        data-testid={`sim.${kind}.exportCsv`}
        onClick={() => void run("csv")}
      >
        Export CSV
      </button>
      {progress !== null && <span className="sim-muted">{progress}</span>}
      {problem !== null && (
        <span className="sim-error-text" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
