/**
 * The simulation's state as the app sees it: ephemeral (never undone, never saved), written by
 * the simulator controller (`controller/simulatorController.ts`) at most once per animation
 * frame from the worker's summaries, and read by the simulator's dock and the designer's canvas
 * (live counts, highlighted match) through small selector hooks.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import type { RunSummary } from "../runtime/session/index.ts";
import type { FieldMapping } from "../runtime/sources/index.ts";
import { DEFAULT_RUN_SETTINGS, type RunSettings, type SourcePartitions } from "./controller/runSettings.ts";

/** A match picked in a table: its rule, the stages that took events, and the events' input lines. */
export interface MatchHighlight {
  readonly ruleId: string;
  readonly stages: readonly string[];
  readonly lines: readonly number[];
}

/** Where the events of the run come from (what a worker restart streams again). */
type DataSourceInfo =
  | { readonly type: "scenario"; readonly name: string; readonly scenarioId: string }
  | { readonly type: "file"; readonly name: string; readonly bytes: number }
  | { readonly type: "generator"; readonly name: string };

/** The data the run reads: its source, how its fields are mapped, and its recognised schema. */
export interface RunData {
  readonly source: DataSourceInfo;
  readonly mapping: FieldMapping;
  /** The recognised schema's title, or null when the user mapped the fields. */
  readonly schemaTitle: string | null;
  /** Source partitions (each with its own watermarks), as generated data names them. */
  readonly partitions: SourcePartitions;
}

/** A text input being streamed to the worker. */
export interface LoadProgress {
  readonly label: string;
  readonly bytes: number;
  readonly totalBytes: number | null;
  readonly events: number;
  readonly problems: number;
}

/** A request the worker refused, or the worker itself failing: shown until the next success. */
export interface RunFailure {
  /** What was being done ("Loading the rules", "The worker stopped", …). */
  readonly context: string;
  readonly message: string;
  /** Every problem named (rule, JSON path, stage), one line each. */
  readonly problems: readonly string[];
  /** The worker is gone: only a restart helps. */
  readonly crashed: boolean;
}

export interface SimulationState {
  /** Partial matches waiting in each stage, by rule id then stage name (empty before a run). */
  readonly stageCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The selected match or timeout, lit up on the canvas and the timeline. */
  readonly highlight: MatchHighlight | null;
  /** The newest run summary; null until the worker has answered. */
  readonly summary: RunSummary | null;
  /**
   * Bumped whenever earlier outputs may differ from what was fetched before (new data, rules,
   * settings, a seek or a reset): tables drop the pages they cached.
   */
  readonly runEpoch: number;
  readonly data: RunData | null;
  readonly loading: LoadProgress | null;
  readonly failure: RunFailure | null;
  /** The document's rules were refused (they do not compile); the previous rules keep running. */
  readonly ruleError: RunFailure | null;
  readonly settings: RunSettings;
  /** The document's enabled rules differ from the ones running (while the run holds data). */
  readonly rulesChanged: boolean;
  /** How many rules the run was given (0: nothing enabled in the document). */
  readonly ruleCount: number;
  /** The dock tab shown (an id from `dockTabs.ts`). */
  readonly dockTab: string;
  /** The input event picked in the Stream tab: its input item (0-based) and line. */
  readonly selectedEvent: SelectedEvent | null;
}

/** An input event the user picked (explained by the Explain tab). */
interface SelectedEvent {
  readonly position: number;
  readonly line: number | null;
}

export const simulationStore = createStore<SimulationState>()(() => ({
  stageCounts: {},
  highlight: null,
  summary: null,
  runEpoch: 0,
  data: null,
  loading: null,
  failure: null,
  ruleError: null,
  settings: DEFAULT_RUN_SETTINGS,
  rulesChanged: false,
  ruleCount: 0,
  dockTab: "timeline",
  selectedEvent: null,
}));

/** Reads one slice of the simulation state; re-renders only when that slice changes. */
export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(simulationStore, selector);
}

/**
 * Where the run stands, as one value that changes whenever the run moves: the input items consumed
 * and whether the end of input was processed. The end of input is no input item, yet its broadcast
 * drain and final +∞ watermark change the job's state (partial matches time out, buffered events
 * reach the NFA, late broadcast records take effect): a view that asks the worker again when the
 * run moves follows this, not the item count alone, or it keeps showing the state before the end.
 */
export function useRunPosition(): string {
  return useSimulation((s) => {
    const position = s.summary?.position;
    if (position === undefined) return "0";
    return position.ended ? `${position.items} and the end of input` : String(position.items);
  });
}

/** Lights up a match or timeout on the canvas and the timeline (null clears it). */
export function setHighlight(highlight: MatchHighlight | null): void {
  simulationStore.setState({ highlight });
}

/** Shows a dock tab (by its id in `dockTabs.ts`), e.g. from a link in another tab. */
export function showDockTab(id: string): void {
  simulationStore.setState({ dockTab: id });
}
