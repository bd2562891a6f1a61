/**
 * The engine's public entry point: Flink CEP's NFACompiler + NFA, ported to TypeScript.
 *
 * `compilePattern(graph)` validates and compiles a pattern; the returned {@link CompiledNFA}
 * processes events for one key at a time against a plain-data {@link KeyedNFAState}.
 */
export type {
  CompileOptions,
  CompiledNFA,
  EngineWarning,
  EventRecord,
  Match,
  PatternDiagnostic,
  TimedOutMatch,
} from "./api.ts";
export { MalformedPatternError } from "./api.ts";
export { ConditionError } from "./conditions/conditionError.ts";
export { conditionLookAlikeDiagnostics } from "./conditions/conditionLookAlikes.ts";
export type {
  BindingProblem,
  ConditionCheckOptions,
  ConditionProblem,
} from "./conditions/conditionProblems.ts";
export {
  bindingExpressionProblems,
  expressionDiagnostics,
  patternConditionProblems,
} from "./conditions/conditionProblems.ts";
export { compilePattern, DEFAULT_MAX_PARTIAL_MATCHES } from "./compiledNfa.ts";
export { countPartialMatches } from "./nfaState.ts";
export type { KeyedNFAState } from "./nfaState.ts";
export type { PartialMatchEvent, PartialMatchView } from "./inspect/partialMatchView.ts";
export type {
  ConditionEvaluation,
  EventExplanation,
  MatchView,
  RunBranch,
  RunExplanation,
  RunOutcome,
  TransitionAction,
  TransitionCheck,
  TransitionTargetKind,
} from "./explain/explanation.ts";
export { describeExplanation } from "./explain/describeExplanation.ts";
