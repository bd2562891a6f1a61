/**
 * Random cases for the cross-surface properties (`crossSurface.test.ts`): one rule set, one
 * event file, one broadcast stream and one set of run settings, which the test hands to both
 * `cep-studio run` and a `RunSession`. Rules are the seed scenarios' (given by the caller, who
 * reads them from disk), linear patterns of the engine's own properties and a rule reading the
 * broadcast config; the events are `crossSurfaceEvents.ts`'; the broadcast stream updates,
 * removes and adds rules and sets global and keyed configs mid-run.
 */
import fc from "fast-check";
import { exportRule } from "../../../formats/dynamicCep/index.ts";
import type { AfterMatchSkipStrategy } from "../../../model/pattern.ts";
import { PatternBuilder } from "../../../model/patternBuilder.ts";
import {
  buildLinearPattern,
  linearPatternArb,
  skipArb,
  type LinearPattern,
} from "../../../engine/properties/linearPattern.ts";
import type { JavaKeyType } from "../../javaHashCode.ts";
import { eventsArb, oneIn, START, type CaseEvents } from "./crossSurfaceEvents.ts";

/**
 * How the run is timed: event time with bounded out-of-orderness or with `{"$watermark": MS}`
 * records only, processing time from the time field, or the event position.
 */
export type TimeMode = "event" | "explicit" | "clock" | "position";

/** The run settings, as one value both surfaces are configured from. */
export interface CaseSettings {
  readonly time: TimeMode;
  /** Bounded out-of-orderness in ms (event time). */
  readonly delay: number;
  /** Source partitions (event time); `partitionField`: read an event's from its `partition` field. */
  readonly partitions: number;
  readonly partitionField: boolean;
  readonly intervalMs: number | null;
  readonly idleTimeoutMs: number | null;
  readonly finalWatermark: boolean;
  readonly parallelism: number;
  /** Whether the CLI is given `--parallelism` (always when it is above 1). */
  readonly parallelismFlag: boolean;
  readonly maxParallelism: number | null;
  readonly keyType: JavaKeyType;
  /** The per-key partial-match cap (`--max-partial-matches`, `maxPartialMatches`); null: the default. */
  readonly cap: number | null;
}

/**
 * Where a rule comes from: seed scenario `n`, a generated linear pattern, or a rule whose
 * condition reads the broadcast config (`price > config.threshold` followed by a purchase).
 */
type RuleSource =
  | { readonly kind: "seed"; readonly n: number }
  | { readonly kind: "config" }
  | { readonly kind: "linear"; readonly pattern: LinearPattern; readonly skip: AfterMatchSkipStrategy };

/** How the session is driven before it plays to the end (the CLI just runs). */
export type DriveStep =
  | { readonly op: "push" }
  | { readonly op: "tick"; readonly maxEvents: number }
  | { readonly op: "step" }
  | { readonly op: "stepToWatermark" }
  | { readonly op: "seek"; readonly fraction: number }
  | { readonly op: "apply" }
  | { readonly op: "configure" }
  | { readonly op: "loadBroadcast" };

export interface SessionDrive {
  /** The input text arrives in chunks of this many characters. */
  readonly chunkChars: number;
  /** Records a session keeps per list (older ones come back by replay). */
  readonly keep: number;
  readonly checkpointInterval: number;
  readonly steps: readonly DriveStep[];
}

/** One case: what both surfaces run. */
export interface CrossCase {
  readonly settings: CaseSettings;
  /** The `--pattern` file's JSON: an array of rules. */
  readonly rules: readonly unknown[];
  readonly events: CaseEvents;
  /** The `--broadcast` file's records, in `at` order (empty: no broadcast stream). */
  readonly broadcast: readonly unknown[];
  readonly drive: SessionDrive;
}

const settingsArb: fc.Arbitrary<CaseSettings> = fc
  .record({
    time: fc.constantFrom<TimeMode>("event", "event", "event", "event", "explicit", "clock", "position"),
    delay: fc.integer({ min: 0, max: 5000 }),
    partitions: fc.integer({ min: 1, max: 3 }),
    partitionField: fc.boolean(),
    intervalMs: fc.option(fc.constantFrom(200, 1000, 5000), { nil: null, freq: 3 }),
    idleTimeoutMs: fc.option(fc.constantFrom(1000, 10_000, 30_000), { nil: null, freq: 3 }),
    finalWatermark: oneIn(4).map((no) => !no),
    parallelism: fc.integer({ min: 1, max: 3 }),
    parallelismFlag: fc.boolean(),
    maxParallelism: fc.option(fc.constantFrom(3, 8, 128), { nil: null }),
    keyType: fc.constantFrom<JavaKeyType>("String", "Long"),
    cap: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 3 }),
  })
  .map((s) => ({ ...s, parallelismFlag: s.parallelismFlag || s.parallelism > 1 }));

const ruleSourceArb = (seeds: number): fc.Arbitrary<RuleSource> =>
  fc.oneof(
    fc.integer({ min: 1, max: seeds }).map((n): RuleSource => ({ kind: "seed", n })),
    fc.constant<RuleSource>({ kind: "config" }),
    linearPatternArb().chain((pattern) =>
      skipArb(pattern.stages.length).map((skip): RuleSource => ({ kind: "linear", pattern, skip })),
    ),
  );

