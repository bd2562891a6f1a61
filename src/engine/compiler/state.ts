/**
 * Port of Flink's `org.apache.flink.cep.nfa.State`, `StateTransition` and
 * `StateTransitionAction`: the NFA graph NFACompiler builds. Transitions keep insertion order
 * (Flink uses an ArrayList), which decides branch order and Dewey numbering at run time.
 */
import type { IterativeCondition } from "./iterativeCondition.ts";

/** `State.StateType`. */
export type StateType = "Start" | "Final" | "Normal" | "Pending" | "Stop";

/** `StateTransitionAction`: consume the event, skip it, or move on without consuming it (ε). */
export type StateTransitionAction = "TAKE" | "IGNORE" | "PROCEED";

/** `StateTransition`; the condition is mutable because greedy handling rewrites it. */
export class StateTransition {
  constructor(
    readonly sourceState: State,
    readonly action: StateTransitionAction,
    readonly targetState: State,
    public condition: IterativeCondition | null,
  ) {}
}

export class State {
  readonly stateTransitions: StateTransition[] = [];

  constructor(
    readonly name: string,
    public stateType: StateType,
  ) {}

  isFinal(): boolean {
    return this.stateType === "Final";
  }
  isStart(): boolean {
    return this.stateType === "Start";
  }
  isStop(): boolean {
    return this.stateType === "Stop";
  }
  isPending(): boolean {
    return this.stateType === "Pending";
  }
  makeStart(): void {
    this.stateType = "Start";
  }

  addStateTransition(
    action: StateTransitionAction,
    target: State,
    condition: IterativeCondition | null,
  ): void {
    this.stateTransitions.push(new StateTransition(this, action, target, condition));
  }
  /** IGNORE to `target`, or a self-loop when `target` is omitted. */
  addIgnore(condition: IterativeCondition | null, target: State = this): void {
    this.addStateTransition("IGNORE", target, condition);
  }
  /** TAKE to `target`, or a self-loop when `target` is omitted. */
  addTake(condition: IterativeCondition | null, target: State = this): void {
    this.addStateTransition("TAKE", target, condition);
  }
  addProceed(target: State, condition: IterativeCondition | null): void {
    this.addStateTransition("PROCEED", target, condition);
  }
}

/** `NFAStateNameHandler`: unique internal state names `name`, `name:0`, `name:1`, … */
export class NFAStateNameHandler {
  static readonly STATE_NAME_DELIM = ":";
  private readonly usedNames = new Set<string>();

  /** `getOriginalNameFromInternal`: the user's stage name. */
  static getOriginalNameFromInternal(internalName: string): string {
    return internalName.split(NFAStateNameHandler.STATE_NAME_DELIM)[0] as string;
  }

  getUniqueInternalName(baseName: string): string {
    let counter = 0;
    let candidate = baseName;
    while (this.usedNames.has(candidate)) {
      candidate = `${baseName}${NFAStateNameHandler.STATE_NAME_DELIM}${counter++}`;
    }
    this.usedNames.add(candidate);
    return candidate;
  }
}
