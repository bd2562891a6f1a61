/**
 * Loading a Learn card into the app: the card's document replaces the current one (one
 * undoable change, so Undo brings the user's rules back), its run settings are applied, its
 * data is streamed to the worker and the run restarts with the card's rules — and with the
 * card's broadcast stream (a card without one clears a stream the run has, since the card's
 * claims hold without it).
 */
import { documentStore, replaceDocument } from "../../document/documentStore.ts";
import { readSchedule, scheduleText } from "../broadcast/broadcastRecords.ts";
import { applySchedule, broadcastStore } from "../broadcast/broadcastStore.ts";
import type { DataSpec } from "../controller/dataSpec.ts";
import { simulator } from "../controller/simulatorController.ts";
import { cardPlan, type CardData } from "./cardPlan.ts";
import type { LearnCard } from "./learnCard.ts";
import { learnStore } from "./learnStore.ts";

function dataSpecOf(data: CardData): DataSpec {
  if (data.type === "scenario") return { type: "scenario", scenario: data.scenario };
  const file = new File([data.csv], data.fileName, { type: "text/csv" });
  return { type: "file", file, mapping: data.mapping, schemaTitle: null };
}

/** Loads `card`; resolves once the worker holds its data and rules (failures show in the dock). */
export async function loadCard(card: LearnCard): Promise<void> {
  const plan = cardPlan(card, documentStore.getState().doc);
  if (plan === null) {
    learnStore.setState({
      problem: `The card “${card.title}” needs a seed scenario this build does not bundle.`,
    });
    return;
  }
  learnStore.setState({ loading: card.id, problem: null });
  try {
    replaceDocument(plan.doc);
    const controller = simulator();
    await controller.changeSettings(plan.settings);
    await controller.loadData(dataSpecOf(plan.data));
    await controller.restartWithRules();
    if (!(await setBroadcast(plan.broadcast))) {
      learnStore.setState({
        problem: "The run refused the card's broadcast stream: the Broadcast tab lists why.",
      });
      return;
    }
    learnStore.setState({ loaded: card.id });
  } finally {
    learnStore.setState({ loading: null });
  }
}

/** Gives the run `records` as its broadcast stream unless it has that already; false when refused. */
async function setBroadcast(records: readonly Readonly<Record<string, unknown>>[]): Promise<boolean> {
  const { applied } = broadcastStore.getState();
  const current = applied === null ? null : readSchedule(applied);
  if (records.length === 0 && (current === null || (current.ok && current.records.length === 0))) return true;
  return applySchedule(scheduleText(records));
}
