/**
 * The app's one CEP run: owns the worker client (`src/ui/worker/workerClient.ts`), streams the
 * data and the document's enabled rules to it, relays the controls, and writes what comes back
 * into the simulation store — at most once per animation frame.
 *
 * It never gets stuck: a refused request (rules that do not compile, a bad setting) is shown
 * with every problem and the previous run goes on; an engine error stops the run with its
 * context and reset, seek or new rules clear it; a crashed worker is replaced by
 * {@link restartWorker}, which streams the same data and rules to a fresh one.
 */
import { changeDocument, documentStore } from "../../document/documentStore.ts";
import { setActiveRule } from "../../document/edits/ruleEdits.ts";
import type { StudioDocument } from "../../document/studioDocument.ts";
import type {
  InputEvents,
  InputFilter,
  KeyPartialMatches,
  OutputFilter,
  OutputKind,
  OutputViews,
  RunSummary,
} from "../../runtime/session/index.ts";
import type { ResponseTo, WorkerCommand } from "../../runtime/worker/protocol.ts";
import type { SeedScenario } from "../../scenarios/seedScenarios.ts";
import { WorkerClient } from "../../ui/worker/workerClient.ts";
import { enableOnlyRule, scenarioRuleKey } from "../data/scenarioRule.ts";
import { simulationStore, type LoadProgress } from "../simulationStore.ts";
import { defaultDataSpec, runDataOf, totalBytesOf, type DataSpec } from "./dataSpec.ts";
import { createFrameBatcher, type FrameBatcher } from "./frameBatcher.ts";
import { failureOf } from "./failureOf.ts";
import { KeptCommands } from "./keptCommands.ts";
import { ruleChangeOf, runRuleSetOf, type RunRuleSet } from "./runRuleSet.ts";
import { runConfigOf, type RunSettings } from "./runSettings.ts";
import { streamData } from "./streamData.ts";

/** Document edits settle this long before the rules are compared (typing in a condition). */
const RULE_SYNC_DELAY_MS = 250;

class SimulatorController {
  private readonly client: WorkerClient;
  private readonly summaries: FrameBatcher<RunSummary>;
  private readonly progress: FrameBatcher<LoadProgress>;
  private data: DataSpec | null = null;
  /** The rule set the worker runs (its fingerprint); null before any was loaded. */
  private running: RunRuleSet | null = null;
  /** Counts data loads, so a load replaced by a newer one stops streaming. */
  private loadGeneration = 0;
  private ruleSyncTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The run's broadcast stream and processor as the worker last took them: they outlive new
   * rules and data in the worker, so a fresh worker must be given them again.
   */
  private readonly kept = new KeptCommands();

  constructor() {
    this.summaries = createFrameBatcher((summary) => {
      simulationStore.setState({ summary, stageCounts: summary.stageCounts });
    }, requestAnimationFrame);
    this.progress = createFrameBatcher((loading) => {
      if (simulationStore.getState().loading !== null) simulationStore.setState({ loading });
    }, requestAnimationFrame);
    this.client = new WorkerClient({
      onSummary: (summary) => {
        this.summaries.push(summary);
      },
      onCrash: (message) => {
        simulationStore.setState({
          failure: { context: "The CEP worker stopped", message, problems: [], crashed: true },
        });
      },
    });
    documentStore.subscribe((state, previous) => {
      if (state.doc.rules !== previous.doc.rules || state.doc.bindings !== previous.doc.bindings)
        this.scheduleRuleSync();
    });
  }

  /** What the run reads now (the spec last given to {@link loadData}), e.g. for a share link. */
  get dataSpec(): DataSpec | null {
    return this.data;
  }

  /**
   * The document's current rules count as the running ones without sending anything: for rules
   * that reach the run by a scheduled broadcast update instead (the old version keeps running
   * until the broadcast switches), so no "rules changed" question is asked.
   */
  adoptDocumentRules(): void {
    this.running = runRuleSetOf(documentStore.getState().doc);
    simulationStore.setState({ rulesChanged: false });
  }

  /** First start: the document's rules and the default data (scenario 1's clickstream). */
  async start(): Promise<void> {
    await this.loadRules(runRuleSetOf(documentStore.getState().doc));
    await this.send({ type: "speed", eventsPerSecond: simulationStore.getState().settings.speed });
    const spec = defaultDataSpec();
    if (spec !== null) await this.loadData(spec);
  }

