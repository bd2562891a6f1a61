/**
 * The messages between the app and the CEP worker (`src/ui/worker/cepWorker.ts`), in one place.
 * Every request carries an `id`; the worker answers each with exactly one response whose
 * `replyTo` is that id (a summary, a query result, load progress, or an error). While playing,
 * the worker also posts unsolicited summaries (`replyTo: null`), at most one per frame interval.
 *
 * Everything here is structured-cloneable plain data: rules and bindings travel as the JSON
 * values of their files and are imported in the worker. Input text may travel as bytes
 * (`eventsChunk` with an `ArrayBuffer`, transferred, not copied), decoded in the worker with a
 * streaming decoder, so a large file never crosses as one string and a character split across
 * two chunks decodes whole.
 */
import type { EventData } from "../../formats/events/index.ts";
import type { SourceProgress } from "../sources/index.ts";
import type { BuiltInProcessorName, SubtaskBroadcastView } from "../job/index.ts";
import type {
  ExplainResult,
  InputEvents,
  InputEventsRequest,
  KeyPartialMatches,
  MetricsSeries,
  OutputFilter,
  OutputKind,
  OutputViews,
  RunConfig,
  RunSummary,
} from "../session/index.ts";

/** A request, without its correlation id (what a client's caller writes). */
export type WorkerCommand =
  /** Rules (GraphSpec | rule | rule[]) and bindings as JSON values; the run restarts from the start. */
  | { readonly type: "loadRules"; readonly rules: unknown; readonly bindings?: unknown }
  /** New rules, replayed to the current position (the stream position is kept). */
  | { readonly type: "applyRuleSet"; readonly rules: unknown; readonly bindings?: unknown }
  /**
   * The broadcast stream: the JSON values of its records, each as a line of the CLI's
   * `--broadcast` file (`{"at":T,"rule":{…}}`, `{"at":T,"remove":"ID"}`, `{"at":T,"config":{…}}`,
   * `{"at":T,"config":{…},"keyBy":"channel","value":"APP"}`), in `at` order; replayed to the
   * current position and kept when new rules are loaded. `[]` removes it. Problems name the
   * record and JSON path (`records[2].rule.pattern.nodes[0].condition: …`).
   */
  | { readonly type: "loadBroadcast"; readonly records: readonly unknown[] }
  /**
   * Runs a built-in keyed-broadcast processor instead of the rules (as the CLI's `--processor`):
   * `purchase-path` (seed 000) or `two-action` (seed 001); null runs the rules again. `records`
   * (default `[]`) replace the broadcast stream, read for that processor —
   * `{"at":T,"config":{channel,registerDate,historyPurchaseTimes,maxPurchasePathLength}}` or
   * `{"at":T,"pattern":{firstAction,secondAction}}` — and `loadBroadcast` reads them so afterwards.
   * Replayed to the current position; kept when new rules, settings or input are loaded. Its
   * results are the `results` output list; `partialMatches` returns the key's keyed state.
   */
  | {
      readonly type: "loadProcessor";
      readonly processor: BuiltInProcessorName | null;
      readonly records?: readonly unknown[];
    }
  /** Key, time, watermarks, parallelism; replayed to the current position. */
  | { readonly type: "configure"; readonly config: RunConfig }
  /** Starts a new text input (the run restarts on it); chunks follow, then `endEvents`. */
  | { readonly type: "beginEvents"; readonly fileName?: string; readonly totalBytes?: number }
  | { readonly type: "eventsChunk"; readonly text: string; readonly byteLength?: number }
  /** A chunk of the file's bytes (UTF-8), split anywhere; post it with the buffer in the transfer list. */
  | { readonly type: "eventsChunk"; readonly bytes: ArrayBuffer }
  | { readonly type: "endEvents" }
  /** A complete input of ready events (the run restarts on it). */
  | { readonly type: "loadEventList"; readonly events: readonly EventData[] }
  | { readonly type: "play" }
  | { readonly type: "pause" }
  | { readonly type: "step" }
  | { readonly type: "stepToWatermark" }
  /** Events per second while playing; null: as fast as possible. */
  | { readonly type: "speed"; readonly eventsPerSecond: number | null }
  | { readonly type: "reset" }
  /** Moves the run to exactly input item `position` (backward or forward), by checkpoint + replay. */
  | { readonly type: "seek"; readonly position: number }
  /** The run's summary now. */
  | { readonly type: "summary" }
  /**
   * Records `from` … `from + count − 1` of an output list — or, with a `filter`, of its records
   * of rule `ruleId` and/or key `key` (`total` then counts those; `listTotal` the whole list).
   */
  | {
      readonly type: "query";
      readonly kind: OutputKind;
      readonly from: number;
      readonly count: number;
      readonly filter?: OutputFilter;
    }
  /** A key's partial matches per running rule version, its subtask and key group (`partialMatchesResult`). */
  | { readonly type: "partialMatches"; readonly key: string | null }
  /**
   * Why the event at input item `position` (0-based), or the first item read from input `line`,
   * did what it did under rule `ruleId` (`explainResult`).
   */
  | ({ readonly type: "explain"; readonly ruleId: string } & (
      { readonly position: number } | { readonly line: number }
    ))
  /**
   * Input events by range among those matching `filter` (key, `typeField` value, event-time
   * window), in input order, with key, event time, type and lateness (`inputEventsResult`).
   */
  | ({ readonly type: "inputEvents" } & InputEventsRequest)
  /** Every subtask's copy of the broadcast state (`broadcastStateResult`). */
  | { readonly type: "broadcastState" }
  /** The metrics series so far (`metricsResult`). */
  | { readonly type: "metrics" };

