export type * from "./condition.ts";
export type * from "./pattern.ts";
export type * from "./duration.ts";
export { RICH_CONDITION_CLASS } from "./condition.ts";
export { TIME_UNITS, durationToMillis, millisToDuration } from "./duration.ts";
export {
  EDGE_CONTIGUITIES,
  INNER_CONTIGUITIES,
  QUANTIFIER_PROPERTIES,
  SKIP_STRATEGIES,
  WINDOW_TYPES,
} from "./pattern.ts";
export * from "./quantifier.ts";
export { PatternBuilder, AfterMatchSkip } from "./patternBuilder.ts";
export { validatePattern, hasPatternErrors } from "./validate.ts";
export type { PatternDiagnostic } from "./patternFindings.ts";
export { graphOf, stageChain } from "./stageChain.ts";
export type { ChainLink, StageChain } from "./stageChain.ts";
