/**
 * Port of Flink's `org.apache.flink.cep.nfa.compiler.NFACompiler.NFAFactoryCompiler`: builds the
 * NFA's states backwards from the Final state — ending state, middle states, start state — with
 * TAKE / IGNORE / PROCEED transitions, NOT patterns as Stop/Pending states, times and looping
 * states, greedy and until handling, and group patterns expanded inline.
 *
 * Method names and order follow Flink's so the two can be read side by side; the comments say
 * why where Flink's behaviour is surprising. The pattern-level checks Flink throws from here
 * (name uniqueness, skip strategy, window times, notFollowedBy at the end) run earlier in
 * `validatePattern`; this file only guards what it cannot build.
 */
import { MalformedPatternError } from "../api.ts";
import { hasProperty, isGroupPattern, type FlinkPattern, type FlinkTimes } from "./flinkPattern.ts";
import { TRUE_CONDITION, richAnd, richNot, type IterativeCondition } from "./iterativeCondition.ts";
import { NFAStateNameHandler, State, type StateType } from "./state.ts";

/** `NFACompiler.ENDING_STATE_NAME`. */
export const ENDING_STATE_NAME = "$endState$";

/** What the compiler hands the NFA: Flink's `NFAFactoryImpl` fields. */
export interface CompiledStates {
  readonly states: readonly State[];
  /** `windowTime`: the smallest FIRST_AND_LAST window in ms, 0 when none. */
  readonly windowTime: number;
  /** `windowTimes`: internal state name → PREVIOUS_AND_CURRENT / times window in ms. */
  readonly windowTimes: ReadonlyMap<string, number>;
  /** The user's stage name of every state (Flink derives it from the internal name). */
  readonly originalNames: ReadonlyMap<State, string>;
}

/** `NFACompiler.compileFactory(pattern)`. */
export function compileStates(lastPattern: FlinkPattern): CompiledStates {
  const compiler = new NFAFactoryCompiler(lastPattern);
  compiler.compileFactory();
  return compiler.result();
}

interface NotCondition {
  readonly condition: IterativeCondition;
  readonly name: string;
}

class NFAFactoryCompiler {
  private readonly stateNameHandler = new NFAStateNameHandler();
  private readonly stopStates = new Map<string, State>();
  private readonly states: State[] = [];
  private readonly windowTimes = new Map<string, number>();
  private readonly originalNames = new Map<State, string>();
  private windowTime: number | null = null;
  private currentGroupPattern: FlinkPattern | null = null;
  private readonly firstOfLoopMap = new Map<FlinkPattern, boolean>();
  private currentPattern: FlinkPattern;
  private followingPattern: FlinkPattern | null = null;
  private readonly originalStateMap = new Map<string, State>();

  constructor(pattern: FlinkPattern) {
    this.currentPattern = pattern;
  }

  result(): CompiledStates {
    return {
      states: this.states,
      windowTime: this.getWindowTime(),
      windowTimes: this.windowTimes,
      originalNames: this.originalNames,
    };
  }

  compileFactory(): void {
    const lastPattern = this.currentPattern;
    let sinkState = this.createEndingState();
    sinkState = this.createMiddleStates(sinkState);
    this.createStartState(sinkState);
    const lastWindow = this.windowTimes.get(lastPattern.name) ?? 0;
    if (lastPattern.quantifier.consumingStrategy === "NOT_FOLLOW" && lastWindow <= 0 && this.getWindowTime() === 0) {
      throw this.malformed(
        lastPattern,
        "NotFollowedBy is not supported without windowTime as a last part of a Pattern!",
      );
    }
  }

  private getWindowTime(): number {
    return this.windowTime ?? 0;
  }