  /** Streams `spec` to the worker; the run restarts on it, with the same rules. */
  async loadData(spec: DataSpec): Promise<void> {
    const generation = ++this.loadGeneration;
    this.data = spec;
    const data = runDataOf(spec);
    const label = data.source.name;
    simulationStore.setState((s) => ({
      data,
      highlight: null,
      selectedEvent: null,
      failure: null,
      runEpoch: s.runEpoch + 1,
      loading: { label, bytes: 0, totalBytes: totalBytesOf(spec), events: 0, problems: 0 },
    }));
    const stale = () => generation !== this.loadGeneration;
    try {
      const config = runConfigOf(simulationStore.getState().settings, data.mapping, data.partitions);
      await this.client.request({ type: "configure", config });
      const complete = await streamData(
        this.client,
        spec,
        (p) => {
          const { bytes, totalBytes, events, problems } = p;
          this.progress.push({ label, bytes, totalBytes, events, problems });
        },
        stale,
      );
      if (!complete) return;
      // New data starts the run over, so a pending rule change needs no question: run the document's rules.
      const documentRules = runRuleSetOf(documentStore.getState().doc);
      if (this.running?.fingerprint !== documentRules.fingerprint) await this.loadRules(documentRules);
      await this.client.request({ type: "summary" });
    } catch (error) {
      if (!stale()) simulationStore.setState({ failure: failureOf(`Loading ${label}`, error) });
    } finally {
      if (!stale()) {
        this.progress.flush();
        simulationStore.setState({ loading: null });
      }
    }
  }

  /**
   * A seed scenario in one click: its clickstream, and its rule (found by pattern in the
   * document) as the only enabled and the active rule — an undoable document change.
   */
  async runScenario(scenario: SeedScenario): Promise<void> {
    const key = scenarioRuleKey(documentStore.getState().doc, scenario);
    if (key !== null) {
      changeDocument((doc) => enableOnlyRule(doc, key));
      changeDocument((doc) => setActiveRule(doc, key), { history: "skip" });
    }
    // Loading data runs the document's rules, now the scenario's.
    await this.loadData({ type: "scenario", scenario });
  }

  /** Sends a control; a refusal is shown, the run stays usable. */
  async send(command: WorkerCommand, context = "The run"): Promise<void> {
    try {
      await this.request(command);
      if (simulationStore.getState().failure?.crashed === false) simulationStore.setState({ failure: null });
    } catch (error) {
      simulationStore.setState({ failure: failureOf(context, error) });
    }
  }

  /** A control after which earlier outputs may differ from what tables fetched. */
  async sendRewinding(command: WorkerCommand): Promise<void> {
    simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
    await this.send(command);
    simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
  }

  /**
   * Records `from` … `from + count − 1` of an output list — with a `filter`, of its records of
   * that rule and/or key — and how many match (`total`) among the list's `listTotal`.
   */
  async query<K extends OutputKind>(
    kind: K,
    from: number,
    count: number,
    filter: OutputFilter = {},
  ): Promise<{ total: number; listTotal: number; records: readonly OutputViews[K][] }> {
    const { result } = await this.client.request({ type: "query", kind, from, count, filter });
    // The worker answers a query with the records of the kind asked for (protocol.ts).
    const records = result.records as readonly OutputViews[K][];
    return { total: result.total, listTotal: result.listTotal, records };
  }

  /**
   * Any request to the app's worker, answered as the protocol says (the dock's tabs use it for
   * their queries: explain, broadcast state, metrics, …). Failures reject; nothing is stored.
   * The broadcast stream and the processor the worker took are remembered, so a restarted
   * worker gets them again.
   */
  async request<C extends WorkerCommand>(command: C): Promise<ResponseTo<C["type"]>> {
    const response = await this.client.request(command);
    this.kept.taken(command);
    return response;
  }

  /**
   * Input events by range (in input order), optionally only those of a key, of an event type or
   * in an event-time window — read in the worker, so the stream never sits on this thread.
   * `withFields: false` leaves each row's fields out (views that draw only key, time and type).
   */
  async inputEvents(
    from: number,
    count: number,
    filter: InputFilter = {},
    withFields = true,
  ): Promise<InputEvents> {
    const typeField = simulationStore.getState().data?.mapping.type ?? null;
    const { result } = await this.client.request({
      type: "inputEvents",
      from,
      count,
      filter,
      typeField,
      withFields,
    });
    return result;
  }

  /** A key's partial matches per running rule version, with its subtask and key group. */
  async partialMatches(key: string | null): Promise<KeyPartialMatches> {
    const { result } = await this.client.request({ type: "partialMatches", key });
    return result;
  }

