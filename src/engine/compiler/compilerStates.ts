/**
 * The state registry of Flink's `NFACompiler.NFAFactoryCompiler`: creating uniquely named states
 * (recording the window each one enforces), the Stop states of NOT patterns and the copies
 * optional patterns need so that taking an event cancels earlier notFollowedBy conditions.
 * `nfaCompiler.ts` builds the pattern's shape with these.
 */
import { MalformedPatternError } from "../api.ts";
import { CompilerConditions } from "./compilerConditions.ts";
import { hasProperty, type FlinkPattern } from "./flinkPattern.ts";
import type { IterativeCondition } from "./iterativeCondition.ts";
import { NFAStateNameHandler, State, type StateType } from "./state.ts";

export abstract class CompilerStates extends CompilerConditions {
  private readonly stateNameHandler = new NFAStateNameHandler();
  private readonly stopStates = new Map<string, State>();
  protected readonly states: State[] = [];
  protected readonly windowTimes = new Map<string, number>();
  protected readonly originalNames = new Map<State, string>();

  /**
   * `createState(stateType, isTake)`: a state of the current pattern. States that take events
   * get the pattern's per-event window: PREVIOUS_AND_CURRENT for single patterns, the times
   * window for the `name:n` states of times/looping patterns.
   */
  protected createState(stateType: StateType, isTake: boolean): State {
    const pattern = this.currentPattern;
    const state = this.createNamedState(pattern.name, stateType, this.originalNameOf(pattern));
    if (isTake) {
      const times = pattern.times;
      if (times === null) {
        if (pattern.windowPreviousAndCurrent !== null)
          this.windowTimes.set(state.name, pattern.windowPreviousAndCurrent);
      } else if (state.name.includes(":") && times.windowTime !== null) {
        // Flink's test, `name.contains(":")`: the generated iteration states (`name:1`, …) are
        // windowed, and so is every state of a stage whose own name holds a ':'.
        this.windowTimes.set(state.name, times.windowTime);
      }
    }
    return state;
  }

  /** `createState(name, stateType)`: a uniquely named state, registered with the NFA. */
  protected createNamedState(name: string, stateType: StateType, originalName: string): State {
    const state = new State(this.stateNameHandler.getUniqueInternalName(name), stateType);
    this.states.push(state);
    this.originalNames.set(state, originalName);
    return state;
  }

  protected createStopState(notCondition: IterativeCondition, name: string): State {
    let stopState = this.stopStates.get(name);
    if (!stopState) {
      stopState = this.createNamedState(name, "Stop", name);
      stopState.addTake(notCondition);
      this.stopStates.set(name, stopState);
    }
    return stopState;
  }

  /**
   * Copies `sinkState` without the transitions into the current NOT conditions' Stop states,
   * for an optional pattern: taking an event in it cancels the earlier notFollowedBy, e.g.
   * `begin("a").notFollowedBy("b").followedBy("c").optional().followedBy("d")` matches
   * `a c b d` but not `a b d`.
   */
  protected copyWithoutTransitiveNots(sinkState: State): State {
    const currentNotCondition = this.getCurrentNotCondition();
    if (currentNotCondition.length === 0 || !hasProperty(this.currentPattern, "OPTIONAL")) return sinkState;
    const copyOfSink = this.createNamedState(sinkState.name, sinkState.stateType, this.originalOf(sinkState));
    for (const transition of sinkState.stateTransitions) {
      if (transition.action === "PROCEED") {
        let targetState = transition.targetState;
        let remove = false;
        if (targetState.isStop()) {
          for (const notCondition of currentNotCondition) {
            if (targetState.name === notCondition.name) remove = true;
          }
        } else {
          targetState = this.copyWithoutTransitiveNots(transition.targetState);
        }
        if (!remove) copyOfSink.addStateTransition(transition.action, targetState, transition.condition);
      } else {
        copyOfSink.addStateTransition(
          transition.action,
          transition.targetState === transition.sourceState ? copyOfSink : transition.targetState,
          transition.condition,
        );
      }
    }
    return copyOfSink;
  }

  protected copy(state: State): State {
    const copyOfState = this.createNamedState(
      this.originalOf(state),
      state.stateType,
      this.originalOf(state),
    );
    for (const transition of state.stateTransitions) {
      copyOfState.addStateTransition(
        transition.action,
        transition.targetState === transition.sourceState ? copyOfState : transition.targetState,
        transition.condition,
      );
    }
    return copyOfState;
  }

  protected addStopStates(state: State): void {
    for (const notCondition of this.getCurrentNotCondition()) {
      const stopState = this.createStopState(notCondition.condition, notCondition.name);
      state.addProceed(stopState, notCondition.condition);
    }
  }

  protected addStopStateToLooping(loopingState: State): void {
    const following = this.followingPattern;
    if (following !== null && following.quantifier.consumingStrategy === "NOT_FOLLOW") {
      const notCondition = this.getTakeCondition(following);
      const stopState = this.createStopState(notCondition, following.name);
      loopingState.addProceed(stopState, notCondition);
    }
  }

  /** The user's stage name for `pattern`'s states: a group's node name, not Flink's "GroupPattern". */
  protected originalNameOf(pattern: FlinkPattern): string {
    return pattern.displayName;
  }

  protected originalOf(state: State): string {
    return this.originalNames.get(state) ?? NFAStateNameHandler.getOriginalNameFromInternal(state.name);
  }
}

/** A MalformedPatternError about `pattern`'s stage. */
export function stageError(pattern: FlinkPattern, message: string): MalformedPatternError {
  return new MalformedPatternError([
    {
      severity: "error",
      stage: pattern.displayName,
      path: pattern.path,
      message: `stage '${pattern.displayName}': ${message}`,
    },
  ]);
}