  /**
   * NOT conditions that still apply to the current pattern: those of `notFollowedBy` patterns
   * reachable backwards through optional or NOT patterns.
   */
  private getCurrentNotCondition(): NotCondition[] {
    const notConditions: NotCondition[] = [];
    let previousPattern = this.currentPattern;
    while (
      previousPattern.previous !== null &&
      (hasProperty(previousPattern.previous, "OPTIONAL") ||
        previousPattern.previous.quantifier.consumingStrategy === "NOT_FOLLOW")
    ) {
      previousPattern = previousPattern.previous;
      if (previousPattern.quantifier.consumingStrategy === "NOT_FOLLOW") {
        notConditions.push({ condition: this.getTakeCondition(previousPattern), name: previousPattern.name });
      }
    }
    return notConditions;
  }

  private createEndingState(): State {
    const endState = this.createNamedState(ENDING_STATE_NAME, "Final", ENDING_STATE_NAME);
    this.windowTime = this.currentPattern.windowFirstAndLast;
    return endState;
  }

  private createMiddleStates(sinkState: State): State {
    let lastSink = sinkState;
    while (this.currentPattern.previous !== null) {
      const strategy = this.currentPattern.quantifier.consumingStrategy;
      if (strategy === "NOT_FOLLOW") {
        // A notFollowedBy in the middle becomes conditions on its neighbours' edges; at the end
        // (with a window) it is a Pending state that advanceTime releases.
        if (
          (this.currentPattern.windowPreviousAndCurrent !== null || this.getWindowTime() > 0) &&
          lastSink.isFinal()
        ) {
          const notFollow = this.createState("Pending", true);
          const notCondition = this.getTakeCondition(this.currentPattern);
          const stopState = this.createStopState(notCondition, this.currentPattern.name);
          notFollow.addProceed(stopState, notCondition);
          notFollow.addIgnore(richNot(notCondition));
          lastSink = notFollow;
        }
      } else if (strategy === "NOT_NEXT") {
        const notNext = this.createState("Normal", true);
        const notCondition = this.getTakeCondition(this.currentPattern);
        const stopState = this.createStopState(notCondition, this.currentPattern.name);
        if (lastSink.isFinal()) {
          // so that the proceed to final is not fired
          notNext.addIgnore(richNot(notCondition), lastSink);
        } else {
          notNext.addProceed(lastSink, richNot(notCondition));
        }
        notNext.addProceed(stopState, notCondition);
        lastSink = notNext;
      } else {
        lastSink = this.convertPattern(lastSink);
      }

      this.followingPattern = this.currentPattern;
      this.currentPattern = this.currentPattern.previous;
      const window = this.currentPattern.windowFirstAndLast;
      if (window !== null && window < (this.windowTime ?? Number.MAX_SAFE_INTEGER)) this.windowTime = window;
    }
    return lastSink;
  }

  private createStartState(sinkState: State): State {
    const beginningState = this.convertPattern(sinkState);
    beginningState.makeStart();
    return beginningState;
  }

  private convertPattern(sinkState: State): State {
    let lastSink: State;
    const times = this.currentPattern.times;
    if (hasProperty(this.currentPattern, "LOOPING")) {
      this.setCurrentGroupPatternFirstOfLoop(false);
      const sink = this.copyWithoutTransitiveNots(sinkState);
      const looping = this.createLooping(sink);
      this.setCurrentGroupPatternFirstOfLoop(true);
      lastSink = this.createTimesState(looping, sinkState, requireTimes(this.currentPattern, times));
    } else if (hasProperty(this.currentPattern, "TIMES")) {
      lastSink = this.createTimesState(sinkState, sinkState, requireTimes(this.currentPattern, times));
    } else {
      lastSink = this.createSingletonState(sinkState);
    }
    this.addStopStates(lastSink);
    return lastSink;
  }

