/**
 * AST → closure tree. Parsing and all static checks happen once; evaluating is calling the root
 * closure. Static checks: unknown functions (with a suggestion), argument counts, lambdas of the
 * wrong shape passed to `filter`/`map`/`reduce`…, and non-regex literals after `=~`.
 *
 * Names resolve at compile time: lambda parameters become frame slots, everything else reads the
 * event (own properties only), with `config.*` falling back to the environment's config.
 */

import { add, arithmetic, bitwise, negate } from "./arith.ts";
import type { Expr, OperatorRefSymbol } from "./ast.ts";
import { arithmeticOp, comparison, logical, match, unary, type Constant, type Site } from "./compileOps.ts";
import { ExprRuntimeError, ExprSyntaxError, locate, positionAt } from "./errors.ts";
import { lookupBuiltin, suggestBuiltin, type Builtin } from "./functions/index.ts";
import { numberLiteralValue } from "./literals.ts";
import { compileJavaPattern } from "./regex.ts";
import {
  Frame,
  LambdaValue,
  NativeFn,
  getProp,
  readBelow,
  readPath,
  readRoot,
  type ExprEnvironment,
  type Thunk,
} from "./runtime.ts";
import {
  describe,
  isNumericKind,
  isRecord,
  kindOf,
  makeBigInt,
  makeDouble,
  toJavaInt,
  type Value,
} from "./values.ts";

/** The result of compiling an AST. */
export interface CompiledTree {
  readonly thunk: Thunk;
  /** The expression reads `$n` captures, so evaluation needs a root frame to hold them. */
  readonly usesCaptures: boolean;
  readonly referencedStages: readonly string[];
  readonly referencedFields: readonly string[];
}

const CAPTURE = /^\$(\d{1,4})$/;
const NOT_CONSTANT: Constant = { constant: false };

/** Compiles a parsed expression; `source` is used for error positions. */
export function compileTree(ast: Expr, source: string): CompiledTree {
  const compiler = new Compiler(source, usesCaptureVariables(ast));
  let thunk: Thunk;
  try {
    thunk = compiler.compile(ast);
  } catch (e) {
    if (e instanceof RangeError)
      throw ExprSyntaxError.at(source, ast.start, "expression is too complex to compile");
    throw e;
  }
  return {
    thunk,
    usesCaptures: compiler.usesCaptures,
    referencedStages: [...compiler.stages],
    referencedFields: [...compiler.fields],
  };
}

function usesCaptureVariables(node: Expr): boolean {
  if (node.type === "Variable") return CAPTURE.test(node.name);
  switch (node.type) {
    case "Unary":
      return usesCaptureVariables(node.operand);
    case "Binary":
      return usesCaptureVariables(node.left) || usesCaptureVariables(node.right);
    case "Conditional":
      return (
        usesCaptureVariables(node.test) ||
        usesCaptureVariables(node.consequent) ||
        usesCaptureVariables(node.alternate)
      );
    case "Call":
      return node.args.some(usesCaptureVariables);
    case "Member":
      return usesCaptureVariables(node.object);
    case "Index":
      return usesCaptureVariables(node.object) || usesCaptureVariables(node.index);
    case "Lambda":
      return usesCaptureVariables(node.body);
    default:
      return false;
  }
}

const OPERATOR_FUNCTIONS: Readonly<Record<OperatorRefSymbol, NativeFn>> = {
  "+": new NativeFn("+", 2, (_, [a, b]) => add(a, b)),
  "-": new NativeFn("-", 2, (_, [a, b]) => arithmetic("-", a, b)),
  "*": new NativeFn("*", 2, (_, [a, b]) => arithmetic("*", a, b)),
  "/": new NativeFn("/", 2, (_, [a, b]) => arithmetic("/", a, b)),
  "%": new NativeFn("%", 2, (_, [a, b]) => arithmetic("%", a, b)),
  "&": new NativeFn("&", 2, (_, [a, b]) => bitwise("&", a, b)),
  "|": new NativeFn("|", 2, (_, [a, b]) => bitwise("|", a, b)),
  "!": new NativeFn("!", 1, (_, [a]) => {
    if (typeof a === "boolean") return !a;
    throw new ExprRuntimeError(`'!' needs a boolean but got ${describe(a)}`);
  }),
};

class Compiler {
  private readonly scopes: (readonly string[])[] = [];
  readonly stages = new Set<string>();
  readonly fields = new Set<string>();

  constructor(
    private readonly source: string,
    readonly usesCaptures: boolean,
  ) {}

  private syntaxError(node: Expr, detail: string): ExprSyntaxError {
    return ExprSyntaxError.at(this.source, node.start, detail);
  }

