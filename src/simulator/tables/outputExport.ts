/**
 * Output lists as files: JSON Lines in the shape `cep-studio run` prints (so a run in the app
 * and on the command line can be compared line by line, with `subtask` always present), and CSV
 * with one row per captured event (for a spreadsheet). Pure.
 */
import type { LateView, MatchView } from "../../runtime/session/index.ts";

/** One JSON Lines record (with its newline) for a match, a timeout or a late event. */
export function outputJsonLine(record: MatchView | LateView): string {
  if (record.type === "late") {
    return `{"type":"late","key":${JSON.stringify(record.key)},"timestamp":${record.timestamp},"line":${JSON.stringify(record.event.line)},"event":${JSON.stringify(record.event.fields)},"subtask":${record.subtask}}\n`;
  }
  const head = `{"type":"${record.type}","rule":${JSON.stringify(record.ruleId)},"version":${record.version},"key":${JSON.stringify(record.key)}`;
  const at = record.type === "timeout" ? `,"timestamp":${record.timestamp}` : "";
  // Stages written by hand keep pattern order even for names that look like numbers.
  const stages = record.stages
    .map((s) => `${JSON.stringify(s.stage)}:${JSON.stringify(s.events.map((e) => e.fields))}`)
    .join(",");
  return `${head}${at},"events":{${stages}},"subtask":${record.subtask}}\n`;
}

const CSV_HEADER = "type,seq,rule,version,key,timestamp,subtask,stage,line,event\n";

/** A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV rows (each with its newline) for one record: a row per captured event. */
function outputCsvRows(record: MatchView | LateView): string {
  if (record.type === "late") {
    return csvRow([
      "late",
      record.seq,
      null,
      null,
      record.key,
      record.timestamp,
      record.subtask,
      null,
      record.event.line,
      JSON.stringify(record.event.fields),
    ]);
  }
  let rows = "";
  for (const stage of record.stages) {
    for (const event of stage.events) {
      rows += csvRow([
        record.type,
        record.seq,
        record.ruleId,
        record.version,
        record.key,
        record.timestamp,
        record.subtask,
        stage.stage,
        event.line,
        JSON.stringify(event.fields),
      ]);
    }
  }
  return rows;
}

function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}

export type ExportFormat = "jsonl" | "csv";

/** The whole file for `records` in `format`. */
export function exportOutputs(records: readonly (MatchView | LateView)[], format: ExportFormat): string {
  if (format === "jsonl") return records.map(outputJsonLine).join("");
  return CSV_HEADER + records.map(outputCsvRows).join("");
}
