/**
 * The keyed CEP operator (Flink's `CepOperator`) and its watermark generator: what turns a
 * stream of keyed, timestamped events into matches, timeouts and late records.
 */
export { CepOperator, CepOperatorError } from "./cepOperator.ts";
export type {
  CepOperatorOptions,
  EventComparator,
  OperatorKey,
  OperatorOutput,
  OperatorRule,
  StateExpiredRecord,
} from "./cepOperator.ts";
export type { CepOperatorSnapshot, KeySnapshot } from "./operatorSnapshot.ts";
export { BoundedOutOfOrdernessWatermarks } from "./boundedOutOfOrderness.ts";
export type { WatermarkGenerator } from "./boundedOutOfOrderness.ts";
export { timerDelaysOf } from "./timerDelays.ts";