/** A request as sent: a command with its correlation id. */
export type WorkerRequest = WorkerCommand & { readonly id: number };

/** A page of an output list. */
export type QueryResult = {
  [K in OutputKind]: {
    readonly kind: K;
    readonly from: number;
    /** Records in the list now that match the filter (all of them without one). */
    readonly total: number;
    /** Records in the list now. */
    readonly listTotal: number;
    readonly records: readonly OutputViews[K][];
  };
}[OutputKind];

/** What the worker posts. */
export type WorkerResponse =
  /** The run's state: the answer to control requests, and posted while playing. */
  | { readonly type: "summary"; readonly replyTo: number | null; readonly summary: RunSummary }
  | { readonly type: "queryResult"; readonly replyTo: number; readonly result: QueryResult }
  | { readonly type: "partialMatchesResult"; readonly replyTo: number; readonly result: KeyPartialMatches }
  | { readonly type: "explainResult"; readonly replyTo: number; readonly result: ExplainResult }
  | {
      readonly type: "broadcastStateResult";
      readonly replyTo: number;
      readonly result: readonly SubtaskBroadcastView[];
    }
  | { readonly type: "metricsResult"; readonly replyTo: number; readonly result: MetricsSeries }
  | { readonly type: "inputEventsResult"; readonly replyTo: number; readonly result: InputEvents }
  /** How much of a text input was read (the answer to each chunk). */
  | { readonly type: "progress"; readonly replyTo: number; readonly progress: SourceProgress }
  /** A request that could not be carried out (rules that do not compile, a bad speed, …). */
  | {
      readonly type: "error";
      readonly replyTo: number | null;
      readonly message: string;
      /** Every problem, one line each (e.g. `rule '1' (version 1): nodes[0].condition: …`). */
      readonly problems: readonly string[];
    };

/** The response types a command is answered with (besides `error`). */
export type ResponseTo<C extends WorkerCommand["type"]> = C extends "query"
  ? Extract<WorkerResponse, { type: "queryResult" }>
  : C extends "beginEvents" | "eventsChunk" | "endEvents"
    ? Extract<WorkerResponse, { type: "progress" }>
    : C extends "partialMatches" | "explain" | "broadcastState" | "metrics" | "inputEvents"
      ? Extract<WorkerResponse, { type: `${C}Result` }>
      : Extract<WorkerResponse, { type: "summary" }>;
