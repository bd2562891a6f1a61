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
import { compileStates } from "./compiler/nfaCompiler.ts";
import { ConditionCompiler } from "./conditions/compileCondition.ts";
import { NFA } from "./nfa.ts";
import { toDefinition } from "./runtimeDefinition.ts";
import { EventExplainer } from "./explain/eventExplainer.ts";
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
  const skipSpec = options.afterMatchSkipStrategy ?? graph.afterMatchStrategy;
  const skip = createSkipStrategy(skipSpec);
  const maxPartialMatches = options.maxPartialMatches ?? DEFAULT_MAX_PARTIAL_MATCHES;
  const nfa = new NFA(definition, skip, {
    maxPartialMatches,
    onWarning: options.onWarning,
    handleTimeout: options.handleTimeout ?? true,
  });
  // Start runs are immutable, so every key's fresh state can share them.
  const startRuns = definition.startStates.map((s) => createStartState(s));
  const windowTime = definition.windowTime > 0 ? definition.windowTime : null;
  const inspector = nfa.inspector();
  // Built on the first explain only: a second NFA over the same compiled states, with tracing.
  let explainer: EventExplainer | null = null;

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
    inspect: (state: KeyedNFAState) => inspector.inspect(state),
    countByStage: (state: KeyedNFAState, into: Map<string, number>) => {
      inspector.countByStage(state, into);
    },
    explain: (
      state: KeyedNFAState,
      event: EventRecord,
      timestamp: number,
      config?: Readonly<Record<string, unknown>>,
    ) => {
      explainer ??= new EventExplainer(
        compiled,
        options.bindings ?? {},
        skipSpec,
        maxPartialMatches,
        options.handleTimeout ?? true,
      );
      return explainer.explain(state, event, timestamp, config);
    },
  };
}
