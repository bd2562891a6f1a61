/**
 * The two error types of the condition language, and the offset → line:column mapping they share.
 *
 * Syntax errors carry a 1-based position because the editor underlines them; runtime errors carry
 * one when the failing node is known (the compiler attaches it on the slow path, see `locate`).
 */
import { linePositions, type LinePosition } from "../text/lineBreaks.ts";

/** A 1-based line and column (columns count UTF-16 code units, as Monaco does). */
export type SourcePosition = LinePosition;

/**
 * Maps a 0-based offset in `source` (clamped to the text) to a 1-based line and column, with the
 * line breaks every position CEP Studio reports uses (`lineBreaks.ts`: LF, CRLF, lone CR): an
 * expression holding a raw CR is on as many lines as the condition editor shows.
 */
export function positionAt(source: string, offset: number): SourcePosition {
  return linePositions(source)(Math.min(Math.max(offset, 0), source.length));
}

/** The expression is not valid: bad token, bad grammar, unknown function, wrong arity, limits. */
export class ExprSyntaxError extends Error {
  /** 1-based line of the offending token. */
  readonly line: number;
  /** 1-based column of the offending token. */
  readonly column: number;
  /** The message without its `line:column:` prefix. */
  readonly detail: string;
  /** 0-based offset of the offending token in the source. */
  readonly offset: number;

  constructor(detail: string, line: number, column: number, offset: number) {
    super(`${line}:${column}: ${detail}`);
    this.name = "ExprSyntaxError";
    this.line = line;
    this.column = column;
    this.detail = detail;
    this.offset = offset;
  }

  /** Builds the error for `offset` in `source`. */
  static at(source: string, offset: number, detail: string): ExprSyntaxError {
    const { line, column } = positionAt(source, offset);
    return new ExprSyntaxError(detail, line, column, offset);
  }
}

/**
 * Evaluation failed: a type error (adding a boolean), a non-boolean condition, integer division by
 * zero, a bad function argument… Evaluation never throws anything else: host errors are wrapped.
 */
export class ExprRuntimeError extends Error {
  /** The message without its `line:column:` prefix. */
  readonly detail: string;
  /** 1-based line of the failing node, when known. */
  readonly line: number | undefined;
  /** 1-based column of the failing node, when known. */
  readonly column: number | undefined;

  constructor(detail: string, position?: SourcePosition, options?: { cause?: unknown }) {
    super(position ? `${position.line}:${position.column}: ${detail}` : detail, options);
    this.name = "ExprRuntimeError";
    this.detail = detail;
    this.line = position?.line;
    this.column = position?.column;
  }
}

/**
 * Turns whatever was thrown while evaluating the node at `offset` into a positioned
 * ExprRuntimeError. Errors that already have a position pass through, so the innermost node wins.
 */
export function locate(error: unknown, source: string, offset: number): ExprRuntimeError {
  if (error instanceof ExprRuntimeError) {
    if (error.line !== undefined) return error;
    return new ExprRuntimeError(error.detail, positionAt(source, offset), { cause: error });
  }
  return new ExprRuntimeError(hostErrorDetail(error), positionAt(source, offset), { cause: error });
}

/** A message for a non-ExprRuntimeError thrown during evaluation (stack overflow, host callback…). */
export function hostErrorDetail(error: unknown): string {
  if (error instanceof RangeError) return `evaluation failed: ${error.message}`;
  if (error instanceof Error) return `evaluation failed: ${error.name}: ${error.message}`;
  return "evaluation failed: a host callback threw a non-error value";
}
