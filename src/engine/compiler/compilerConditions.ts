/**
 * The half of Flink's `NFACompiler.NFAFactoryCompiler` that decides *conditions*: which
 * condition each TAKE / IGNORE / PROCEED transition gets, given the pattern being compiled, the
 * group it sits in (`GroupPattern` heads use the group's strategies; a group's `until` extends
 * every condition inside it) and the NOT patterns still in force. `nfaCompiler.ts` builds the
 * states on top of it.
 */
import { hasProperty, isGroupPattern, type FlinkPattern } from "./flinkPattern.ts";
import { TRUE_CONDITION, richAnd, richNot, type IterativeCondition } from "./iterativeCondition.ts";
import type { State } from "./state.ts";

/** A NOT pattern's condition with the pattern's name (Flink's `Tuple2<IterativeCondition, String>`). */
export interface NotCondition {
  readonly condition: IterativeCondition;
  readonly name: string;
}

/** The compiler's position in the pattern and the condition rules that depend on it. */
export abstract class CompilerConditions {
  protected currentGroupPattern: FlinkPattern | null = null;
  protected readonly firstOfLoopMap = new Map<FlinkPattern, boolean>();
  protected followingPattern: FlinkPattern | null = null;

  constructor(protected currentPattern: FlinkPattern) {}

  /**
   * NOT conditions that still apply to the current pattern: those of `notFollowedBy` patterns
   * reachable backwards through optional or NOT patterns.
   */
  protected getCurrentNotCondition(): NotCondition[] {
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

  protected setCurrentGroupPatternFirstOfLoop(isFirstOfLoop: boolean): void {
    if (isGroupPattern(this.currentPattern)) this.firstOfLoopMap.set(this.currentPattern, isFirstOfLoop);
  }

  protected isCurrentGroupPatternFirstOfLoop(): boolean {
    const group = this.currentGroupPattern;
    return group === null ? true : (this.firstOfLoopMap.get(group) ?? true);
  }

  protected headOfGroup(pattern: FlinkPattern): boolean {
    return this.currentGroupPattern !== null && pattern.previous === null;
  }

  protected isHeadOfOptionalGroupPattern(pattern: FlinkPattern): boolean {
    if (!this.headOfGroup(pattern)) return false;
    const group = this.currentGroupPattern;
    return this.isCurrentGroupPatternFirstOfLoop() && group !== null && hasProperty(group, "OPTIONAL");
  }

  /** Ignore condition between iterations (the quantifier's inner strategy). */
  protected getInnerIgnoreCondition(pattern: FlinkPattern): IterativeCondition | null {
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
  protected getIgnoreCondition(pattern: FlinkPattern): IterativeCondition | null {
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

  protected getTakeCondition(pattern: FlinkPattern): IterativeCondition {
    const group = this.currentGroupPattern;
    const takeCondition = pattern.condition;
    if (group?.untilCondition) {
      return extendWithUntilCondition(takeCondition, group.untilCondition, true);
    }
    return takeCondition;
  }

  protected getTrueFunction(): IterativeCondition {
    const group = this.currentGroupPattern;
    if (group?.untilCondition) {
      return extendWithUntilCondition(TRUE_CONDITION, group.untilCondition, true);
    }
    return TRUE_CONDITION;
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

export function extendWithUntilCondition(
  condition: IterativeCondition | null,
  untilCondition: IterativeCondition | null,
  isTakeCondition: boolean,
): IterativeCondition | null;
export function extendWithUntilCondition(
  condition: IterativeCondition,
  untilCondition: IterativeCondition | null,
  isTakeCondition: true,
): IterativeCondition;
export function extendWithUntilCondition(
  condition: IterativeCondition | null,
  untilCondition: IterativeCondition | null,
  isTakeCondition: boolean,
): IterativeCondition | null {
  if (untilCondition !== null && condition !== null) return richAnd(richNot(untilCondition), condition);
  if (untilCondition !== null && isTakeCondition) return richNot(untilCondition);
  return condition;
}

/** Greedy: every transition out of the next state also requires that the loop could not take the event. */
export function updateWithGreedyCondition(state: State, takeCondition: IterativeCondition): void {
  for (const transition of state.stateTransitions) {
    transition.condition = richAnd(transition.condition ?? TRUE_CONDITION, richNot(takeCondition));
  }
}
