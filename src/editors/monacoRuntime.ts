/**
 * Everything Monaco needs, imported in one module so it lands in one lazily loaded chunk (see
 * `monacoSetup.ts`): the editor API with its contributions, the JSON language (schema validation
 * in its own worker), SQL and Java colouring for the export preview, the theme and the condition
 * language. Workers are Vite `?worker` bundles of our own origin, which
 * the Content-Security-Policy's `worker-src 'self'` allows.
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
// The JSON mode, loaded now rather than on the first JSON model: it brings the editor's full set
// of contributions (find, suggest, hover, folding, format, …), and contributions that load after
// the first editor exists fail to find their services ("depends on UNKNOWN service").
import "monaco-editor/languages/features/json/jsonMode.js";
import { jsonDefaults } from "monaco-editor/languages/features/json/register.js";
import "monaco-editor/languages/definitions/sql/register.js";
import "monaco-editor/languages/definitions/java/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { registerConditionLanguage } from "./conditionLanguage.ts";
import { correctEmptyLineTokenEdits } from "./emptyLineTokens.ts";
import type { JsonSchema, MonacoRuntime } from "./monacoSetup.ts";
import { CEP_STUDIO_THEME, cepStudioTheme, readTokens } from "./monacoTheme.ts";

/**
 * Installs the worker factory, the theme, the condition language and the correction of Monaco's
 * token store (`emptyLineTokens.ts`).
 */
export function startMonaco(): MonacoRuntime {
  correctEmptyLineTokenEdits();
  self.MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) =>
      label === "json"
        ? new JsonWorker({ name: "monaco-json" })
        : new EditorWorker({ name: "monaco-editor" }),
  };
  monaco.editor.defineTheme(CEP_STUDIO_THEME, cepStudioTheme(readTokens(document.documentElement)));
  registerConditionLanguage(monaco);
  return { monaco, setJsonSchema };
}

const schemasByModel = new Map<string, JsonSchema>();

function setJsonSchema(modelUri: string, schema: JsonSchema | null): void {
  if (schema === null) schemasByModel.delete(modelUri);
  else schemasByModel.set(modelUri, schema);
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // Dynamic-CEP JSON is read by Jackson: no comments, no trailing commas.
    allowComments: false,
    comments: "error",
    trailingCommas: "error",
    // Never fetch a schema: the app runs offline and its CSP allows no such request.
    enableSchemaRequest: false,
    schemaValidation: "warning",
    schemas: [...schemasByModel].map(([uri, s]) => ({ uri: `${uri}#schema`, fileMatch: [uri], schema: s })),
  });
}