/** A broadcast record as drawn: what it does, to which rule id or config key, and where in the input. */
const updateArb = (seeds: number) =>
  fc.record({
    action: fc.constantFrom("rule", "rule", "remove", "config"),
    id: fc.constantFrom("1", "2", "3"),
    stale: oneIn(6),
    source: ruleSourceArb(seeds),
    threshold: fc.constantFrom(100, 200, 800),
    configKey: fc.constantFrom(
      null,
      { keyBy: "eventType", value: "cart" },
      { keyBy: "userId", value: "512000001" },
      { keyBy: "userId", value: 512_000_002 },
    ),
    atEvent: fc.nat(),
    shift: fc.integer({ min: -1, max: 1 }),
    iso: fc.boolean(),
  });

const stepArb: fc.Arbitrary<DriveStep> = fc.oneof(
  fc.constant<DriveStep>({ op: "push" }),
  fc.integer({ min: 1, max: 8 }).map((maxEvents): DriveStep => ({ op: "tick", maxEvents })),
  fc.constant<DriveStep>({ op: "step" }),
  fc.constant<DriveStep>({ op: "stepToWatermark" }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction): DriveStep => ({ op: "seek", fraction })),
  fc.constantFrom<DriveStep>({ op: "apply" }, { op: "configure" }, { op: "loadBroadcast" }),
);

/** How the session is driven: chunk size, records kept, checkpoint interval and steps. */
export const driveArb: fc.Arbitrary<SessionDrive> = fc.record({
  chunkChars: fc.oneof(fc.integer({ min: 7, max: 300 }), fc.constant(1 << 16)),
  keep: fc.constantFrom(1, 3, 1000),
  checkpointInterval: fc.constantFrom(2, 5, 100_000),
  steps: fc.array(stepArb, { maxLength: 8 }),
});

/**
 * Cases over the seed rules `seedRules` (rule JSON, scenario n at index n − 1, read with the
 * seed's `bindings.json`).
 */
export function crossCaseArb(seedRules: readonly unknown[]): fc.Arbitrary<CrossCase> {
  return fc
    .record({
      settings: settingsArb,
      initial: fc.array(ruleSourceArb(seedRules.length), { minLength: 1, maxLength: 2 }),
      // Initial rules may share an id, with different versions or even the same one (all run; an
      // update retires them all).
      sameId: oneIn(4),
      sameVersion: oneIn(2),
      events: eventsArb,
      updates: fc.array(updateArb(seedRules.length), { maxLength: 3 }),
      drive: driveArb,
    })
    .map(({ settings, initial, sameId, sameVersion, events, updates, drive }): CrossCase => {
      const ruleJson = (source: RuleSource, id: string, version: number): unknown => {
        if (source.kind === "seed") return { ...(seedRules[source.n - 1] as object), id, version };
        if (source.kind === "config") return configRuleJson(id, version, settings.time);
        return linearRuleJson(source, id, version, settings.time);
      };
      const versions = new Map<string, number>();
      const rules = initial.map((source, i) => {
        const [id, version] = sameId ? ["1", sameVersion ? 1 : i + 1] : [String(i + 1), 1];
        versions.set(id, version);
        return ruleJson(source, id, version);
      });
      const { rows } = events.drawn;
      const atOf = (index: number, shift: number, iso: boolean): number | string => {
        if (settings.time === "position") return Math.max(0, (index % (rows.length + 1)) + shift);
        const time = (rows[index % rows.length]?.time ?? START) + shift;
        return iso ? new Date(time).toISOString() : time;
      };
      const timed = updates
        .map((u) => ({ u, at: atOf(u.atEvent, u.shift, u.iso) }))
        .sort((a, b) => millis(a.at) - millis(b.at));
      const broadcast = timed.map(({ u, at }) => {
        if (u.action === "remove") return { at, remove: u.id };
        if (u.action === "config") return { at, config: { threshold: u.threshold }, ...u.configKey };
        const current = versions.get(u.id) ?? 0;
        const version = u.stale && current > 0 ? current : current + 1;
        versions.set(u.id, Math.max(current, version));
        return { at, rule: ruleJson(u.source, u.id, version) };
      });
      return { settings, rules, events: events.file, broadcast, drive };
    });
}

function millis(at: number | string): number {
  return typeof at === "number" ? at : Date.parse(at);
}

/**
 * A linear pattern's rule JSON. Its `within` (1–10 in the engine's properties) is read in
 * seconds × 5 of event time, about the data's spacing; with positions as the clock, in events.
 */
function linearRuleJson(
  source: Extract<RuleSource, { kind: "linear" }>,
  id: string,
  version: number,
  time: TimeMode,
): unknown {
  const scale = time === "position" ? 1 : 5000;
  const { window } = source.pattern;
  const pattern = buildLinearPattern(
    { ...source.pattern, window: window === null ? null : window * scale },
    source.skip,
  );
  return exportRule({ id, version, pattern, function: null });
}

/** A rule reading the broadcast config: a view or cart above `config.threshold`, then a purchase. */
function configRuleJson(id: string, version: number, time: TimeMode): unknown {
  const pattern = PatternBuilder.begin("big")
    .where("price > config.threshold")
    .followedBy("buy")
    .where("eventType == 'purchase'")
    .within(time === "position" ? 8 : 600_000)
    .build();
  return exportRule({ id, version, pattern, function: null });
}
