/**
 * An oracle's own NFACompiler: the state graph Flink's `NFACompiler.NFAFactoryCompiler` builds for
 * a chain of patterns, transcribed method by method from Flink's source (`createMiddleStates`,
 * `convertPattern`, `createTimesState`, `createSingletonState`, `createLooping`,
 * `createGroupPatternState`, `createLoopingGroupPatternState`, `copyWithoutTransitiveNots`,
 * `addStopStates`, `addStopStateToLooping`, `getCurrentNotCondition`; the condition helpers and
 * `createState(type, isTake)` with its `windowTimes` are in `stateGraphCursor.ts`), never from
 * the engine. Conditions are
 * predicates on event positions. It is what judges NOT patterns around loops and optional stages
 * and group patterns with quantifiers, `until` and NOTs inside, where a hand-written reading of
 * the compiler would miss its corners: a `notFollowedBy` stop on every state of a times or
 * looping stage before it, a `notNext` state a loop PROCEEDs into that discards the whole path,
 * copies of states without the NOTs an optional stage cancels, and the outer following pattern
 * a group's last inner stage sees.
 *
 * Left out: `greedy()` (`updateWithGreedyCondition` and the until copy are judged by
 * `quantifiedRuns.ts`) and iterative conditions.
 */
import {
  CompilerCursor,
  extendWithUntil,
  not,
  OracleState,
  TRUE,
  type OraclePattern,
  type Predicate,
} from "./stateGraphCursor.ts";

/** The compiled graph: its start state, `windowTime` and `windowTimes` (by state name). */
export interface StateGraph {
  readonly start: OracleState;
  readonly windowTime: number | null;
  readonly windowTimes: ReadonlyMap<string, number>;
}

/** `NFACompiler.compileFactory` for the chain ending in `last`. */
export function compileStateGraph(last: OraclePattern): StateGraph {
  const compiler = new Compiler(last);
  const start = compiler.compile();
  return { start, windowTime: compiler.windowTime, windowTimes: compiler.windowTimes };
}

class Compiler extends CompilerCursor {
  private readonly stopStates = new Map<string, OracleState>();

  compile(): OracleState {
    const end = this.createState("$endState$", "Final");
    this.windowTime = this.current.firstAndLast;
    const beginning = this.convertPattern(this.createMiddleStates(end));
    beginning.start = true;
    return beginning;
  }

  private createMiddleStates(sink: OracleState): OracleState {
    let last = sink;
    while (this.current.previous !== null) {
      const strategy = this.current.strategy;
      if (strategy === "NOT_FOLLOW") {
        const windowed = this.current.previousAndCurrent !== null || (this.windowTime ?? 0) > 0;
        if (windowed && last.type === "Final") {
          const pending = this.createTakeState("Pending", true);
          const notCondition = this.takeCondition(this.current);
          pending.add("PROCEED", this.createStopState(notCondition, this.current.name), notCondition);
          pending.add("IGNORE", pending, not(notCondition));
          last = pending;
        }
      } else if (strategy === "NOT_NEXT") {
        const notNext = this.createTakeState("Normal", true);
        const notCondition = this.takeCondition(this.current);
        const stop = this.createStopState(notCondition, this.current.name);
        // "so that the proceed to final is not fired"
        notNext.add(last.type === "Final" ? "IGNORE" : "PROCEED", last, not(notCondition));
        notNext.add("PROCEED", stop, notCondition);
        last = notNext;
      } else {
        last = this.convertPattern(last);
      }
      this.following = this.current;
      this.current = this.current.previous;
      const window = this.current.firstAndLast;
      if (window !== null && window < (this.windowTime ?? Number.MAX_SAFE_INTEGER)) this.windowTime = window;
    }
    return last;
  }

  private convertPattern(sink: OracleState): OracleState {
    const { kind, times } = this.current;
    let last: OracleState;
    if (kind === "LOOPING" && times !== null) {
      this.setFirstOfLoop(false);
      const looping = this.createLooping(this.copyWithoutTransitiveNots(sink));
      this.setFirstOfLoop(true);
      last = this.createTimesState(looping, sink, times);
    } else if (kind === "TIMES" && times !== null) {
      last = this.createTimesState(sink, sink, times);
    } else {
      const p = this.current;
      last = this.createSingletonState(
        sink,
        sink,
        this.takeCondition(p),
        this.ignoreCondition(p),
        p.optional,
      );
    }
    this.addStopStates(last);
    return last;
  }

  private createStopState(notCondition: Predicate, name: string): OracleState {
    let stop = this.stopStates.get(name);
    if (stop === undefined) {
      stop = this.createState(name, "Stop");
      stop.add("TAKE", stop, notCondition);
      this.stopStates.set(name, stop);
    }
    return stop;
  }

  /** `getCurrentNotCondition`: the notFollowedBy conditions before the current pattern, through optional ones. */
  private currentNotConditions(): Array<{ readonly condition: Predicate; readonly name: string }> {
    const found: Array<{ condition: Predicate; name: string }> = [];
    let p = this.current;
    while (p.previous !== null && (p.previous.optional || p.previous.strategy === "NOT_FOLLOW")) {
      p = p.previous;
      if (p.strategy === "NOT_FOLLOW") found.push({ condition: this.takeCondition(p), name: p.name });
    }
    return found;
  }

