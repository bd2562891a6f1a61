/**
 * The vocabulary of the state-graph oracle (`stateGraph.ts`): Flink's `Pattern`, `State` and
 * `StateTransition` over predicates on event positions, and the compiler's cursor — where
 * `NFAFactoryCompiler` is in the pattern (`currentPattern`, `followingPattern`,
 * `currentGroupPattern`, `firstOfLoopMap`), its state names and `windowTimes`, and the condition
 * helpers that read the cursor (`getTakeCondition`, `getIgnoreCondition`,
 * `getInnerIgnoreCondition`, `getTrueFunction`, `headOfGroup`, …), transcribed from Flink's
 * `NFACompiler`.
 */
import type { InnerContiguity } from "../../model/pattern.ts";

export type Predicate = (pos: number) => boolean;

/** `Quantifier.ConsumingStrategy`. */
export type Strategy = InnerContiguity | "NOT_NEXT" | "NOT_FOLLOW";

/** Flink's `Pattern` (a `GroupPattern` when `raw` is set), linked to its previous pattern. */
export interface OraclePattern {
  readonly name: string;
  readonly previous: OraclePattern | null;
  /** `getCondition()`: true when no `where` was given (groups). */
  readonly condition: Predicate;
  readonly strategy: Strategy;
  readonly inner: InnerContiguity;
  readonly kind: "SINGLE" | "LOOPING" | "TIMES";
  readonly optional: boolean;
  readonly times: { readonly from: number; readonly to: number; readonly window: number | null } | null;
  readonly until: Predicate | null;
  readonly firstAndLast: number | null;
  readonly previousAndCurrent: number | null;
  /** A group's last inner pattern (`getRawPattern()`). */
  readonly raw: OraclePattern | null;
}

type StateType = "Normal" | "Final" | "Stop" | "Pending";
type Action = "TAKE" | "IGNORE" | "PROCEED";

/** `StateTransition`: a null condition always holds (`checkFilterCondition`). */
export interface Transition {
  readonly action: Action;
  readonly source: OracleState;
  readonly target: OracleState;
  readonly condition: Predicate | null;
}

/** Flink's `State`. */
export class OracleState {
  start = false;
  readonly transitions: Transition[] = [];
  constructor(
    readonly name: string,
    readonly type: StateType,
  ) {}

  add(action: Action, target: OracleState, condition: Predicate | null): void {
    this.transitions.push({ action, source: this, target, condition });
  }
}

export const TRUE: Predicate = () => true;
export const not =
  (p: Predicate): Predicate =>
  (q) =>
    !p(q);
export const and =
  (x: Predicate, y: Predicate): Predicate =>
  (q) =>
    x(q) && y(q);

/** `NFAFactoryCompiler`'s position in the pattern and what it has created so far. */
export class CompilerCursor {
  readonly windowTimes = new Map<string, number>();
  windowTime: number | null = null;
  protected readonly firstOfLoop = new Map<OraclePattern, boolean>();
  protected currentGroup: OraclePattern | null = null;
  protected following: OraclePattern | null = null;
  private readonly names = new Set<string>();

  constructor(protected current: OraclePattern) {}

  /** `NFAStateNameHandler.getUniqueInternalName`: `name`, then `name:0`, `name:1`, … */
  protected createState(name: string, type: StateType): OracleState {
    let candidate = name;
    for (let counter = 0; this.names.has(candidate); counter++) candidate = `${name}:${counter}`;
    this.names.add(candidate);
    return new OracleState(candidate, type);
  }

  /** `createState(stateType, isTake)`: take states record a PREVIOUS_AND_CURRENT or times window. */
  protected createTakeState(type: StateType, isTake: boolean): OracleState {
    const state = this.createState(this.current.name, type);
    if (!isTake) return state;
    const { times, previousAndCurrent } = this.current;
    if (times === null) {
      if (previousAndCurrent !== null) this.windowTimes.set(state.name, previousAndCurrent);
    } else if (state.name.includes(":") && times.window !== null) {
      this.windowTimes.set(state.name, times.window);
    }
    return state;
  }

  protected setFirstOfLoop(value: boolean): void {
    if (this.current.raw !== null) this.firstOfLoop.set(this.current, value);
  }

  protected headOfGroup(p: OraclePattern): boolean {
    return this.currentGroup !== null && p.previous === null;
  }

  protected isHeadOfOptionalGroupPattern(p: OraclePattern): boolean {
    const group = this.currentGroup;
    return this.headOfGroup(p) && group !== null && (this.firstOfLoop.get(group) ?? true) && group.optional;
  }

  protected groupUntil(): Predicate | null {
    return this.currentGroup?.until ?? null;
  }

  protected strategyCondition(strategy: Strategy, p: OraclePattern): Predicate | null {
    if (strategy === "SKIP_TILL_NEXT") return not(p.condition);
    return strategy === "SKIP_TILL_ANY" ? TRUE : null;
  }

  protected innerIgnoreCondition(p: OraclePattern): Predicate | null {
    const group = this.currentGroup;
    const strategy = this.headOfGroup(p) && group !== null ? group.inner : p.inner;
    return extendWithUntil(this.strategyCondition(strategy, p), this.groupUntil(), false);
  }

  protected ignoreCondition(p: OraclePattern): Predicate | null {
    const group = this.currentGroup;
    let strategy = p.strategy;
    if (this.headOfGroup(p) && group !== null) {
      strategy = (this.firstOfLoop.get(group) ?? true) ? group.strategy : group.inner;
    }
    return extendWithUntil(this.strategyCondition(strategy, p), this.groupUntil(), false);
  }

  protected takeCondition(p: OraclePattern): Predicate {
    return extendWithUntil(p.condition, this.groupUntil(), true) ?? p.condition;
  }

  protected trueFunction(): Predicate {
    return extendWithUntil(TRUE, this.groupUntil(), true) ?? TRUE;
  }
}

/** `extendWithUntilCondition`. */
export function extendWithUntil(
  condition: Predicate | null,
  until: Predicate | null,
  isTakeCondition: boolean,
): Predicate | null {
  if (until !== null && condition !== null) return and(not(until), condition);
  if (until !== null && isTakeCondition) return not(until);
  return condition;
}
