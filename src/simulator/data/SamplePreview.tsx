import { FieldValue } from "../tables/FieldValue.tsx";
import type { FileSample } from "./fileSample.ts";
import { VisibleSentence, VisibleText } from "../../ui/text/VisibleText.tsx";

/** Rows of the sample shown in the preview. */
const PREVIEW_ROWS = 8;
/** Problems and warnings listed under the preview (the run lists those of the whole file). */
const PREVIEW_LISTED = 20;

const FORMAT_NAMES = { csv: "CSV", json: "JSON array", jsonl: "JSON Lines" } as const;

/**
 * The first rows of a file with each field's inferred kind, the problems of those rows and the
 * rows read with a warning.
 */
export function SamplePreview({ name, sample }: { name: string; sample: FileSample }) {
  const { schema } = sample;
  const rows = sample.events.slice(0, PREVIEW_ROWS);
  return (
    <div className="sim-preview" data-testid="sim.preview">
      <p>
        <strong>
          <VisibleText text={name} />
        </strong>{" "}
        · {sample.format === null ? "empty" : FORMAT_NAMES[sample.format]} ·{" "}
        {sample.refusal !== null ? (
          <span className="sim-error-text" role="alert" data-testid="sim.preview.schema">
            nothing to load: {sample.refusal}
          </span>
        ) : schema.known === null ? (
          <span data-testid="sim.preview.schema">schema not recognised — choose the fields below</span>
        ) : (
          <span data-testid="sim.preview.schema">recognised: {schema.known.title}</span>
        )}
        {schema.timeEncoding !== null && (
          <span className="sim-muted"> · time written as {schema.timeEncoding}</span>
        )}
      </p>
      {rows.length > 0 && sample.refusal === null && (
        <div className="sim-preview-scroll">
          <table className="sim-preview-table">
            <thead>
              <tr>
                {schema.fields.map((f) => (
                  <th key={f.name}>
                    <VisibleText text={f.name} />
                    <span className="sim-field-kind">{f.kind}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((event, i) => (
                <tr key={i}>
                  {schema.fields.map((f) => (
                    <td key={f.name}>
                      <FieldValue value={event[f.name]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sample.problems.length > 0 && (
        <ul className="sim-problems" aria-label="Problems in the first rows">
          {sample.problems.slice(0, PREVIEW_LISTED).map((p) => (
            <li key={`${p.line}:${p.message}`}>
              line {p.line}: <VisibleSentence text={p.message} />
            </li>
          ))}
        </ul>
      )}
      {sample.warnings.length > 0 && (
        <ul
          className="sim-problems sim-problems-warn"
          aria-label="Rows read with a warning in the first rows"
          data-testid="sim.preview.warnings"
        >
          {sample.warnings.slice(0, PREVIEW_LISTED).map((w) => (
            <li key={w.line}>
              line {w.line}: <VisibleSentence text={w.message} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
