/** Event-time strategies and per-partition watermark generation (Flink's `WatermarkStrategy`). */
export { SourceWatermarks, WatermarkStrategy } from "./watermarkStrategy.ts";
export type { SourceWatermarksOptions, SourceWatermarksTarget } from "./watermarkStrategy.ts";
export { IdlenessTimer, WatermarksWithIdleness, emittingGenerator } from "./watermarksWithIdleness.ts";
export type { WatermarkGenerator, WatermarkOutput } from "./watermarksWithIdleness.ts";
