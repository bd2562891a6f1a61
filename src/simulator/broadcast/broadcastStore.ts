/**
 * The Broadcast panel's state: the schedule being edited (text), the schedule the run has
 * (applied), and the problems of the last apply. Applying sends the records to the worker,
 * which replays the run to the same position with them; a refused schedule leaves the run's
 * schedule as it was and lists every problem. The applied schedule's config keys are what the
 * condition editors complete after `config.`.
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { WorkerRequestError } from "../../ui/worker/workerClient.ts";
import { simulator } from "../controller/simulatorController.ts";
import { simulationStore } from "../simulationStore.ts";
import { setConfigKeys } from "../../editors/conditionContext.ts";
import { configKeysOf, readSchedule } from "./broadcastRecords.ts";

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
