/**
 * Strict JSON reading for every input CEP Studio takes: rule and binding files (positions,
 * size and nesting limits, big integers as `bigint`, paths mapped back to `line:column`) and
 * event records (big integers as digit strings, through `JSON.parse` when that is exact).
 * Pure: no DOM, no Node APIs.
 */
export type { BigIntegerMode } from "./jsonParser.ts";
export {
  duplicateKeyMessage,
  locateJsonPaths,
  MAX_JSON_DEPTH,
  MAX_JSON_TEXT_LENGTH,
  parseJsonText,
} from "./jsonText.ts";
export type {
  JsonSyntaxProblem,
  JsonTextOptions,
  JsonTextPosition,
  JsonTextResult,
  JsonTextWarning,
} from "./jsonText.ts";
export { parseJsonData } from "./jsonData.ts";
export type { JsonData, JsonDataOptions, JsonDataResult } from "./jsonData.ts";
export { indexPath, memberPath, parentPath } from "./jsonPath.ts";
