/**
 * Checkpoints and time travel over a run: periodic and on-demand snapshots within a memory
 * budget, and seeking to any input position by restore + deterministic replay.
 */
export { CheckpointStore, estimateBytes, ownBytes, pushChildren } from "./checkpointStore.ts";
export type { Checkpoint, CheckpointStoreOptions, SeekHandlers } from "./checkpointStore.ts";
