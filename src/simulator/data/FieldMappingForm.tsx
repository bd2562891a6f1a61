import type { FieldMapping, InferredField } from "../../runtime/sources/index.ts";

/** Which fields are the key, the event time and the event type, chosen from the sample's fields. */
export function FieldMappingForm({
  fields,
  mapping,
  onChange,
}: {
  fields: readonly InferredField[];
  mapping: FieldMapping;
  onChange: (mapping: FieldMapping) => void;
}) {
  const options = fields.map((f) => (
    <option key={f.name} value={f.name}>
      {f.name} ({f.kind})
    </option>
  ));
  return (
    <fieldset className="sim-mapping" data-testid="sim.mapping">
      <legend>Field mapping</legend>
      <label>
        <span>Key (keyBy)</span>
        <select
          value={mapping.key}
          data-testid="sim.mapping.key"
          onChange={(e) => {
            onChange({ ...mapping, key: e.target.value });
          }}
        >
          {options}
        </select>
      </label>
      <label>
        <span>Event time</span>
        <select
          value={mapping.time ?? ""}
          data-testid="sim.mapping.time"
          onChange={(e) => {
            onChange({ ...mapping, time: e.target.value === "" ? null : e.target.value });
          }}
        >
          <option value="">none (processing time by arrival)</option>
          {options}
        </select>
      </label>
      <label>
        <span>Event type</span>
        <select
          value={mapping.type ?? ""}
          data-testid="sim.mapping.type"
          onChange={(e) => {
            onChange({ ...mapping, type: e.target.value === "" ? null : e.target.value });
          }}
        >
          <option value="">none</option>
          {options}
        </select>
      </label>
    </fieldset>
  );
}
