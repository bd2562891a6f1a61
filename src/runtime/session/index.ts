/**
 * Run sessions: a `StreamJob` over a kept input and broadcast stream that a UI drives (play,
 * pause, step, seek, reset, rules and broadcast records applied by replay), reporting small
 * summaries and answering queries; pure, for the Web Worker and Node alike.
 */
export { EventFeed, feedTimeProblems } from "./eventFeed.ts";
export type { EventFeedOptions, FeedState, FeedTarget, FeedTime, FeedWatermarks } from "./eventFeed.ts";
export { OutputLog } from "./outputLog.ts";
export { compileRuleSet, importRulesAndBindings, ruleName, RuleSetError } from "./ruleSetLoader.ts";
export { RunSession } from "./runSession.ts";
export type { RunSessionOptions } from "./runSession.ts";
export type { ExplainRequest } from "./explainEvent.ts";
export type { BroadcastRecordView, BroadcastTimeline, RuleVersionChange } from "./broadcastTimeline.ts";
export type {
  ExplainOutcome,
  ExplainResult,
  KeyPartialMatches,
  MetricsSample,
  MetricsSeries,
  PartialMatchInfo,
  ProcessorKeyState,
  RulePartialMatches,
} from "./queryTypes.ts";
export type { ProcessorKeyStateView, PurchasePathEntry } from "../processors/keyStateViews.ts";
export type { OutputPage } from "./sessionDriver.ts";
export { SessionInput } from "./sessionInput.ts";
export type { InputEventRow, InputEvents, InputEventsRequest, InputFilter } from "./inputEvents.ts";
export type {
  EventView,
  LateView,
  MatchView,
  OutputFilter,
  OutputKind,
  OutputViews,
  RuleDroppedView,
  RunConfig,
  RunError,
  RunPosition,
  ResultView,
  RunSummary,
  RunWarning,
  SessionState,
  StateExpiredView,
} from "./sessionTypes.ts";
