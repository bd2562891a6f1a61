/**
 * `CompiledNFA.explain`: replays one event on a copy of a key's state with a tracing NFA — the
 * same compiled graph and the same `NFA` code as normal processing, with conditions that report
 * each evaluation — and returns what happened as an {@link EventExplanation}. The key's state is
 * never touched.
 */
import type { AfterMatchSkipStrategy as SkipSpec, ConditionBindings } from "../../model/pattern.ts";
import type { EventRecord, Match } from "../api.ts";
import { createSkipStrategy } from "../aftermatch/afterMatchSkipStrategy.ts";
import type { CompiledStates } from "../compiler/nfaCompiler.ts";
import { ConditionCompiler } from "../conditions/compileCondition.ts";
import { ConditionError } from "../conditions/conditionError.ts";
import type { ComputationState } from "../computationState.ts";
import { PartialMatchInspector, type PartialMatchView } from "../inspect/partialMatchView.ts";
import { NFA } from "../nfa.ts";
import type { RuntimeTransition } from "../nfaDefinition.ts";
import { cloneNFAState, type KeyedNFAState } from "../nfaState.ts";
import { toDefinition } from "../runtimeDefinition.ts";
import { SharedBufferAccessor } from "../sharedBuffer/sharedBufferAccessor.ts";
import { transitionConditionText } from "./conditionText.ts";
import type { EventExplanation, MatchView } from "./explanation.ts";
import { ExplanationRecorder, tracedStates } from "./explanationRecorder.ts";

export class EventExplainer {
  private readonly nfa: NFA;
  private readonly recorder: ExplanationRecorder;
  private readonly inspector: PartialMatchInspector;
  private readonly windowTime: number | null;

  constructor(
    compiled: CompiledStates,
    bindings: ConditionBindings,
    private readonly skip: SkipSpec,
    maxPartialMatches: number,
    /** The compiled NFA's `handleTimeout`: without it `advanceTime` reports no timeouts, nor does this. */
    handleTimeout = true,
  ) {
    // The recorder must exist before the conditions that report to it: bind it late.
    let recorder: ExplanationRecorder | null = null;
    const definition = toDefinition(
      compiled,
      new ConditionCompiler(bindings, {
        evaluated: (stage, condition, path, result) => {
          recorder?.evaluated(stage, condition, path, result);
        },
      }),
    );
    const texts = new Map<RuntimeTransition, string | null>();
    definition.states.forEach((state, i) => {
      const source = compiled.states[i];
      state.transitions.forEach((transition, t) => {
        texts.set(transition, transitionConditionText(source?.stateTransitions[t]?.condition ?? null));
      });
    });
    recorder = new ExplanationRecorder(
      tracedStates(definition.states, definition.pageNames),
      texts,
      definition.pageNames,
    );
    this.recorder = recorder;
    this.nfa = new NFA(
      definition,
      createSkipStrategy(skip),
      { maxPartialMatches, onWarning: undefined, handleTimeout },
      recorder,
    );
    this.inspector = new PartialMatchInspector(
      definition.states,
      definition.pageNames,
      new SharedBufferAccessor(definition.pageNames),
    );
    this.windowTime = definition.windowTime > 0 ? definition.windowTime : null;
  }

  /** What `advanceTime(timestamp)` then `process(event, timestamp)` would do to `state` (left unchanged). */
  explain(
    state: KeyedNFAState,
    event: EventRecord,
    timestamp: number,
    config: Readonly<Record<string, unknown>> | undefined,
  ): EventExplanation {
    const copy = cloneNFAState(state);
    const views = new Map<ComputationState, PartialMatchView>();
    for (const run of copy.partialMatches) {
      if (run.startEventId !== null) views.set(run, this.inspector.viewOf(run, false));
    }
    for (const run of copy.completedMatches) views.set(run, this.inspector.viewOf(run, true));
    const recorder = this.recorder;
    recorder.begin(event, timestamp, views);
    const matches: MatchView[] = [];
    const timedOut: { match: MatchView; timestamp: number }[] = [];
    let error: EventExplanation["error"] = null;
    try {
      const advanced = this.nfa.advanceTime(copy, timestamp);
      for (const match of advanced.matches) matches.push(matchView(match));
      for (const t of advanced.timedOut) timedOut.push({ match: matchView(t.match), timestamp: t.timestamp });
      for (const match of this.nfa.process(copy, event, timestamp, config)) matches.push(matchView(match));
    } catch (cause) {
      if (!(cause instanceof ConditionError)) throw cause;
      error = { stage: cause.stage === "" ? null : cause.stage, message: cause.message };
    }
    const live = error === null ? new Set(copy.partialMatches) : null;
    const { runs, pruned, capped } = recorder.finish(new Set(copy.completedMatches), live);
    return {
      event,
      timestamp,
      skipStrategy: this.skip.type,
      windowTime: this.windowTime,
      runs,
      matches,
      timedOut,
      pruned,
      capped,
      error,
    };
  }
}

function matchView(match: Match): MatchView {
  return [...match].map(([stage, events]) => ({ stage, events }));
}