  /** New settings; the worker replays to the same position with them. */
  async changeSettings(change: Partial<RunSettings>): Promise<void> {
    const settings = { ...simulationStore.getState().settings, ...change };
    simulationStore.setState({ settings });
    if ("speed" in change)
      await this.send({ type: "speed", eventsPerSecond: settings.speed }, "Setting the speed");
    const data = simulationStore.getState().data;
    const runChanged = Object.keys(change).some((k) => k !== "speed");
    if (data !== null && runChanged)
      await this.sendRewinding({
        type: "configure",
        config: runConfigOf(settings, data.mapping, data.partitions),
      });
  }

  /** The document's rules replace the running ones, replayed to the current position. */
  async applyFromHere(): Promise<void> {
    const next = runRuleSetOf(documentStore.getState().doc);
    if (next.rules.length === 0) return;
    simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
    try {
      await this.client.request({ type: "applyRuleSet", rules: next.rules, bindings: next.bindings });
      this.running = next;
      simulationStore.setState((s) => ({
        rulesChanged: false,
        ruleError: null,
        ruleCount: next.rules.length,
        runEpoch: s.runEpoch + 1,
      }));
    } catch (error) {
      simulationStore.setState({ ruleError: failureOf("The changed rules cannot run", error) });
    }
  }

  /** The document's rules, run from the start of the data. */
  async restartWithRules(): Promise<void> {
    await this.loadRules(runRuleSetOf(documentStore.getState().doc));
  }

  /**
   * A fresh worker with the same rules, settings, data, broadcast stream and processor (the
   * document is untouched); the run starts again from the first event.
   */
  async restartWorker(): Promise<void> {
    this.client.restart();
    this.running = null;
    simulationStore.setState({ failure: null, ruleError: null, summary: null, rulesChanged: false });
    await this.loadRules(runRuleSetOf(documentStore.getState().doc));
    await this.send({ type: "speed", eventsPerSecond: simulationStore.getState().settings.speed });
    if (this.data !== null) await this.loadData(this.data);
    // After the data: its configure gives the records' `at` (date-time texts) their meaning.
    await this.kept.replay((command) => this.sendRewinding(command));
  }

  private async loadRules(ruleSet: RunRuleSet): Promise<void> {
    simulationStore.setState({ ruleCount: ruleSet.rules.length });
    if (ruleSet.rules.length === 0) {
      // Nothing to run; the bar says so and play waits for an enabled rule.
      this.running = ruleSet;
      simulationStore.setState({ rulesChanged: false, ruleError: null });
      return;
    }
    simulationStore.setState((s) => ({ runEpoch: s.runEpoch + 1 }));
    try {
      await this.client.request({ type: "loadRules", rules: ruleSet.rules, bindings: ruleSet.bindings });
      this.running = ruleSet;
      simulationStore.setState((s) => ({ rulesChanged: false, ruleError: null, runEpoch: s.runEpoch + 1 }));
    } catch (error) {
      simulationStore.setState({ ruleError: failureOf("The rules cannot run", error) });
    }
  }

  private scheduleRuleSync(): void {
    if (this.ruleSyncTimer !== null) clearTimeout(this.ruleSyncTimer);
    this.ruleSyncTimer = setTimeout(() => {
      this.ruleSyncTimer = null;
      void this.syncRules(documentStore.getState().doc);
    }, RULE_SYNC_DELAY_MS);
  }

  private async syncRules(doc: StudioDocument): Promise<void> {
    const next = runRuleSetOf(doc);
    const items = simulationStore.getState().summary?.position.items ?? 0;
    switch (ruleChangeOf(this.running?.fingerprint ?? null, next, items)) {
      case "same":
        simulationStore.setState({ rulesChanged: false });
        return;
      case "load":
        await this.loadRules(next);
        return;
      case "ask":
        simulationStore.setState({ rulesChanged: true });
        return;
    }
  }
}

let controller: SimulatorController | null = null;
let started: Promise<void> | null = null;

/** The app's simulator; the first call starts the worker and loads the demo. */
export function simulator(): SimulatorController {
  if (controller === null) {
    controller = new SimulatorController();
    started = controller.start();
  }
  return controller;
}

/** Resolves once the first start (rules and demo data) is done; a later load then wins over it. */
export function simulatorReady(): Promise<void> {
  simulator();
  return started ?? Promise.resolve();
}

export type { SimulatorController };
