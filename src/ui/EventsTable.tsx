import { useMemo } from "react";
import { createCsvReader } from "../formats/events/index.ts";
import type { EventData } from "../formats/events/index.ts";

/** A small clickstream as a table; values are shown as text, never as HTML. */
export function EventsTable({ csv }: { csv: string }) {
  const { rows, problems } = useMemo(() => readCsv(csv), [csv]);
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return (
    <>
      {problems.length > 0 && (
        <ul className="notes">
          {problems.map((p) => (
            <li key={p} className="note-warning">
              {p}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table className="events">
          <thead>
            <tr>
              <th>#</th>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {columns.map((c) => (
                  <td key={c}>{cellText(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A cell as plain text: scalars as they read, nested values as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return value.toString();
  return typeof value === "object" ? JSON.stringify(value) : "";
}

function readCsv(csv: string): { rows: EventData[]; problems: string[] } {
  const rows: EventData[] = [];
  const problems: string[] = [];
  const reader = createCsvReader((item) => {
    if (item.type === "event") rows.push(item.event);
    else if (item.type !== "watermark") problems.push(`line ${item.line}: ${item.message}`);
  });
  for (const line of csv.split("\n")) reader.pushLine(line);
  reader.end();
  return { rows, problems };
}
