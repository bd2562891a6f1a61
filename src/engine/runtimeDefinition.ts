/**
 * The runtime form of the compiler's states (Flink's `NFAFactoryImpl` after compilation): names
 * become indices and conditions evaluators, so the NFA's hot path compares integers.
 */
import type { CompiledStates } from "./compiler/nfaCompiler.ts";
import type { ConditionCompiler } from "./conditions/compileCondition.ts";
import { IGNORE, PROCEED, TAKE, type NFADefinition, type RuntimeState } from "./nfaDefinition.ts";

/** Names → indices, conditions → evaluators: the runtime form of the compiler's states. */
export function toDefinition(compiled: CompiledStates, conditions: ConditionCompiler): NFADefinition {
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
