/**
 * Broadcast stream records (rule updates, removals, configs, processor records): read and
 * checked the same way for the CLI's `--broadcast` file and a run session's `loadBroadcast`.
 */
export { BroadcastReader, formatRecordProblem } from "./broadcastReader.ts";
export type { BroadcastProblem, BroadcastReadContext, BroadcastReadResult } from "./broadcastReader.ts";
