/**
 * Scenario links in the app: the view now as a link (rules, data source, settings, position,
 * dock tab, broadcast schedule), and opening one — the rules replace the document (undoable),
 * then the settings, the data, the rules' run, the broadcast schedule and the position follow,
 * in that order, after the simulator's first start so the demo data cannot overtake them. The
 * link's broadcast schedule is part of the same undo step as its rules.
 */
import { documentStore, replaceDocument } from "../../document/documentStore.ts";
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import {
  applySchedule,
  broadcastStore,
  scheduleChange,
  scheduleSnapshot,
} from "../broadcast/broadcastStore.ts";
import type { DataSpec } from "../controller/dataSpec.ts";
import { simulator, simulatorReady } from "../controller/simulatorController.ts";
import { showDockTab, simulationStore } from "../simulationStore.ts";
import {
  decodeScenarioFragment,
  encodeScenarioFragment,
  isScenarioFragment,
  MAX_INLINE_DATA_BYTES,
  type EncodeResult,
  type LinkData,
  type ScenarioView,
} from "./scenarioLink.ts";

/** The link data of what the run reads now, or why it cannot go in a link. */
async function linkDataOf(spec: DataSpec | null): Promise<LinkData | string> {
  if (spec === null) return "no data is loaded";
  switch (spec.type) {
    case "scenario":
      return { type: "scenario", scenarioId: spec.scenario.id };
    case "generator":
      return { type: "generator", settings: spec.settings };
    case "file":
      if (spec.file.size > MAX_INLINE_DATA_BYTES)
        return `the data file ${spec.file.name} is larger than ${MAX_INLINE_DATA_BYTES / 1024} KB: a link holds a seed scenario, generator settings or small data only`;
      return {
        type: "inline",
        fileName: spec.file.name,
        text: await spec.file.text(),
        mapping: spec.mapping,
      };
  }
}

/** The fragment (`#scenario=…`) of the view now. */
export async function currentScenarioFragment(): Promise<EncodeResult> {
  const data = await linkDataOf(simulator().dataSpec);
  if (typeof data === "string") return { ok: false, error: data };
  const state = simulationStore.getState();
  const schedule = broadcastStore.getState().applied;
  const view: ScenarioView = {
    doc: documentStore.getState().doc,
    data,
    settings: state.settings,
    position: state.summary?.position.items ?? 0,
    ended: state.summary?.position.ended ?? false,
    tab: state.dockTab,
    broadcast: schedule,
  };
  return encodeScenarioFragment(view);
}

function dataSpecOf(data: LinkData): DataSpec | string {
  switch (data.type) {
    case "scenario": {
      const scenario = seedScenarios.find((s) => s.id === data.scenarioId);
      return scenario === undefined
        ? `the link's seed scenario ${data.scenarioId} is not part of this CEP Studio`
        : { type: "scenario", scenario };
    }
    case "generator":
      return { type: "generator", settings: data.settings };
    case "inline":
      return {
        type: "file",
        file: new File([data.text], data.fileName, { type: "text/plain" }),
        mapping: data.mapping,
        schemaTitle: null,
      };
  }
}

/**
 * Opens a scenario link's fragment; resolves to null when the view is open, or to the reason it
 * could not be (nothing was changed then). Warnings about the rules are returned too.
 */
export async function openScenarioFragment(
  hash: string,
): Promise<{ error: string | null; warnings: readonly string[] }> {
  const decoded = decodeScenarioFragment(hash);
  if (!decoded.ok) return { error: decoded.error, warnings: [] };
  const { view } = decoded;
  const spec = dataSpecOf(view.data);
  if (typeof spec === "string") return { error: spec, warnings: [] };
  await simulatorReady();
  const schedule = view.broadcast;
  replaceDocument(
    view.doc,
    schedule === null
      ? {}
      : { linked: scheduleChange(scheduleSnapshot(), { draft: schedule, applied: schedule }) },
  );
  const controller = simulator();
  await controller.changeSettings(view.settings);
  await controller.loadData(spec);
  await controller.restartWithRules();
  const warnings = [...decoded.warnings];
  // The rules and data are open; a schedule the run refuses must not pass for one it took.
  if (schedule !== null && !(await applySchedule(schedule)))
    warnings.push(
      `the link's broadcast schedule was not applied (the Broadcast tab shows it): ${broadcastStore.getState().problems.join("; ")}`,
    );
  if (view.position > 0) await controller.sendRewinding({ type: "seek", position: view.position });
  // The end of input is one step past the last item (the same data ends at the same position).
  if (view.ended) await controller.send({ type: "step" });
  if (view.tab !== null) showDockTab(view.tab);
  return { error: null, warnings };
}

/** The part of `window.location` / `history` the bootstrap hook reads and tidies. */
export interface LinkLocation {
  readonly hash: string;
  /** Removes the fragment from the address bar (a reload must not apply it over later edits). */
  readonly clearHash: () => void;
}

/**
 * The app's bootstrap calls this once at start: when the address holds a scenario link, the
 * view opens and `report` hears the outcome; otherwise nothing happens.
 */
export function openScenarioLinkAtStart(
  location: LinkLocation,
  report: (kind: "info" | "warning" | "error", message: string) => void,
): void {
  if (!isScenarioFragment(location.hash)) return;
  const hash = location.hash;
  location.clearHash();
  void openScenarioFragment(hash).then(({ error, warnings }) => {
    if (error !== null) report("error", `The scenario link could not be opened: ${error}`);
    else if (warnings.length > 0)
      report("warning", `Opened the scenario from the link.\n${warnings.join("\n")}`);
    else report("info", "Opened the scenario from the link. Undo brings back your rules.");
  });
}