  private site(node: Expr): Site {
    return { source: this.source, node };
  }

  /** The value of a literal (or a negated numeric literal), known at compile time. */
  private constantOf(node: Expr): Constant {
    switch (node.type) {
      case "Number":
        return { constant: true, value: literalValue(node.raw) };
      case "String":
      case "Boolean":
        return { constant: true, value: node.value };
      case "Nil":
        return { constant: true, value: null };
      case "Unary":
        if (node.op === "-" && node.operand.type === "Number") {
          return { constant: true, value: negate(literalValue(node.operand.raw)) };
        }
        return NOT_CONSTANT;
      default:
        return NOT_CONSTANT;
    }
  }

  compile(node: Expr): Thunk {
    const c = this.constantOf(node);
    if (c.constant) {
      const value = c.value;
      return () => value;
    }
    switch (node.type) {
      case "Regex": {
        const pattern = compileJavaPattern(node.pattern);
        return () => pattern;
      }
      case "Variable":
        return this.variable(node.name);
      case "OperatorRef": {
        const fn = OPERATOR_FUNCTIONS[node.op];
        return () => fn;
      }
      case "Unary":
        return unary(this.site(node), node.op, this.compile(node.operand));
      case "Binary":
        return this.binary(node);
      case "Conditional":
        return this.conditional(node);
      case "Call":
        return this.call(node);
      case "Member": {
        const object = this.compile(node.object);
        const key = node.property;
        return (env, f) => getProp(object(env, f), key);
      }
      case "Index":
        return this.index(node);
      case "Lambda": {
        this.scopes.push(node.params);
        const body = this.compile(node.body);
        this.scopes.pop();
        const arity = node.params.length;
        // A lambda created outside any frame closes over nothing: one instance serves every run.
        let topLevel: LambdaValue | undefined;
        return (_env, f) =>
          f === null ? (topLevel ??= new LambdaValue(arity, body, null)) : new LambdaValue(arity, body, f);
      }
      default:
        throw this.syntaxError(node, "unexpected literal"); // literals were handled as constants
    }
  }

  private variable(name: string): Thunk {
    const dot = name.indexOf(".");
    const head = dot < 0 ? name : name.slice(0, dot);
    const segments = name.split(".");
    for (let depth = 0; depth < this.scopes.length; depth++) {
      const index = (this.scopes[this.scopes.length - 1 - depth] ?? []).indexOf(head);
      if (index >= 0) return parameter(depth, index, segments);
    }
    const capture = CAPTURE.exec(name);
    if (capture && this.usesCaptures) {
      const n = Number(capture[1]);
      return (env, f) => {
        const groups = f === null ? null : f.root().captures;
        if (groups !== null && n < groups.length) return groups[n] ?? null;
        return readRoot(env, name);
      };
    }
    this.fields.add(name);
    if (dot < 0) {
      // The hot path: one own-property read, nothing allocated.
      if (name === "config") return (env) => readRoot(env, name);
      return (env) => {
        const event = env.event;
        return Object.hasOwn(event, name) ? event[name] : undefined;
      };
    }
    return (env) => readPath(env, name, segments);
  }

  private binary(node: Expr & { type: "Binary" }): Thunk {
    const site = this.site(node);
    const { op } = node;
    if (op === "=~") {
      const r = node.right;
      if (r.type === "String" || r.type === "Number" || r.type === "Boolean" || r.type === "Nil") {
        throw this.syntaxError(r, "the right side of '=~' must be a regular expression such as /abc/");
      }
      return match(site, this.compile(node.left), this.compile(r), this.usesCaptures);
    }
    const l = this.compile(node.left);
    const r = this.compile(node.right);
    switch (op) {
      case "&&":
      case "||":
        return logical(site, op, l, r, node.left, node.right);
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return comparison(site, op, l, r, this.constantOf(node.left), this.constantOf(node.right));
      default:
        return arithmeticOp(site, op, l, r);
    }
  }

  private conditional(node: Expr & { type: "Conditional" }): Thunk {
    const test = this.compile(node.test);
    const consequent = this.compile(node.consequent);
    const alternate = this.compile(node.alternate);
    const source = this.source;
    return (env, f) => {
      const t = test(env, f);
      if (t === true) return consequent(env, f);
      if (t === false) return alternate(env, f);
      throw new ExprRuntimeError(
        `the condition of '?:' must be a boolean, but is ${describe(t)}`,
        positionAt(source, node.test.start),
      );
    };
  }

  private index(node: Expr & { type: "Index" }): Thunk {
    const object = this.compile(node.object);
    const index = this.compile(node.index);
    const source = this.source;
    return (env, f) => {
      const o = object(env, f);
      const i = index(env, f);
      try {
        return elementAt(o, i);
      } catch (e) {
        throw locate(e, source, node.start);
      }
    };
  }

