/** Event-time strategies and per-partition watermark generation (Flink's `WatermarkStrategy`). */
export { SourceWatermarks, WatermarkStrategy } from "./watermarkStrategy.ts";
export type {
  SourceWatermarksOptions,
  SourceWatermarksSnapshot,
  SourceWatermarksTarget,
} from "./watermarkStrategy.ts";
export { BoundedGenerator, IdlenessTimer, WatermarksWithIdleness } from "./watermarksWithIdleness.ts";
export type {
  GeneratorState,
  IdlenessState,
  WatermarkGenerator,
  WatermarkOutput,
} from "./watermarksWithIdleness.ts";
