/**
 * A simulated Flink job: keyed, parallel (Flink's key-group assignment), event or processing
 * time, with a broadcast stream of rule updates, configs or processor records.
 */
export { StreamJob } from "./streamJob.ts";
export type { KeyedConfigView, KeyedConfigsData } from "./broadcastConfigs.ts";
export { StreamJobError } from "./cepSubtask.ts";
export { RuleVersionNfa } from "./ruleVersionNfa.ts";
export { WatermarkValve } from "./watermarkValve.ts";
export {
  BUILT_IN_PROCESSOR_NAMES,
  BUILT_IN_PROCESSORS,
  isBuiltInProcessorName,
} from "./builtInProcessors.ts";
export type { BuiltInProcessor, BuiltInProcessorName } from "./builtInProcessors.ts";
export type {
  OutputCounts,
  ProcessorSubtaskSnapshot,
  StreamJobRestoreOptions,
  StreamJobSnapshot,
} from "./jobSnapshot.ts";
export type { CepSubtaskSnapshot } from "./cepSubtask.ts";
export type {
  StateExpiredOutput,
  AppliedBroadcast,
  BroadcastAction,
  BroadcastConfig,
  BroadcastRecord,
  ConfigKey,
  JobLogic,
  JobOutput,
  JobRule,
  PartitionWatermark,
  ProcessorSpec,
  StreamJobOptions,
  SubtaskBroadcastView,
} from "./jobTypes.ts";
