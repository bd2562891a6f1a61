/**
 * A condition that cannot be compiled (bad expression, unbound class, GROOVY) or that failed
 * while evaluating an event. Names the stage and, at compile time, the JSON path.
 */
export class ConditionError extends Error {
  constructor(
    /** The stage whose condition it is. */
    readonly stage: string,
    /** JSON path of the condition in the GraphSpec ("" at run time). */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ConditionError";
  }
}
