/**
 * What a template is: a ready rule set (one or more dynamic-CEP rules plus the CLASS bindings they
 * need), a plain-words description, and the demo data it fits. Plain data, so the gallery, the
 * tests and the simulator read the same thing.
 */
import type { GeneratedSchema } from "../formats/generator/index.ts";
import type { ConditionBindings, Rule } from "../model/pattern.ts";

/** Seed scenario ids whose bundled clickstream (`src/scenarios/seed/*.events.csv`) fits a template. */
export type SeedScenarioId = "scenario1" | "scenario2" | "scenario3" | "scenario4" | "scenario5";

/**
 * Which demo data shows a template at work: a seed scenario's clickstream, or a generated stream
 * (seeded, so the same hint always gives the same events).
 */
export type TemplateDataHint =
  | { readonly kind: "seedCsv"; readonly scenario: SeedScenarioId }
  | {
      readonly kind: "generator";
      readonly schema: GeneratedSchema;
      readonly seed: number;
      readonly users: number;
      readonly events: number;
    };

/** Where a template comes from, for grouping in the gallery. */
export type TemplateGroup = "seed" | "seed001" | "shape";

/** One template of the gallery. */
export interface Template {
  /** Stable id (`seed-scenario2`, `shape-abandoned-cart`); also the gallery card's test id. */
  readonly id: string;
  readonly group: TemplateGroup;
  readonly title: string;
  /** One paragraph: what the pattern detects and what to watch when it runs. */
  readonly description: string;
  /** The rules, as the dynamic-CEP importer reads them (ids are replaced when added to a document). */
  readonly rules: readonly Rule[];
  /** CLASS condition bindings the rules need (empty for AVIATOR-only templates). */
  readonly bindings: ConditionBindings;
  readonly dataHint: TemplateDataHint;
}
