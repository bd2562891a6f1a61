/**
 * Loading a Learn card into the app: the card's document replaces the current one (one
 * undoable change, so Undo brings the user's rules back), its run settings are applied, its
 * data is streamed to the worker and the run restarts with the card's rules — and with the
 * card's broadcast stream (a card without one clears a stream the run has, since the card's
 * claims hold without it). The broadcast stream is part of the same undo step as the rules, and
 * so is the card's loaded state: after Undo the card offers Load again, after Redo it is loaded.
 */
import type { LinkedChange } from "../../document/documentHistory.ts";
import { documentStore, replaceDocument } from "../../document/documentStore.ts";
import { readSchedule, scheduleText } from "../broadcast/broadcastRecords.ts";
import {
  applySchedule,
  scheduleChange,
  scheduleSnapshot,
  type ScheduleSnapshot,
} from "../broadcast/broadcastStore.ts";
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
    const before = scheduleSnapshot();
    const schedule = cardSchedule(plan.broadcast, before);
    const loaded = loadedChange(card.id);
    replaceDocument(plan.doc, {
      linked:
        schedule === null
          ? loaded.linked
          : bothChanges(scheduleChange(before, { draft: schedule, applied: schedule }), loaded.linked),
    });
    const controller = simulator();
    await controller.changeSettings(plan.settings);
    await controller.loadData(dataSpecOf(plan.data));
    await controller.restartWithRules();
    if (schedule !== null && !(await applySchedule(schedule))) {
      learnStore.setState({
        problem: "The run refused the card's broadcast stream: the Broadcast tab lists why.",
      });
      return;
    }
    loaded.took();
  } finally {
    learnStore.setState({ loading: null });
  }
}

/**
 * The card's loaded state as part of its undo step: undo puts back the card loaded before,
 * redo marks this card loaded again — once its load went through (`took`), and only while the
 * step is not undone (an Undo pressed while the data is still streaming wins).
 */
function loadedChange(cardId: string): { linked: LinkedChange; took: () => void } {
  const previous = learnStore.getState().loaded;
  let applied = true;
  let done = false;
  return {
    linked: {
      undo: () => {
        applied = false;
        learnStore.setState({ loaded: previous });
      },
      redo: () => {
        applied = true;
        if (done) learnStore.setState({ loaded: cardId });
      },
    },
    took: () => {
      done = true;
      if (applied) learnStore.setState({ loaded: cardId });
    },
  };
}

/** Two outside changes made by one gesture, undone in reverse order. */
function bothChanges(first: LinkedChange, second: LinkedChange): LinkedChange {
  return {
    undo: () => {
      second.undo();
      first.undo();
    },
    redo: () => {
      first.redo();
      second.redo();
    },
  };
}

/**
 * The schedule text the run gets for the card's `records`, or null when the run keeps its own:
 * the card has no stream and the run has none either.
 */
function cardSchedule(
  records: readonly Readonly<Record<string, unknown>>[],
  now: ScheduleSnapshot,
): string | null {
  const current = now.applied == null ? null : readSchedule(now.applied);
  if (records.length === 0 && (current === null || (current.ok && current.records.length === 0))) return null;
  return scheduleText(records);
}
