/**
 * The Broadcast panel's state: the schedule being edited (text), the schedule the run has
 * (applied), and the problems of the last apply. Applying sends the records to the worker,
 * which replays the run to the same position with them; a refused schedule leaves the run's
 * schedule as it was and lists every problem. The applied schedule's config keys are what the
 * condition editors complete after `config.`.
 *
 * The schedule is run state, not part of the document; but gestures that change the rules may
 * change it too (loading a Learn card or a scenario link, scheduling a rule version). They record
 * a {@link scheduleChange} with their undo entry, so one undo brings back both.
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { LinkedChange } from "../../document/documentHistory.ts";
import { WorkerRequestError } from "../../ui/worker/workerClient.ts";
import { simulator } from "../controller/simulatorController.ts";
import { simulationStore } from "../simulationStore.ts";
import { setConfigKeys } from "../../editors/conditionContext.ts";
import { configKeysOf, readSchedule, scheduleText } from "./broadcastRecords.ts";

export interface BroadcastState {
  readonly draft: string;
  /** The schedule text the run has; null before any was applied. */
  readonly applied: string | null;
  readonly problems: readonly string[];
  readonly applying: boolean;
}

export const broadcastStore = createStore<BroadcastState>()(() => ({
  draft: "[]\n",
  applied: null,
  problems: [],
  applying: false,
}));

/** Reads one slice of the panel's state. */
export function useBroadcast<T>(selector: (state: BroadcastState) => T): T {
  return useStore(broadcastStore, selector);
}

/** Replaces the text being edited. */
export function setDraft(draft: string): void {
  broadcastStore.setState({ draft });
}

/** Sends `text` to the run as its broadcast stream; resolves to whether the run took it. */
export async function applySchedule(text: string): Promise<boolean> {
  const read = readSchedule(text);
  if (!read.ok) {
    broadcastStore.setState({ draft: text, problems: read.problems });
    return false;
  }
  broadcastStore.setState({ draft: text, applying: true, problems: [] });
  simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
  try {
    await simulator().request({ type: "loadBroadcast", records: read.records.map((r) => r.value) });
    broadcastStore.setState({ applied: text, problems: [] });
    // Conditions may now read the configs' keys: the condition editors offer `config.<key>`.
    setConfigKeys(configKeysOf(read.records));
    return true;
  } catch (error) {
    const problems =
      error instanceof WorkerRequestError && error.problems.length > 0
        ? error.problems
        : [error instanceof Error ? error.message : String(error)];
    broadcastStore.setState({ problems });
    return false;
  } finally {
    broadcastStore.setState({ applying: false });
    simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
  }
}

/** The schedule at one moment, as undo and redo put it back. */
export interface ScheduleSnapshot {
  readonly draft: string;
  /** The schedule the run has (null: none); absent when the change left the run's schedule alone. */
  readonly applied?: string | null;
}

/** The schedule now: the text being edited and the one the run has. */
export function scheduleSnapshot(): ScheduleSnapshot {
  const { draft, applied } = broadcastStore.getState();
  return { draft, applied };
}

/**
 * Puts the schedule back as `to` holds it: the run is given `to.applied` when it has another one
 * (a run that had none gets an empty stream), then the editor shows `to.draft`.
 */
async function restoreSchedule(to: ScheduleSnapshot): Promise<void> {
  if (to.applied !== undefined && to.applied !== broadcastStore.getState().applied) {
    const taken = await applySchedule(to.applied ?? scheduleText([]));
    if (taken) broadcastStore.setState({ applied: to.applied });
  }
  broadcastStore.setState({ draft: to.draft });
}

/** The undo history's record of a gesture that changed the schedule from `before` to `after`. */
export function scheduleChange(before: ScheduleSnapshot, after: ScheduleSnapshot): LinkedChange {
  return {
    undo: () => {
      void restoreSchedule(before);
    },
    redo: () => {
      void restoreSchedule(after);
    },
  };
}
