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
} from "./cepOperator.ts";
export { BoundedOutOfOrdernessWatermarks } from "./boundedOutOfOrderness.ts";
export type { WatermarkGenerator } from "./boundedOutOfOrderness.ts";
export { timerDelaysOf } from "./timerDelays.ts";
