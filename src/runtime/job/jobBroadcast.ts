/**
 * The broadcast side of a {@link StreamJob}: the broadcast stream's records in `at` order, and
 * the broadcast state they build — the active rule versions by id and the configs
 * (`broadcastConfigs.ts`) — identical in every subtask, since each record reaches all of them.
 *
 * - A record applies before the first element whose time is ≥ its `at` ({@link applyUpTo});
 *   records left at the end apply on {@link drain}.
 * - Rule versions: an update (same id, higher version) or a removal retires the old version in
 *   every subtask and reports its live partial matches as `rule-dropped`; the new version starts
 *   empty. An update with the same or a lower version, a removal of an id that is not active, or
 *   a record of the wrong kind for the job is rejected (`onRejected`) and changes nothing.
 */
import type { EventRecord } from "../../engine/index.ts";
import type { Rule } from "../../model/pattern.ts";
import { BroadcastConfigs } from "./broadcastConfigs.ts";
import type { CepSubtask } from "./cepSubtask.ts";
import type { BroadcastRecord, JobOutput, JobRule, StreamJobOptions } from "./jobTypes.ts";
import type { ProcessorSubtasks } from "./processorSubtasks.ts";
import { RuleVersionNfa } from "./ruleVersionNfa.ts";

/** What the broadcast side acts on. */
export interface BroadcastTargets {
  readonly cep: readonly CepSubtask[];
  /** The processor subtasks of a job running a processor; null for CEP rules. */
  readonly processors: ProcessorSubtasks | null;
  readonly output: (record: JobOutput) => void;
}

/** See the module comment. */
export class JobBroadcast {
  /** Index of the next record to apply. */
  next = 0;
  /** Active rule versions by id (several only when the initial rules repeat an id), in activation order. */
  readonly active = new Map<string, RuleVersionNfa[]>();
  readonly configs = new BroadcastConfigs();
  private readonly records: readonly BroadcastRecord[];
  private readonly hasConfigs: boolean;
  private readonly trackPartialMatches: boolean;

  constructor(
    private readonly options: StreamJobOptions,
    private readonly targets: BroadcastTargets,
  ) {
    this.records = options.broadcast ?? [];
    this.trackPartialMatches =
      options.trackPartialMatches === true ||
      this.records.some((r) => r.action.type === "rule" || r.action.type === "remove");
    this.hasConfigs = this.records.some((r) => r.action.type === "config");
  }

  /** Whether elements must note the config they arrive under (some record broadcasts one). */
  get notesConfigs(): boolean {
    return this.hasConfigs;
  }

  /** Activates the job's initial rules (one group per subtask, so their outputs interleave). */
  start(rules: readonly JobRule[]): void {
    const initial = rules.map((r) => this.ruleVersion(r.rule, r.nfa));
    for (const nfa of initial) this.active.set(nfa.rule.id, [...(this.active.get(nfa.rule.id) ?? []), nfa]);
    for (const subtask of this.targets.cep) subtask.addGroup(initial);
  }

  /** Notes the config an element arrives under (before it is processed). */
  arrive(event: EventRecord): void {
    if (this.hasConfigs) this.configs.arrive(event);
  }

  /** Applies the records whose `at` is ≤ `time` that were not applied yet. */
  applyUpTo(time: number): void {
    const { onRejected, onBroadcastApplied } = this.options;
    for (let record = this.records[this.next]; record !== undefined && record.at <= time;) {
      const index = this.next++;
      const rejected = this.apply(record);
      if (rejected !== null) onRejected?.(rejected, record);
      onBroadcastApplied?.({ index, record, time, rejected });
      record = this.records[this.next];
    }
  }

  /** A rule version of this job (reading the broadcast config when records carry one). */
  ruleVersion(rule: Rule, nfa: RuleVersionNfa["inner"]): RuleVersionNfa {
    const configOf = this.hasConfigs
      ? (event: EventRecord) => this.configs.arrivedUnder(event)
      : () => undefined;
    return new RuleVersionNfa(rule, nfa, configOf, this.trackPartialMatches);
  }

  /** Applies one record; why it was rejected, or null. */
  private apply(record: BroadcastRecord): string | null {
    const { action } = record;
    const { processors, cep } = this.targets;
    if ((action.type === "element") !== (processors !== null)) {
      const what = action.type === "element" ? "processor records" : `${action.type} records`;
      const runs = processors === null ? "CEP rules" : "a processor";
      return `${what} do not apply to a job running ${runs}; ignored`;
    }
    switch (action.type) {
      case "config":
        this.configs.set(action.config, action.key);
        return null;
      case "element":
        processors?.processBroadcastElement(action.value);
        return null;
      case "remove":
        if (!this.active.has(action.id)) return `remove '${action.id}' ignored: no active rule has this id`;
        this.retire(action.id);
        return null;
      case "rule": {
        const { rule, nfa } = action.rule;
        const versions = this.active.get(rule.id) ?? [];
        const newest = Math.max(...versions.map((v) => v.rule.version));
        if (versions.length > 0 && rule.version <= newest) {
          return `rule '${rule.id}' version ${rule.version} rejected: version ${newest} is active (an update needs a higher version)`;
        }
        this.retire(rule.id);
        const version = this.ruleVersion(rule, nfa);
        this.active.set(rule.id, [version]);
        for (const subtask of cep) subtask.addGroup([version]);
        return null;
      }
    }
  }

  /** Retires every active version of `id`, reporting each one's dropped partial matches. */
  private retire(id: string): void {
    const versions = this.active.get(id);
    if (versions === undefined) return;
    this.active.delete(id);
    for (const version of versions) {
      const partialMatches = version.retire();
      this.targets.output({ type: "rule-dropped", rule: id, version: version.rule.version, partialMatches });
    }
    for (const subtask of this.targets.cep) subtask.dropRetiredGroups();
  }
}
