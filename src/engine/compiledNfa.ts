/**
 * `compilePattern`: validate (Flink's malformed-pattern rules) → GraphSpec.toPattern →
 * NFACompiler → NFA with compiled conditions, wrapped in the {@link CompiledNFA} contract.
 * Port of Flink's `NFACompiler.compileFactory` + `NFAFactory.createNFA`.
 */
import type { GraphNode } from "../model/pattern.ts";
import { hasPatternErrors, validatePattern } from "../model/validate.ts";
import { MalformedPatternError, type CompileOptions, type CompiledNFA, type EventRecord } from "./api.ts";
import { createSkipStrategy } from "./aftermatch/afterMatchSkipStrategy.ts";
import { graphToPattern } from "./compiler/graphToPattern.ts";
import { compileStates, type CompiledStates } from "./compiler/nfaCompiler.ts";
import { ConditionCompiler } from "./conditions/compileCondition.ts";
import { NFA } from "./nfa.ts";
import { IGNORE, PROCEED, TAKE, type NFADefinition, type RuntimeState } from "./nfaDefinition.ts";
import { createStartState } from "./computationState.ts";
import { createInitialNFAState, isNFAStateEmpty, type KeyedNFAState } from "./nfaState.ts";

/** Default for {@link CompileOptions.maxPartialMatches}. */
export const DEFAULT_MAX_PARTIAL_MATCHES = 10_000;

/** NFACompiler: compiles a pattern graph to an NFA. Throws MalformedPatternError for patterns Flink rejects. */
export function compilePattern(graph: GraphNode, options: CompileOptions = {}): CompiledNFA {
  const diagnostics = validatePattern(graph);
  if (hasPatternErrors(diagnostics)) {
    throw new MalformedPatternError(diagnostics.filter((d) => d.severity === "error"));
  }
  const { lastPattern, stageNames } = graphToPattern(graph);
  const compiled = compileStates(lastPattern);
  const definition = toDefinition(compiled, new ConditionCompiler(options.bindings ?? {}));
  const skip = createSkipStrategy(options.afterMatchSkipStrategy ?? graph.afterMatchStrategy);
  const nfa = new NFA(definition, skip, {
    maxPartialMatches: options.maxPartialMatches ?? DEFAULT_MAX_PARTIAL_MATCHES,
    onWarning: options.onWarning,
    handleTimeout: options.handleTimeout ?? true,
  });
  // Start runs are immutable, so every key's fresh state can share them.
  const startRuns = definition.startStates.map((s) => createStartState(s));
  const windowTime = definition.windowTime > 0 ? definition.windowTime : null;

  return {
    windowTime,
    stageNames,
    createState: () => createInitialNFAState(startRuns),
    process: (
      state: KeyedNFAState,
      event: EventRecord,
      timestamp: number,
      config?: Readonly<Record<string, unknown>>,
    ) => nfa.process(state, event, timestamp, config),
    advanceTime: (state: KeyedNFAState, timestamp: number) => nfa.advanceTime(state, timestamp),
    isEmpty: isNFAStateEmpty,
  };
}

/** Names → indices, conditions → evaluators: the runtime form of the compiler's states. */
function toDefinition(compiled: CompiledStates, conditions: ConditionCompiler): NFADefinition {
  const index = new Map(compiled.states.map((state, i) => [state, i]));
  const pageNames: string[] = [];
  const pageIndex = new Map<string, number>();
  const pageOf = (name: string): number => {
    let i = pageIndex.get(name);
    if (i === undefined) {
      i = pageNames.length;
      pageNames.push(name);
      pageIndex.set(name, i);
    }
    return i;
  };
  const states: RuntimeState[] = compiled.states.map((state, i) => ({
    index: i,
    name: state.name,
    stageIndex: pageOf(compiled.originalNames.get(state) ?? state.name),
    type: state.stateType,
    isStart: state.isStart(),
    isFinal: state.isFinal(),
    isStop: state.isStop(),
    isPending: state.isPending(),
    transitions: state.stateTransitions.map((t) => ({
      action: t.action === "TAKE" ? TAKE : t.action === "IGNORE" ? IGNORE : PROCEED,
      target: index.get(t.targetState) as number,
      source: i,
      condition: t.condition === null ? null : conditions.compile(t.condition),
    })),
    windowTime: compiled.windowTimes.get(state.name) ?? 0,
  }));
  return {
    states,
    startStates: states.filter((s) => s.isStart).map((s) => s.index),
    windowTime: compiled.windowTime,
    pageNames,
  };
}
