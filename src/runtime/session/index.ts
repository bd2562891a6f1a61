/**
 * Run sessions: a `StreamJob` over a kept input that a UI drives (play, pause, step, reset,
 * rules applied by replay), reporting small summaries; pure, for the Web Worker and Node alike.
 */
export { EventFeed, feedTimeProblems } from "./eventFeed.ts";
export type { EventFeedOptions, FeedState, FeedTarget, FeedTime, FeedWatermarks } from "./eventFeed.ts";
export { OutputLog } from "./outputLog.ts";
export { compileRuleSet, importRulesAndBindings, ruleName, RuleSetError } from "./ruleSetLoader.ts";
export { RunSession } from "./runSession.ts";
export type { RunSessionOptions } from "./runSession.ts";
export type { ExplainRequest } from "./explainEvent.ts";
export type {
  ExplainOutcome,
  ExplainResult,
  KeyPartialMatches,
  MetricsSample,
  MetricsSeries,
  PartialMatchInfo,
  RulePartialMatches,
} from "./queryTypes.ts";
export { SessionInput } from "./sessionInput.ts";
export type {
  EventView,
  LateView,
  MatchView,
  OutputKind,
  OutputViews,
  RuleDroppedView,
  RunConfig,
  RunError,
  RunPosition,
  RunSummary,
  SessionState,
  StateExpiredView,
} from "./sessionTypes.ts";