  /** "Accepting an event in optional State discards all not Patterns that were present before it." */
  private copyWithoutTransitiveNots(sink: OracleState): OracleState {
    const nots = this.currentNotConditions();
    if (nots.length === 0 || !this.current.optional) return sink;
    const copy = this.createState(sink.name, sink.type);
    for (const t of sink.transitions) {
      if (t.action === "PROCEED") {
        const removed = t.target.type === "Stop" && nots.some((n) => t.target.name === n.name);
        const target = t.target.type === "Stop" ? t.target : this.copyWithoutTransitiveNots(t.target);
        if (!removed) copy.add(t.action, target, t.condition);
      } else {
        copy.add(t.action, t.target === t.source ? copy : t.target, t.condition);
      }
    }
    return copy;
  }

  private addStopStates(state: OracleState): void {
    for (const { condition, name } of this.currentNotConditions()) {
      state.add("PROCEED", this.createStopState(condition, name), condition);
    }
  }

  private addStopStateToLooping(state: OracleState): void {
    const following = this.following;
    if (following === null || following.strategy !== "NOT_FOLLOW") return;
    const notCondition = this.takeCondition(following);
    state.add("PROCEED", this.createStopState(notCondition, following.name), notCondition);
  }

  private createTimesState(
    sink: OracleState,
    proceed: OracleState,
    times: NonNullable<OraclePattern["times"]>,
  ): OracleState {
    let last = sink;
    this.setFirstOfLoop(false);
    const p = this.current;
    const innerIgnore = extendWithUntil(this.innerIgnoreCondition(p), p.until, false);
    const take = extendWithUntil(this.takeCondition(p), p.until, true) ?? TRUE;
    for (let i = times.from; i < times.to; i++) {
      last = this.createSingletonState(last, proceed, take, innerIgnore, true);
      this.addStopStateToLooping(last);
    }
    for (let i = 0; i < times.from - 1; i++) {
      last = this.createSingletonState(last, null, take, innerIgnore, false);
      this.addStopStateToLooping(last);
    }
    this.setFirstOfLoop(true);
    return this.createSingletonState(last, proceed, take, this.ignoreCondition(p), p.optional);
  }

  private createSingletonState(
    sink: OracleState,
    proceed: OracleState | null,
    take: Predicate,
    ignore: Predicate | null,
    isOptional: boolean,
  ): OracleState {
    if (this.current.raw !== null) return this.createGroupPatternState(sink, proceed, isOptional);
    const single = this.createTakeState("Normal", true);
    const target = this.copyWithoutTransitiveNots(sink);
    single.add("TAKE", target, take);
    if (isOptional && proceed !== null) single.add("PROCEED", proceed, this.trueFunction());
    if (ignore !== null) {
      let ignoreState = single;
      if (isOptional || this.isHeadOfOptionalGroupPattern(this.current)) {
        ignoreState = this.createTakeState("Normal", false);
        ignoreState.add("TAKE", target, take);
        ignoreState.add("IGNORE", ignoreState, ignore);
        this.addStopStates(ignoreState);
      }
      single.add("IGNORE", ignoreState, ignore);
    }
    return single;
  }

  /** Runs `build` on the current group's raw pattern, restoring the compiler's cursor after. */
  private inGroup(build: () => OracleState): OracleState {
    const [current, following, group] = [this.current, this.following, this.currentGroup];
    this.currentGroup = current;
    this.current = current.raw ?? current;
    const first = build();
    [this.current, this.following, this.currentGroup] = [current, following, group];
    return first;
  }

  private createGroupPatternState(
    sink: OracleState,
    proceed: OracleState | null,
    isOptional: boolean,
  ): OracleState {
    const proceedCondition = this.trueFunction();
    return this.inGroup(() => {
      const first = this.convertPattern(this.createMiddleStates(sink));
      if (isOptional && proceed !== null) first.add("PROCEED", proceed, proceedCondition);
      return first;
    });
  }

  private createLooping(sink: OracleState): OracleState {
    if (this.current.raw !== null) {
      const proceedCondition = this.trueFunction();
      const dummy = this.createTakeState("Normal", true);
      return this.inGroup(() => {
        const first = this.convertPattern(this.createMiddleStates(dummy));
        first.add("PROCEED", sink, proceedCondition);
        dummy.add("PROCEED", first, proceedCondition);
        return first;
      });
    }
    const p = this.current;
    const ignore = extendWithUntil(this.innerIgnoreCondition(p), p.until, false);
    const take = extendWithUntil(this.takeCondition(p), p.until, true) ?? TRUE;
    const looping = this.createTakeState("Normal", true);
    looping.add("PROCEED", sink, this.trueFunction());
    looping.add("TAKE", looping, take);
    this.addStopStateToLooping(looping);
    if (ignore !== null) {
      const ignoreState = this.createTakeState("Normal", false);
      ignoreState.add("TAKE", looping, take);
      ignoreState.add("IGNORE", ignoreState, ignore);
      looping.add("IGNORE", ignoreState, ignore);
      this.addStopStateToLooping(ignoreState);
    }
    return looping;
  }
}
