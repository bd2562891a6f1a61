/**
 * A test driver for one subtask of a keyed-broadcast processor — the role Flink's
 * `KeyedTwoInputStreamOperatorTestHarness` plays for `CoBroadcastWithKeyedOperator` in Flink's own
 * tests. Tests feed an interleaved list of keyed elements and broadcast records, in arrival order,
 * and read back the output and the state. Every element goes to this one subtask (no key-group
 * routing), keyed by a field of the element.
 */
import { CoBroadcastWithKeyedOperator } from "../coBroadcastWithKeyedOperator.ts";
import type { KeyedBroadcastProcessFunction } from "../keyedBroadcastProcessFunction.ts";
import type { BroadcastStateData, KeyedStateData } from "../state.ts";

/** One input of the interleaved stream: a keyed element or a broadcast record. */
export type HarnessInput<IN1, IN2> =
  | { readonly type: "element"; readonly value: IN1; readonly timestamp: number | null }
  | { readonly type: "broadcast"; readonly value: IN2; readonly timestamp: number | null };

/** A keyed-side element, optionally with a timestamp. */
export function element<IN1>(value: IN1, timestamp: number | null = null): HarnessInput<IN1, never> {
  return { type: "element", value, timestamp };
}

/** A broadcast-side record, optionally with a timestamp. */
export function broadcast<IN2>(value: IN2, timestamp: number | null = null): HarnessInput<never, IN2> {
  return { type: "broadcast", value, timestamp };
}

/** Drives one subtask of `fn`, keying elements by `keyField` (ids stay text). */
export class ProcessorHarness<IN1 extends object, IN2, OUT> {
  private readonly operator: CoBroadcastWithKeyedOperator<IN1, IN2, OUT>;
  private readonly collected: OUT[] = [];

  constructor(
    fn: KeyedBroadcastProcessFunction<IN1, IN2, OUT>,
    private readonly keyField: keyof IN1 & string,
  ) {
    this.operator = new CoBroadcastWithKeyedOperator(fn);
  }

  /** Everything the subtask has emitted so far, in order. */
  get output(): readonly OUT[] {
    return this.collected;
  }

  /** Processes `inputs` in order; returns what they emitted. */
  feed(inputs: ReadonlyArray<HarnessInput<IN1, IN2>>): OUT[] {
    const out: OUT[] = [];
    for (const input of inputs) {
      if (input.type === "element") out.push(...this.processElement(input.value, input.timestamp));
      else out.push(...this.processBroadcastElement(input.value, input.timestamp));
    }
    return out;
  }

  /** Processes one keyed element; returns what it emitted. */
  processElement(value: IN1, timestamp: number | null = null): OUT[] {
    const out = this.operator.processElement(value, this.keyOf(value), timestamp);
    this.collected.push(...out);
    return out;
  }

  /** Processes one broadcast record; returns what it emitted. */
  processBroadcastElement(value: IN2, timestamp: number | null = null): OUT[] {
    const out = this.operator.processBroadcastElement(value, timestamp);
    this.collected.push(...out);
    return out;
  }

  /** The keys holding state, in first-seen order. */
  keys(): string[] {
    return this.operator.keys();
  }

  /** The state of `key`, or undefined when it holds none. */
  keyedState(key: string): Readonly<KeyedStateData> | undefined {
    return this.operator.keyedState(key);
  }

  /** The subtask's broadcast state. */
  broadcastState(): Readonly<BroadcastStateData> {
    return this.operator.broadcastState();
  }

  private keyOf(value: IN1): string {
    const key: unknown = value[this.keyField];
    if (typeof key === "string") return key;
    if (typeof key === "bigint" || (typeof key === "number" && Number.isSafeInteger(key))) return String(key);
    throw new Error(`Key field "${this.keyField}" must hold text or a safe integer, got ${typeof key}.`);
  }
}
