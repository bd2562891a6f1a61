/**
 * Checkpoints of a run and time travel over them: a snapshot every `interval` input records (no
 * more than a set share of the time, given a clock) and on demand, kept within a memory budget, and `seek(position)` — restore the nearest checkpoint
 * at or before the position and replay the input from there, deterministically, to exactly that
 * position (backward or forward). Flink restores a job from its latest completed checkpoint and
 * replays the source from the checkpointed offsets; here any kept checkpoint can be the start.
 *
 * Generic over what a checkpoint holds (`S`: a `StreamJobSnapshot`, usually with the caller's
 * source state beside it, such as its watermark generator) and over the running thing (`J`); the
 * caller supplies `restore` and `replay`. Snapshots are stored as given and copied
 * (`structuredClone`) before each restore, so one checkpoint can be restored many times.
 *
 * Bounding: when the budget is exceeded, checkpoints are thinned out from the oldest end — of
 * two neighbours the older goes, except the very first — so recent positions stay dense and old
 * ones sparse, and seeking far back costs a longer replay rather than failing.
 */

/** One kept checkpoint. */
export interface Checkpoint<S> {
  /** Input records consumed when it was taken. */
  readonly position: number;
  readonly state: S;
  /** Its estimated size in bytes (what the budget counts). */
  readonly bytes: number;
}

export interface CheckpointStoreOptions<S> {
  /** Take a checkpoint every this many input records (0: only on demand). */
  readonly interval: number;
  /** Keep checkpoints up to about this many bytes in total; default 64 MiB. */
  readonly budgetBytes?: number;
  /** The size of a snapshot in bytes; default: a rough walk of its plain data. */
  readonly sizeOf?: (state: S) => number;
  /**
   * A clock in ms. With it, periodic checkpoints take at most {@link CHECKPOINT_TIME_SHARE} of
   * the time: one due while less than 3 times the previous one's cost has passed since it ended is
   * skipped (a big state's copy took longer than the run between checkpoints). Seeks then replay
   * further; outputs do not change. Without a clock every due checkpoint is taken.
   */
  readonly clock?: () => number;
}

/** Most share of the run's time periodic checkpoints may take when the store has a clock. */
export const CHECKPOINT_TIME_SHARE = 0.25;

/** How to go back to a checkpoint and forward from it. */
export interface SeekHandlers<S, J> {
  /** A fresh runner continuing from `state` (a copy the runner may keep). */
  restore(state: S): J;
  /** Feeds input records `from` … `to − 1` to `runner`. */
  replay(runner: J, from: number, to: number): void;
}

/** Checkpoints by position; see the module comment. */
export class CheckpointStore<S> {
  private readonly kept: Array<Checkpoint<S>> = [];
  private readonly interval: number;
  private readonly budget: number;
  private readonly sizeOf: (state: S) => number;
  private readonly clock: (() => number) | undefined;
  private total = 0;
  /** When the last periodic checkpoint ended, and what it cost (clock ms). */
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastCost = 0;

  constructor(options: CheckpointStoreOptions<S>) {
    if (!(options.interval >= 0) || !Number.isInteger(options.interval)) {
      throw new RangeError(`checkpoint interval must be a whole number ≥ 0, got ${options.interval}`);
    }
    this.interval = options.interval;
    this.budget = options.budgetBytes ?? 64 * 1024 * 1024;
    this.sizeOf = options.sizeOf ?? estimateBytes;
    this.clock = options.clock;
  }

  /** The kept checkpoints, oldest first. */
  get checkpoints(): ReadonlyArray<Checkpoint<S>> {
    return this.kept;
  }

  /** Their total estimated size in bytes. */
  get bytes(): number {
    return this.total;
  }

  /** Whether a periodic checkpoint is due at `position` (and not taken yet). */
  isDue(position: number): boolean {
    return this.interval > 0 && position % this.interval === 0 && !this.has(position);
  }

