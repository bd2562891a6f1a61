/**
 * The config part of a CEP job's broadcast state: one global config and configs keyed by an
 * event field (seed 000's per-channel `Config`, generalised): a record
 * `{"at":T,"config":{…},"keyBy":"channel","value":"APP"}` holds the config for events whose
 * `channel` is `APP`. A condition's `config.x` reads the keyed config matching the event (the
 * first `keyBy` field, in the order fields were first broadcast, whose value has one), else the
 * global config — a whole config, not merged, as a Flink function doing
 * `configs.get(channel) ?? globalConfig` would.
 *
 * An element is matched to a config when it reaches the job (`arrive`), so a config broadcast
 * later applies from the next element on, whatever the watermark delay (see `ruleVersionNfa.ts`).
 */
import type { EventRecord } from "../../engine/index.ts";
import type { BroadcastConfig, ConfigKey } from "./jobTypes.ts";

/** Keyed configs as plain data: per field, per value, the config. */
export type KeyedConfigsData = ReadonlyArray<
  readonly [string, ReadonlyArray<readonly [string, BroadcastConfig]>]
>;

/** A keyed config as shown per subtask. */
export interface KeyedConfigView {
  readonly keyBy: string;
  readonly value: string;
  readonly config: BroadcastConfig;
}

/** The text an event field is matched on (null: no value a config can be keyed by). */
export function keyedValueOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return null;
}

/** See the module comment. */
export class BroadcastConfigs {
  private global: BroadcastConfig | undefined = undefined;
  private readonly keyed = new Map<string, Map<string, BroadcastConfig>>();
  /** The config each element arrived under (only for elements that had one). */
  private readonly arrival = new WeakMap<EventRecord, BroadcastConfig>();

  /** The global config (undefined before one was broadcast). */
  get globalConfig(): BroadcastConfig | undefined {
    return this.global;
  }

  /** Replaces the global config, or the one for `key`. */
  set(config: BroadcastConfig, key?: ConfigKey): void {
    if (key === undefined) {
      this.global = config;
      return;
    }
    let byValue = this.keyed.get(key.field);
    if (byValue === undefined) {
      byValue = new Map();
      this.keyed.set(key.field, byValue);
    }
    byValue.set(key.value, config);
  }

  /** The config `event` reads now: its keyed config, else the global one. */
  configFor(event: EventRecord): BroadcastConfig | undefined {
    for (const [field, byValue] of this.keyed) {
      const value = keyedValueOf(event[field]);
      const config = value === null ? undefined : byValue.get(value);
      if (config !== undefined) return config;
    }
    return this.global;
  }

  /** Notes the config `event` arrives under. */
  arrive(event: EventRecord): void {
    const config = this.configFor(event);
    if (config !== undefined) this.arrival.set(event, config);
  }

  /** The config `event` arrived under (undefined: none was in force). */
  arrivedUnder(event: EventRecord): BroadcastConfig | undefined {
    return this.arrival.get(event);
  }

  /** Restores an element's arrival config (from a snapshot). */
  restoreArrival(event: EventRecord, config: BroadcastConfig): void {
    this.arrival.set(event, config);
  }

  /** The keyed configs, in broadcast order. */
  keyedData(): KeyedConfigsData {
    return [...this.keyed].map(([field, byValue]) => [field, [...byValue]] as const);
  }

  /** The keyed configs as a flat list. */
  keyedViews(): KeyedConfigView[] {
    return [...this.keyed].flatMap(([keyBy, byValue]) =>
      [...byValue].map(([value, config]) => ({ keyBy, value, config })),
    );
  }

  /** Continues from a snapshot's configs. */
  restore(global: BroadcastConfig | null, keyed: KeyedConfigsData): void {
    this.global = global ?? undefined;
    this.keyed.clear();
    for (const [field, values] of keyed) this.keyed.set(field, new Map(values));
  }
}

/**
 * The `keyBy` / `value` fields of a config record: both absent (a global config), or a field
 * name and the value (text, number or boolean) whose events the config is for.
 */
export function readConfigKey(
  record: Readonly<Record<string, unknown>>,
):
  | { readonly ok: true; readonly key: ConfigKey | undefined }
  | { readonly ok: false; readonly message: string } {
  const { keyBy, value } = record;
  if (keyBy === undefined && value === undefined) return { ok: true, key: undefined };
  if (typeof keyBy !== "string" || keyBy === "")
    return { ok: false, message: `"keyBy" must name an event field (with "value")` };
  const text = keyedValueOf(value);
  if (text === null)
    return { ok: false, message: `"value" must be the text, number or boolean the field "${keyBy}" has` };
  return { ok: true, key: { field: keyBy, value: text } };
}
