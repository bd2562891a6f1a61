/**
 * Loads Monaco on first use. The editor, its workers and its languages are one lazily loaded
 * chunk of our own bundle (never a CDN: the app works offline), so the first paint does not
 * wait for them; every editor component awaits {@link loadMonaco}.
 */

/** The Monaco API namespace (`monaco.editor`, `monaco.languages`, …). */
export type MonacoApi = typeof import("monaco-editor/editor/editor.api.js");

/** A JSON schema as plain data (the JSON worker reads it; nothing is fetched). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Monaco set up for CEP Studio. */
export interface MonacoRuntime {
  readonly monaco: MonacoApi;
  /**
   * Validates the JSON model at `modelUri` against `schema` (schema problems are warnings;
   * null forgets it). Schemas are kept per model, so editors with different schemas coexist.
   */
  setJsonSchema(modelUri: string, schema: JsonSchema | null): void;
}

let loading: Promise<MonacoRuntime> | null = null;

/**
 * Monaco, set up once: workers, theme and the condition language. A failed load (a chunk that
 * could not be fetched) is not cached, so the next editor that mounts tries again.
 */
export function loadMonaco(): Promise<MonacoRuntime> {
  loading ??= import("./monacoRuntime.ts").then(
    (runtime) => runtime.startMonaco(),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
