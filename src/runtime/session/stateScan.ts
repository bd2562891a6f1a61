/**
 * One pass over every key's live NFA state in a job: partial matches per rule and stage (the
 * designer's stage badges), their total, and an estimate of the state's size. The job keeps,
 * per rule version, the set of keys holding partial matches (`trackPartialMatches`), so the pass
 * visits only those — O(live runs), no events extracted.
 */
import { countPartialMatches, type KeyedNFAState } from "../../engine/index.ts";
import { estimateBytes } from "../checkpoint/index.ts";
import type { StreamJob } from "../job/index.ts";

/** States whose size is measured to estimate the average (per rule version). */
const SIZE_SAMPLE = 32;

/** How {@link StateScan.stateBytes} is estimated, for the metrics' readers. */
export const STATE_BYTES_METHOD =
  `keys holding partial matches × the average size of up to ${SIZE_SAMPLE} of them per rule version, ` +
  "measured as plain data (8 B per number, 2 B per character + 8, 16 B per object or entry; objects " +
  "shared within the sample counted once; matched events counted as the state's own, as Flink's state " +
  "backend stores them serialized). Elements buffered until the watermark and the JavaScript engine's own " +
  "overheads are not included.";

export interface StateScan {
  /** Partial matches waiting in each stage, by rule id then stage name (every running rule listed). */
  readonly stageCounts: Record<string, Record<string, number>>;
  readonly partialMatches: number;
  readonly keysWithState: number;
  readonly stateBytes: number;
}

/** Scans `job`'s running rule versions (the job must track partial matches). */
export function scanState(job: StreamJob): StateScan {
  // Built as maps: rule ids and stage names are user text (`__proto__`, `toString`), which plain
  // object reads and writes would take for Object.prototype's members.
  const byRule = new Map<string, Map<string, number>>();
  let partialMatches = 0;
  let keysWithState = 0;
  let stateBytes = 0;
  for (const version of job.activeVersions()) {
    const stages = new Map<string, number>();
    const sample: KeyedNFAState[] = [];
    const live = version.liveStates();
    for (const state of live) {
      version.countByStage(state, stages);
      partialMatches += countPartialMatches(state);
      if (sample.length < SIZE_SAMPLE) sample.push(state);
    }
    keysWithState += live.size;
    if (sample.length > 0) stateBytes += Math.round((estimateBytes(sample) / sample.length) * live.size);
    let counts = byRule.get(version.rule.id);
    if (counts === undefined) byRule.set(version.rule.id, (counts = new Map<string, number>()));
    for (const name of version.stageNames) if (!counts.has(name)) counts.set(name, 0);
    for (const [stage, count] of stages) counts.set(stage, (counts.get(stage) ?? 0) + count);
  }
  // Object.fromEntries defines own properties, `__proto__` included.
  const stageCounts = Object.fromEntries(
    [...byRule].map(([rule, counts]) => [rule, Object.fromEntries(counts)]),
  );
  return { stageCounts, partialMatches, keysWithState, stateBytes };
}
