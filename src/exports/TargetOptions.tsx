import { useId } from "react";
import type { ReactNode } from "react";
import type { Rule } from "../model/pattern.ts";
import { afterMatchChoices } from "./exportPreview.ts";
import type { JavaSettings, SqlSettings } from "./exportPreview.ts";

/** The SQL export's options: after-match strategy, PARTITION BY, table and time column. */
export function SqlOptions({
  rule,
  settings,
  onChange,
}: {
  readonly rule: Rule;
  readonly settings: SqlSettings;
  readonly onChange: (settings: SqlSettings) => void;
}) {
  return (
    <div className="export-options" data-testid="export.sql.options">
      <Option label="AFTER MATCH">
        {(id) => (
          <select
            id={id}
            value={settings.afterMatch}
            data-testid="export.sql.afterMatch"
            onChange={(e) => {
              onChange({ ...settings, afterMatch: e.target.value });
            }}
          >
            {afterMatchChoices(rule).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Option>
      <Option label="PARTITION BY">
        {(id) => (
          <input
            id={id}
            value={settings.partitionBy}
            placeholder="userId"
            spellCheck={false}
            data-testid="export.sql.partitionBy"
            onChange={(e) => {
              onChange({ ...settings, partitionBy: e.target.value });
            }}
          />
        )}
      </Option>
      <Option label="Table">
        {(id) => (
          <input
            id={id}
            value={settings.table}
            spellCheck={false}
            data-testid="export.sql.table"
            onChange={(e) => {
              onChange({ ...settings, table: e.target.value });
            }}
          />
        )}
      </Option>
      <Option label="ORDER BY">
        {(id) => (
          <input
            id={id}
            value={settings.orderBy}
            spellCheck={false}
            data-testid="export.sql.orderBy"
            onChange={(e) => {
              onChange({ ...settings, orderBy: e.target.value });
            }}
          />
        )}
      </Option>
    </div>
  );
}

/** The Java export's options: Flink or VVR API, and the event class. */
export function JavaOptions({
  settings,
  onChange,
}: {
  readonly settings: JavaSettings;
  readonly onChange: (settings: JavaSettings) => void;
}) {
  return (
    <div className="export-options" data-testid="export.java.options">
      <Option label="API">
        {(id) => (
          <select
            id={id}
            value={settings.target}
            data-testid="export.java.target"
            onChange={(e) => {
              onChange({ ...settings, target: e.target.value === "vvr-1.15" ? "vvr-1.15" : "flink-1.19" });
            }}
          >
            <option value="flink-1.19">Apache Flink 1.19+</option>
            <option value="vvr-1.15">Ververica VVR (Flink 1.15)</option>
          </select>
        )}
      </Option>
      <Option label="Event class">
        {(id) => (
          <input
            id={id}
            value={settings.eventType}
            spellCheck={false}
            data-testid="export.java.eventType"
            onChange={(e) => {
              onChange({ ...settings, eventType: e.target.value });
            }}
          />
        )}
      </Option>
    </div>
  );
}

function Option({
  label,
  children,
}: {
  readonly label: string;
  readonly children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="export-options__field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
