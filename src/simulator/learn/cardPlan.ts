/**
 * What loading a Learn card does, as data: the document it leaves (one undoable replace), the
 * data the run reads, and the run settings it needs. Pure, so the same plan feeds the app and
 * the unit tests that check each card's claims through the engine.
 */
import { findRule } from "../../document/documentQueries.ts";
import { importRules, nextRuleId, setActiveRule } from "../../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import { importRule } from "../../formats/dynamicCep/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { seedBindings, seedScenarios, type SeedScenario } from "../../scenarios/seedScenarios.ts";
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../controller/runSettings.ts";
import { enableOnlyRule, scenarioRuleKey } from "../data/scenarioRule.ts";
import type { LearnCard } from "./learnCard.ts";

/** The data a card's run reads. */
export type CardData =
  | { readonly type: "scenario"; readonly scenario: SeedScenario }
  | {
      readonly type: "inline";
      readonly csv: string;
      readonly fileName: string;
      readonly mapping: FieldMapping;
    };

export interface CardPlan {
  readonly doc: StudioDocument;
  readonly data: CardData;
  readonly settings: Partial<RunSettings>;
  /** The run's broadcast stream (records as the Broadcast tab's schedule holds them); [] for none. */
  readonly broadcast: readonly Readonly<Record<string, unknown>>[];
}

/**
 * What every card's counts assume whatever the user set before: the end of input flushes with a
 * +∞ watermark, keys hash as Strings (the cards' keys are text such as "u1"), and no partial
 * match is dropped by a cap the user lowered.
 */
const CARD_BASE_SETTINGS: Partial<RunSettings> = {
  finalWatermark: true,
  keyType: "String",
  maxPartialMatches: DEFAULT_RUN_SETTINGS.maxPartialMatches,
};

/** The plan for `card` on top of `doc`; null when the card's seed scenario is not bundled. */
export function cardPlan(card: LearnCard, doc: StudioDocument): CardPlan | null {
  const { setup } = card;
  if (setup.type === "inline") {
    return {
      doc: importRules(doc, setup.rules, "replace"),
      data: { type: "inline", csv: setup.csv, fileName: setup.fileName, mapping: setup.mapping },
      settings: { ...CARD_BASE_SETTINGS, ...setup.settings },
      broadcast: setup.broadcast ?? [],
    };
  }
  const scenario = seedScenarios.find((s) => s.id === setup.scenarioId);
  if (scenario === undefined) return null;
  const withRule = withScenarioRule(doc, scenario);
  if (withRule === null) return null;
  // The lesson's claims hold for the seed's own condition bindings.
  const bindings = { ...withRule.doc.bindings, ...seedBindings };
  return {
    doc: { ...setActiveRule(enableOnlyRule(withRule.doc, withRule.key), withRule.key), bindings },
    data: { type: "scenario", scenario },
    // The seed rows are in order: the scenario's outputs need no out-of-orderness.
    settings: {
      ...CARD_BASE_SETTINGS,
      timeMode: "event",
      outOfOrdernessMs: 0,
      watermarkIntervalMs: null,
      idleTimeoutMs: null,
    },
    broadcast: [],
  };
}

/** `doc` holding the scenario's rule (appended under a free id when it is not there), and its key. */
function withScenarioRule(
  doc: StudioDocument,
  scenario: SeedScenario,
): { doc: StudioDocument; key: string } | null {
  const existing = scenarioRuleKey(doc, scenario);
  if (existing !== null) return { doc, key: existing };
  const imported = importRule(scenario.ruleJson, scenario.id);
  if (!imported.ok) return null;
  const appended = importRules(doc, [{ ...imported.value, id: nextRuleId(doc) }], "append");
  const key = appended.activeRuleKey;
  return key === null || findRule(appended, key) === null ? null : { doc: appended, key };
}