  /**
   * Takes a checkpoint with `take()` if one is due at `position` (and, with a clock, its time
   * share allows it); true when it did.
   */
  maybeCheckpoint(position: number, take: () => S): boolean {
    if (!this.isDue(position)) return false;
    const clock = this.clock;
    if (clock === undefined) {
      this.add(position, take());
      return true;
    }
    const start = clock();
    const pace = (1 - CHECKPOINT_TIME_SHARE) / CHECKPOINT_TIME_SHARE;
    if (start - this.lastEnd < this.lastCost * pace) return false;
    this.add(position, take());
    this.lastEnd = clock();
    this.lastCost = this.lastEnd - start;
    return true;
  }

  /** Keeps `state` as the checkpoint at `position` (on demand; replaces one at the same position). */
  add(position: number, state: S): Checkpoint<S> {
    const checkpoint: Checkpoint<S> = { position, state, bytes: this.sizeOf(state) };
    let i = this.kept.length;
    while (i > 0 && (this.kept[i - 1] as Checkpoint<S>).position > position) i--;
    const previous = this.kept[i - 1];
    if (previous?.position === position) {
      this.total -= previous.bytes;
      this.kept[i - 1] = checkpoint;
    } else {
      this.kept.splice(i, 0, checkpoint);
    }
    this.total += checkpoint.bytes;
    this.thin();
    return checkpoint;
  }

  /** The latest checkpoint at or before `position`, if any. */
  nearest(position: number): Checkpoint<S> | undefined {
    let found: Checkpoint<S> | undefined;
    for (const checkpoint of this.kept) {
      if (checkpoint.position > position) break;
      found = checkpoint;
    }
    return found;
  }

  /** Drops the checkpoints after `position` (the input changed from there on). */
  truncateAfter(position: number): void {
    while (this.kept.length > 0 && (this.kept[this.kept.length - 1] as Checkpoint<S>).position > position) {
      this.total -= (this.kept.pop() as Checkpoint<S>).bytes;
    }
  }

  /**
   * A runner at exactly `position`: restored from the nearest checkpoint at or before it and
   * replayed from there. @throws RangeError when no checkpoint is that early (keep one at 0).
   */
  seek<J>(position: number, handlers: SeekHandlers<S, J>): J {
    const checkpoint = this.nearest(position);
    if (checkpoint === undefined) {
      throw new RangeError(`no checkpoint at or before position ${position}; take one at position 0 first`);
    }
    const runner = handlers.restore(structuredClone(checkpoint.state));
    if (position > checkpoint.position) handlers.replay(runner, checkpoint.position, position);
    return runner;
  }

  private has(position: number): boolean {
    return this.kept.some((checkpoint) => checkpoint.position === position);
  }

  /** Over budget: drop every other checkpoint from the oldest end (never the first or last). */
  private thin(): void {
    let i = 1;
    while (this.total > this.budget && this.kept.length > 2) {
      if (i >= this.kept.length - 1) i = 1;
      this.total -= (this.kept.splice(i, 1)[0] as Checkpoint<S>).bytes;
      i++;
    }
  }
}

/** A rough size of plain data in bytes (8 per number, 2 per character, 16 per object or entry). */
export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "object" && item !== null) {
      if (seen.has(item)) continue;
      seen.add(item);
      pushChildren(item, stack);
    }
    bytes += ownBytes(item);
  }
  return bytes;
}

/**
 * What {@link estimateBytes} counts for one value itself, not what it holds: 2 per character
 * and 8 for a string, 8 for a number, boolean or bigint, 16 for an object, 0 for anything else.
 */
export function ownBytes(value: unknown): number {
  if (typeof value === "string") return 2 * value.length + 8;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return 8;
  return typeof value === "object" && value !== null ? 16 : 0;
}

/** Pushes what plain-data `value` holds (a Map's keys and values, a Set's items, an object's values) onto `into`. */
export function pushChildren(value: object, into: unknown[]): void {
  if (value instanceof Map) for (const [k, v] of value) into.push(k, v);
  else if (value instanceof Set) for (const item of value) into.push(item);
  else for (const item of Object.values(value)) into.push(item);
}