  private call(node: Expr & { type: "Call" }): Thunk {
    const spec = lookupBuiltin(node.callee);
    if (spec === undefined) {
      const hint = suggestBuiltin(node.callee);
      throw this.syntaxError(
        node,
        `unknown function '${node.callee}'${hint === undefined ? "" : ` (did you mean '${hint}'?)`}`,
      );
    }
    this.checkArguments(node, spec);
    const first = node.args[0];
    const source = this.source;
    if (spec.name === "getEventsForPattern" && first?.type === "String") {
      const stage = first.value;
      this.stages.add(stage);
      return (env) => {
        try {
          return env.getEventsForPattern(stage);
        } catch (e) {
          throw locate(e, source, node.start);
        }
      };
    }
    const args = node.args.map((a) => this.compile(a));
    const call1 = spec.call1;
    const arg0 = args[0];
    if (args.length === 1 && call1 !== undefined && arg0 !== undefined) {
      return (env, f) => {
        const a = arg0(env, f);
        try {
          return call1(env, a);
        } catch (e) {
          throw locate(e, source, node.start);
        }
      };
    }
    const call = spec.call;
    return (env, f) => {
      const values: Value[] = new Array<Value>(args.length);
      for (let i = 0; i < args.length; i++) values[i] = (args[i] as Thunk)(env, f);
      try {
        return call(env, values);
      } catch (e) {
        throw locate(e, source, node.start);
      }
    };
  }

  private checkArguments(node: Expr & { type: "Call" }, spec: Builtin): void {
    const n = node.args.length;
    if (n < spec.minArgs || n > spec.maxArgs) {
      const expected =
        spec.minArgs === spec.maxArgs
          ? `${spec.minArgs}`
          : spec.maxArgs === Infinity
            ? `at least ${spec.minArgs}`
            : `${spec.minArgs} to ${spec.maxArgs}`;
      throw this.syntaxError(node, `function '${spec.name}' expects ${expected} argument(s) but got ${n}`);
    }
    for (const [position, params] of Object.entries(spec.fnParams ?? {})) {
      const a = node.args[Number(position)];
      const given = a === undefined ? undefined : literalFunctionArity(a);
      if (a !== undefined && given !== undefined && given !== params) {
        throw this.syntaxError(
          a,
          `'${spec.name}' calls this function with ${params} argument(s), but it takes ${given}`,
        );
      }
    }
  }
}

/** How many arguments a function written in place takes (a lambda or an operator), if known. */
function literalFunctionArity(node: Expr): number | undefined {
  if (node.type === "Lambda") return node.params.length;
  if (node.type === "OperatorRef") return node.op === "!" ? 1 : 2;
  return undefined;
}

/** The run-time value of a numeric literal (boxes keep doubles and bigints apart from longs). */
function literalValue(raw: string): Value {
  const { kind, value } = numberLiteralValue(raw);
  switch (kind) {
    case "long":
      return value;
    case "bigint":
      return makeBigInt(value as bigint);
    default:
      return makeDouble(value as number);
  }
}

/** Reads a lambda parameter `depth` frames up, then the rest of a dotted name below it. */
function parameter(depth: number, index: number, segments: readonly string[]): Thunk {
  const read =
    depth === 0
      ? (f: Frame | null): Value => f?.vars[index]
      : (f: Frame | null): Value => {
          let frame = f;
          for (let d = 0; d < depth && frame !== null; d++) frame = frame.parent;
          return frame?.vars[index];
        };
  if (segments.length === 1) return (_env, f) => read(f);
  return (_env, f) => readBelow(read(f), segments, 1);
}

/** `object[index]`: list elements by position, map values by string key (Aviator's getElement). */
function elementAt(o: Value, i: Value): Value {
  if (Array.isArray(o)) {
    const xs = o as readonly unknown[];
    if (!isNumericKind(kindOf(i))) {
      throw new ExprRuntimeError(`index ${describe(i)} is not a number`);
    }
    const n = toJavaInt(i);
    if (n < 0 || n >= xs.length)
      throw new ExprRuntimeError(`index ${n} out of bounds for length ${xs.length}`);
    return xs[n];
  }
  if (isRecord(o)) return typeof i === "string" ? getProp(o, i) : null;
  throw new ExprRuntimeError(`${describe(o)} is not an array, list or map, so [] cannot be used on it`);
}

/** Evaluates a compiled tree against an environment (the root frame exists only when needed). */
export function run(tree: CompiledTree, env: ExprEnvironment): Value {
  return tree.thunk(env, tree.usesCaptures ? new Frame(null, []) : null);
}
