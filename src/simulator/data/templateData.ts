/**
 * The demo data a template names (`Template.dataHint`) as something the simulator can load: a
 * seed scenario's bundled clickstream, or the seeded generator with the hint's schema, seed,
 * users and events (every other knob at its default, so the same hint always gives the same
 * stream). Pure.
 */
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import type { TemplateDataHint } from "../../templates/template.ts";
import type { DataSpec } from "../controller/dataSpec.ts";
import { DEFAULT_GENERATOR_SETTINGS } from "./generatorSettings.ts";

/** The data spec of a template's hint; null when it names a seed scenario the app does not bundle. */
export function dataSpecOfTemplate(hint: TemplateDataHint): DataSpec | null {
  switch (hint.kind) {
    case "seedCsv": {
      const scenario = seedScenarios.find((s) => s.id === hint.scenario);
      return scenario === undefined ? null : { type: "scenario", scenario };
    }
    case "generator":
      return {
        type: "generator",
        settings: {
          ...DEFAULT_GENERATOR_SETTINGS,
          schema: hint.schema,
          seed: hint.seed,
          users: hint.users,
          events: hint.events,
        },
      };
  }
}
