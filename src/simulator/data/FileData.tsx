import { useRef, useState, type DragEvent } from "react";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { FieldMappingForm } from "./FieldMappingForm.tsx";
import { initialMapping, mappingProblem, readFileSample, type FileSample } from "./fileSample.ts";
import { SamplePreview } from "./SamplePreview.tsx";

type Picked =
  | { readonly state: "reading"; readonly file: File }
  | { readonly state: "failed"; readonly file: File; readonly message: string }
  | {
      readonly state: "preview";
      readonly file: File;
      readonly sample: FileSample;
      readonly mapping: FieldMapping | null;
    };

/** Reads the first bytes of `file` for its preview. */
async function previewOf(file: File): Promise<Picked> {
  try {
    const sample = await readFileSample(file, file.name);
    return { state: "preview", file, sample, mapping: initialMapping(sample.schema) };
  } catch (error) {
    return { state: "failed", file, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A CSV / JSON / JSONL file, dropped or picked: a preview of its first rows with the detected
 * schema; a recognised schema is loaded at once, any other asks for the field mapping first.
 * The file itself is streamed to the worker in chunks (see the controller).
 */
export function FileData() {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [over, setOver] = useState(false);
  // The file picked last: a preview that comes back after another file was picked is dropped.
  const latest = useRef<File | null>(null);

  const pick = async (file: File) => {
    latest.current = file;
    setPicked({ state: "reading", file });
    const preview = await previewOf(file);
    if (latest.current !== file) return;
    setPicked(preview);
    if (
      preview.state === "preview" &&
      preview.sample.refusal === null &&
      !preview.sample.schema.needsMapping &&
      preview.mapping !== null
    ) {
      void simulator().loadData({
        type: "file",
        file,
        mapping: preview.mapping,
        schemaTitle: preview.sample.schema.known?.title ?? null,
      });
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file !== undefined) void pick(file);
  };

  const preview = picked?.state === "preview" ? picked : null;
  const fieldNames = preview?.sample.schema.fields.map((f) => f.name) ?? [];
  const problem =
    preview?.mapping == null ? "no field to key by" : mappingProblem(preview.mapping, fieldNames);

  return (
    <section className="sim-data-section" aria-label="Load a file">
      <h4>Your data</h4>
      <div
        className={`sim-drop${over ? " sim-drop-over" : ""}`}
        data-testid="sim.drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => {
          setOver(false);
        }}
        onDrop={onDrop}
      >
        <span>Drop a CSV, JSON or JSON Lines file here, or</span>
        <label className="sim-file-pick">
          <input
            type="file"
            accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
            data-testid="sim.file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void pick(file);
              e.target.value = "";
            }}
          />
          choose a file
        </label>
      </div>
      {picked?.state === "reading" && <p className="sim-muted">Reading {picked.file.name}…</p>}
      {picked?.state === "failed" && (
        <p className="sim-error-text" role="alert">
          {picked.file.name} cannot be read: {picked.message}
        </p>
      )}
      {preview !== null && (
        <>
          <SamplePreview name={preview.file.name} sample={preview.sample} />
          {preview.sample.refusal === null &&
            preview.sample.schema.needsMapping &&
            preview.mapping !== null && (
              <div className="sim-mapping-row">
                <FieldMappingForm
                  fields={preview.sample.schema.fields}
                  mapping={preview.mapping}
                  onChange={(mapping) => {
                    setPicked({ ...preview, mapping });
                  }}
                />
                <button
                  type="button"
                  className="sim-primary"
                  data-testid="sim.loadFile"
                  disabled={problem !== null}
                  onClick={() => {
                    if (preview.mapping === null) return;
                    void simulator().loadData({
                      type: "file",
                      file: preview.file,
                      mapping: preview.mapping,
                      schemaTitle: null,
                    });
                  }}
                >
                  Load with this mapping
                </button>
                {problem !== null && <span className="sim-error-text">{problem}</span>}
              </div>
            )}
        </>
      )}
    </section>
  );
}
