/**
 * Flink dynamic-CEP JSON (Ververica / Alibaba `GraphSpec`) import and export: untrusted JSON in,
 * the pattern model out with diagnostics carrying JSON paths; the model back out in the reference
 * writer's shape. Check the imported pattern with `validatePattern` (src/model/validate.ts).
 */
export type { Diagnostic, ImportResult, SourceLocation } from "./diagnostics.ts";
export { formatDiagnostic } from "./diagnostics.ts";
export type { JsonObjectValue, JsonValue } from "./exportGraph.ts";
export { exportCondition, exportEdge, exportGraphSpec } from "./exportGraph.ts";
export { exportRule, exportRuleSet, exportRuleText } from "./exportRule.ts";
export {
  BARE_GRAPH_RULE,
  importCondition,
  importEdge,
  importGraphSpec,
  importRule,
  importRuleSet,
} from "./importRule.ts";
export { loadBindings, parseBindingsText } from "./bindings.ts";
export { locateDiagnostics, parseJsonFile } from "./jsonFile.ts";
export type { JsonFileOptions } from "./jsonFile.ts";
export { parseRuleSetText } from "./ruleSetText.ts";
