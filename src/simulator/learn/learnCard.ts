/**
 * What a Learn card is: a short lesson (what to watch, what will happen, why) and the run it
 * sets up — a seed scenario, or a few rules over a tiny inline dataset. Every count a card's
 * text claims is in {@link LearnCard.expected}, and `learnCards.test.ts` runs the card through
 * the engine to check it, so the lesson can never drift from Flink's semantics.
 */
import type { Rule } from "../../model/pattern.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import type { RunSettings } from "../controller/runSettings.ts";

/** What one rule of a card gives when the data has run to its end. */
export interface ExpectedRuleOutputs {
  readonly matches: number;
  readonly timeouts: number;
}

/** The outputs a card's text claims, per rule id, and the late events. */
export interface ExpectedOutputs {
  readonly rules: Readonly<Record<string, ExpectedRuleOutputs>>;
  readonly late: number;
}

/** A run a card sets up. */
export type CardSetup =
  /** A seed scenario: its rule alone (enabled and active) over its clickstream. */
  | { readonly type: "scenario"; readonly scenarioId: string }
  /** The card's own rules (replacing the document's) over a tiny CSV. */
  | {
      readonly type: "inline";
      readonly rules: readonly Rule[];
      readonly csv: string;
      readonly fileName: string;
      readonly mapping: FieldMapping;
      /** Run settings the lesson needs (the rest stay as the user set them). */
      readonly settings: Partial<RunSettings>;
      /**
       * The run's broadcast stream: records as the Broadcast tab's schedule (and the CLI's
       * `--broadcast` file) holds them. Absent: the card runs without one.
       */
      readonly broadcast?: readonly Readonly<Record<string, unknown>>[];
    };

/** Something to try after the card's run, with what it gives (checked like the card's own claim). */
export interface CardExperiment {
  readonly text: string;
  readonly settings: Partial<RunSettings>;
  readonly expected: ExpectedOutputs;
}

export interface LearnCard {
  readonly id: string;
  readonly group: "scenario" | "concept";
  readonly title: string;
  /** One line under the title. */
  readonly summary: string;
  readonly watch: string;
  readonly happens: string;
  readonly why: string;
  readonly setup: CardSetup;
  /** What the run gives by the end of the data (rule ids as the loaded document has them). */
  readonly expected: ExpectedOutputs;
  /** A short name for each rule id of the card (shown beside its live counts). */
  readonly ruleLabels: Readonly<Record<string, string>>;
  readonly experiment?: CardExperiment;
}
