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
import { extendWithUntilCondition, updateWithGreedyCondition } from "./compilerConditions.ts";
import { CompilerStates, stageError } from "./compilerStates.ts";
import { hasProperty, isGroupPattern, type FlinkPattern, type FlinkTimes } from "./flinkPattern.ts";
import { richAnd, richNot, type IterativeCondition } from "./iterativeCondition.ts";
import type { State } from "./state.ts";

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

class NFAFactoryCompiler extends CompilerStates {
  private windowTime: number | null = null;
  private readonly originalStateMap = new Map<string, State>();

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
    if (
      lastPattern.quantifier.consumingStrategy === "NOT_FOLLOW" &&
      lastWindow <= 0 &&
      this.getWindowTime() === 0
    ) {
      throw stageError(
        lastPattern,
        "NotFollowedBy is not supported without windowTime as a last part of a Pattern!",
      );
    }
  }

  private getWindowTime(): number {
    return this.windowTime ?? 0;
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
    const takeCondition = extendWithUntilCondition(
      this.getTakeCondition(this.currentPattern),
      untilCondition,
      true,
    );

    if (hasProperty(this.currentPattern, "GREEDY") && times.from !== times.to) {
      if (untilCondition !== null) {
        const sinkStateCopy = this.copy(sinkState);
        this.originalStateMap.set(sinkState.name, sinkStateCopy);
      }
      updateWithGreedyCondition(sinkState, takeCondition);
    }

    for (let i = times.from; i < times.to; i++) {
      lastSink = this.createSingletonStateFull(
        lastSink,
        proceedState,
        takeCondition,
        innerIgnoreCondition,
        true,
      );
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
          singletonState.addProceed(
            requireState(this.currentPattern, original ?? null),
            richAnd(proceedCondition, untilCondition),
          );
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
    const takeCondition = extendWithUntilCondition(
      this.getTakeCondition(this.currentPattern),
      untilCondition,
      true,
    );
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
}

function requireTimes(pattern: FlinkPattern, times: FlinkTimes | null): FlinkTimes {
  if (times === null) throw stageError(pattern, "a LOOPING or TIMES stage needs times");
  return times;
}

function requireRaw(pattern: FlinkPattern): FlinkPattern {
  if (pattern.rawPattern === null) throw stageError(pattern, "not a group pattern");
  return pattern.rawPattern;
}

function requireState(pattern: FlinkPattern, state: State | null): State {
  if (state === null) throw stageError(pattern, "NFACompiler lost a proceed target");
  return state;
}