  /**
   * `createState(stateType, isTake)`: a state of the current pattern. States that take events
   * get the pattern's per-event window: PREVIOUS_AND_CURRENT for single patterns, the times
   * window for the `name:n` states of times/looping patterns.
   */
  private createState(stateType: StateType, isTake: boolean): State {
    const pattern = this.currentPattern;
    const state = this.createNamedState(pattern.name, stateType, this.originalNameOf(pattern));
    if (isTake) {
      const times = pattern.times;
      if (times === null) {
        if (pattern.windowPreviousAndCurrent !== null) this.windowTimes.set(state.name, pattern.windowPreviousAndCurrent);
      } else if (state.name !== pattern.name && times.windowTime !== null) {
        // Flink tests `name.contains(":")`: only the generated iteration states are windowed.
        this.windowTimes.set(state.name, times.windowTime);
      }
    }
    return state;
  }

  /** `createState(name, stateType)`: a uniquely named state, registered with the NFA. */
  private createNamedState(name: string, stateType: StateType, originalName: string): State {
    const state = new State(this.stateNameHandler.getUniqueInternalName(name), stateType);
    this.states.push(state);
    this.originalNames.set(state, originalName);
    return state;
  }

  private createStopState(notCondition: IterativeCondition, name: string): State {
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
  private copyWithoutTransitiveNots(sinkState: State): State {
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

  private copy(state: State): State {
    const copyOfState = this.createNamedState(this.originalOf(state), state.stateType, this.originalOf(state));
    for (const transition of state.stateTransitions) {
      copyOfState.addStateTransition(
        transition.action,
        transition.targetState === transition.sourceState ? copyOfState : transition.targetState,
        transition.condition,
      );
    }
    return copyOfState;
  }

  private addStopStates(state: State): void {
    for (const notCondition of this.getCurrentNotCondition()) {
      const stopState = this.createStopState(notCondition.condition, notCondition.name);
      state.addProceed(stopState, notCondition.condition);
    }
  }

  private addStopStateToLooping(loopingState: State): void {
    const following = this.followingPattern;
    if (following !== null && following.quantifier.consumingStrategy === "NOT_FOLLOW") {
      const notCondition = this.getTakeCondition(following);
      const stopState = this.createStopState(notCondition, following.name);
      loopingState.addProceed(stopState, notCondition);
    }
  }

  /**
   * A chain of single states for `times(from, to)`: `to - from` optional ones (each may proceed
   * to `proceedState`), then `from - 1` mandatory ones, then the first.
   */
  private createTimesState(sinkState: State, proceedState: State, times: FlinkTimes): State {
    let lastSink = sinkState;
    this.setCurrentGroupPatternFirstOfLoop(false);
    const untilCondition = this.currentPattern.untilCondition;
    const innerIgnoreCondition = extendWithUntilCondition(
      this.getInnerIgnoreCondition(this.currentPattern),
      untilCondition,
      false,
    );
    const takeCondition = extendWithUntilCondition(this.getTakeCondition(this.currentPattern), untilCondition, true);

    if (hasProperty(this.currentPattern, "GREEDY") && times.from !== times.to) {
      if (untilCondition !== null) {
        const sinkStateCopy = this.copy(sinkState);
        this.originalStateMap.set(sinkState.name, sinkStateCopy);
      }
      updateWithGreedyCondition(sinkState, takeCondition);
    }

    for (let i = times.from; i < times.to; i++) {
      lastSink = this.createSingletonStateFull(lastSink, proceedState, takeCondition, innerIgnoreCondition, true);
      this.addStopStateToLooping(lastSink);
    }
    for (let i = 0; i < times.from - 1; i++) {
      lastSink = this.createSingletonStateFull(lastSink, null, takeCondition, innerIgnoreCondition, false);
      this.addStopStateToLooping(lastSink);
    }

    this.setCurrentGroupPatternFirstOfLoop(true);
    return this.createSingletonStateFull(
      lastSink,
      proceedState,
      takeCondition,
      this.getIgnoreCondition(this.currentPattern),
      hasProperty(this.currentPattern, "OPTIONAL"),
    );
  }

  private setCurrentGroupPatternFirstOfLoop(isFirstOfLoop: boolean): void {
    if (isGroupPattern(this.currentPattern)) this.firstOfLoopMap.set(this.currentPattern, isFirstOfLoop);
  }

  private isCurrentGroupPatternFirstOfLoop(): boolean {
    const group = this.currentGroupPattern;
    return group === null ? true : (this.firstOfLoopMap.get(group) ?? true);
  }

  private headOfGroup(pattern: FlinkPattern): boolean {
    return this.currentGroupPattern !== null && pattern.previous === null;
  }

  private isHeadOfOptionalGroupPattern(pattern: FlinkPattern): boolean {
    if (!this.headOfGroup(pattern)) return false;
    const group = this.currentGroupPattern;
    return this.isCurrentGroupPatternFirstOfLoop() && group !== null && hasProperty(group, "OPTIONAL");
  }

  private createSingletonState(sinkState: State): State {
    return this.createSingletonStateFull(
      sinkState,
      sinkState,
      this.getTakeCondition(this.currentPattern),
      this.getIgnoreCondition(this.currentPattern),
      hasProperty(this.currentPattern, "OPTIONAL"),
    );
  }

  /**
   * `createSingletonState(sink, proceed, take, ignore, isOptional)`: one state that takes one
   * event. An optional one proceeds to `proceedState`; one that may skip events gets an ignore
   * state without the proceed, so each proceed branch is created only once.
   */
  private createSingletonStateFull(
    sinkState: State,
    proceedState: State | null,
    takeCondition: IterativeCondition,
    ignoreCondition: IterativeCondition | null,
    isOptional: boolean,
  ): State {
    if (isGroupPattern(this.currentPattern)) {
      return this.createGroupPatternState(this.currentPattern, sinkState, proceedState, isOptional);
    }
    const singletonState = this.createState("Normal", true);
    // if event is accepted then all notPatterns previous to the optional states are no longer valid
    const sink = this.copyWithoutTransitiveNots(sinkState);
    singletonState.addTake(takeCondition, sink);

    // if no element accepted the previous nots are still valid.
    const proceedCondition = this.getTrueFunction();
    if (isOptional) {
      const proceed = requireState(this.currentPattern, proceedState);
      if (hasProperty(this.currentPattern, "GREEDY")) {
        const untilCondition = this.currentPattern.untilCondition;
        if (untilCondition !== null) {
          const original = this.originalStateMap.get(proceed.name);
          singletonState.addProceed(requireState(this.currentPattern, original ?? null), richAnd(proceedCondition, untilCondition));
        }
        singletonState.addProceed(
          proceed,
          untilCondition !== null ? richAnd(proceedCondition, richNot(untilCondition)) : proceedCondition,
        );
      } else {
        singletonState.addProceed(proceed, proceedCondition);
      }
    }

    if (ignoreCondition !== null) {
      let ignoreState: State;
      if (isOptional || this.isHeadOfOptionalGroupPattern(this.currentPattern)) {
        ignoreState = this.createState("Normal", false);
        ignoreState.addTake(takeCondition, sink);
        ignoreState.addIgnore(ignoreCondition);
        this.addStopStates(ignoreState);
      } else {
        ignoreState = singletonState;
      }
      singletonState.addIgnore(ignoreCondition, ignoreState);
    }
    return singletonState;
  }

  private createGroupPatternState(
    groupPattern: FlinkPattern,
    sinkState: State,
    proceedState: State | null,
    isOptional: boolean,
  ): State {
    const proceedCondition = this.getTrueFunction();
    const oldCurrentPattern = this.currentPattern;
    const oldFollowingPattern = this.followingPattern;
    const oldGroupPattern = this.currentGroupPattern;

    let lastSink = sinkState;
    this.currentGroupPattern = groupPattern;
    this.currentPattern = requireRaw(groupPattern);
    lastSink = this.createMiddleStates(lastSink);
    lastSink = this.convertPattern(lastSink);
    if (isOptional) lastSink.addProceed(requireState(groupPattern, proceedState), proceedCondition);

    this.currentPattern = oldCurrentPattern;
    this.followingPattern = oldFollowingPattern;
    this.currentGroupPattern = oldGroupPattern;
    return lastSink;
  }

  private createLoopingGroupPatternState(groupPattern: FlinkPattern, sinkState: State): State {
    const proceedCondition = this.getTrueFunction();
    const oldCurrentPattern = this.currentPattern;
    const oldFollowingPattern = this.followingPattern;
    const oldGroupPattern = this.currentGroupPattern;

    const dummyState = this.createState("Normal", true);
    let lastSink = dummyState;
    this.currentGroupPattern = groupPattern;
    this.currentPattern = requireRaw(groupPattern);
    lastSink = this.createMiddleStates(lastSink);
    lastSink = this.convertPattern(lastSink);
    lastSink.addProceed(sinkState, proceedCondition);
    dummyState.addProceed(lastSink, proceedCondition);

    this.currentPattern = oldCurrentPattern;
    this.followingPattern = oldFollowingPattern;
    this.currentGroupPattern = oldGroupPattern;
    return lastSink;
  }

  /**
   * `createLooping`: a state that TAKEs in a self-loop and PROCEEDs to `sinkState`, plus an
   * ignore state (without the proceed) when events may be skipped between iterations.
   */
  private createLooping(sinkState: State): State {
    if (isGroupPattern(this.currentPattern)) {
      return this.createLoopingGroupPatternState(this.currentPattern, sinkState);
    }
    const untilCondition = this.currentPattern.untilCondition;
    const ignoreCondition = extendWithUntilCondition(
      this.getInnerIgnoreCondition(this.currentPattern),
      untilCondition,
      false,
    );
    const takeCondition = extendWithUntilCondition(this.getTakeCondition(this.currentPattern), untilCondition, true);
    const proceedCondition = this.getTrueFunction();
    const loopingState = this.createState("Normal", true);

    if (hasProperty(this.currentPattern, "GREEDY")) {
      if (untilCondition !== null) {
        const sinkStateCopy = this.copy(sinkState);
        loopingState.addProceed(sinkStateCopy, richAnd(proceedCondition, untilCondition));
        this.originalStateMap.set(sinkState.name, sinkStateCopy);
      }
      loopingState.addProceed(
        sinkState,
        untilCondition !== null ? richAnd(proceedCondition, richNot(untilCondition)) : proceedCondition,
      );
      updateWithGreedyCondition(sinkState, this.getTakeCondition(this.currentPattern));
    } else {
      loopingState.addProceed(sinkState, proceedCondition);
    }
    loopingState.addTake(takeCondition);
    this.addStopStateToLooping(loopingState);

    if (ignoreCondition !== null) {
      const ignoreState = this.createState("Normal", false);
      ignoreState.addTake(takeCondition, loopingState);
      ignoreState.addIgnore(ignoreCondition);
      loopingState.addIgnore(ignoreCondition, ignoreState);
      this.addStopStateToLooping(ignoreState);
    }
    return loopingState;
  }

  /** Ignore condition between iterations (the quantifier's inner strategy). */
  private getInnerIgnoreCondition(pattern: FlinkPattern): IterativeCondition | null {
    let consumingStrategy = pattern.quantifier.innerConsumingStrategy;
    const group = this.currentGroupPattern;
    if (this.headOfGroup(pattern) && group) consumingStrategy = group.quantifier.innerConsumingStrategy;
    let innerIgnoreCondition = ignoreConditionFor(consumingStrategy, pattern);
    if (group?.untilCondition) {
      innerIgnoreCondition = extendWithUntilCondition(innerIgnoreCondition, group.untilCondition, false);
    }
    return innerIgnoreCondition;
  }

  /** Ignore condition before the first event (the edge's strategy; a group's for its head). */
  private getIgnoreCondition(pattern: FlinkPattern): IterativeCondition | null {
    let consumingStrategy: string = pattern.quantifier.consumingStrategy;
    const group = this.currentGroupPattern;
    if (this.headOfGroup(pattern) && group) {
      consumingStrategy = this.isCurrentGroupPatternFirstOfLoop()
        ? group.quantifier.consumingStrategy
        : group.quantifier.innerConsumingStrategy;
    }
    let ignoreCondition = ignoreConditionFor(consumingStrategy, pattern);
    if (group?.untilCondition) {
      ignoreCondition = extendWithUntilCondition(ignoreCondition, group.untilCondition, false);
    }
    return ignoreCondition;
  }

  private getTakeCondition(pattern: FlinkPattern): IterativeCondition {
    const group = this.currentGroupPattern;
    const takeCondition = pattern.condition;
    if (group?.untilCondition) {
      return extendWithUntilCondition(takeCondition, group.untilCondition, true) ?? takeCondition;
    }
    return takeCondition;
  }

  private getTrueFunction(): IterativeCondition {
    const group = this.currentGroupPattern;
    if (group?.untilCondition) {
      return extendWithUntilCondition(TRUE_CONDITION, group.untilCondition, true) ?? TRUE_CONDITION;
    }
    return TRUE_CONDITION;
  }

  private originalNameOf(pattern: FlinkPattern): string {
    return pattern.name;
  }

  private originalOf(state: State): string {
    return this.originalNames.get(state) ?? NFAStateNameHandler.getOriginalNameFromInternal(state.name);
  }

  private malformed(pattern: FlinkPattern, message: string): MalformedPatternError {
    return new MalformedPatternError([
      { severity: "error", stage: pattern.displayName, path: pattern.path, message: `stage '${pattern.displayName}': ${message}` },
    ]);
  }
}

function ignoreConditionFor(consumingStrategy: string, pattern: FlinkPattern): IterativeCondition | null {
  switch (consumingStrategy) {
    case "SKIP_TILL_NEXT":
      return richNot(pattern.condition);
    case "SKIP_TILL_ANY":
      return TRUE_CONDITION;
    default:
      // STRICT ignores nothing; Flink's switch leaves NOT strategies without an ignore too.
      return null;
  }
}

function extendWithUntilCondition(
  condition: IterativeCondition | null,
  untilCondition: IterativeCondition | null,
  isTakeCondition: boolean,
): IterativeCondition | null;
function extendWithUntilCondition(
  condition: IterativeCondition,
  untilCondition: IterativeCondition | null,
  isTakeCondition: true,
): IterativeCondition;
function extendWithUntilCondition(
  condition: IterativeCondition | null,
  untilCondition: IterativeCondition | null,
  isTakeCondition: boolean,
): IterativeCondition | null {
  if (untilCondition !== null && condition !== null) return richAnd(richNot(untilCondition), condition);
  if (untilCondition !== null && isTakeCondition) return richNot(untilCondition);
  return condition;
}

/** Greedy: every transition out of the next state also requires that the loop could not take the event. */
function updateWithGreedyCondition(state: State, takeCondition: IterativeCondition): void {
  for (const transition of state.stateTransitions) {
    transition.condition = richAnd(transition.condition ?? TRUE_CONDITION, richNot(takeCondition));
  }
}

function requireTimes(pattern: FlinkPattern, times: FlinkTimes | null): FlinkTimes {
  if (times === null) throw internalError(pattern, "a LOOPING or TIMES stage needs times");
  return times;
}

function requireRaw(pattern: FlinkPattern): FlinkPattern {
  if (pattern.rawPattern === null) throw internalError(pattern, "not a group pattern");
  return pattern.rawPattern;
}

function requireState(pattern: FlinkPattern, state: State | null): State {
  if (state === null) throw internalError(pattern, "NFACompiler lost a proceed target");
  return state;
}

function internalError(pattern: FlinkPattern, message: string): MalformedPatternError {
  return new MalformedPatternError([
    {
      severity: "error",
      stage: pattern.displayName,
      path: pattern.path,
      message: `stage '${pattern.displayName}': ${message}`,
    },
  ]);
}
