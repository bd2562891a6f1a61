/**
 * Translates condition-language (Aviator) expressions to Flink SQL `DEFINE` expressions
 * (format notes §10.2): fields qualified by the pattern variable of the row under test
 * (`A.price`), `&&`/`||`/`!` → `AND`/`OR`/`NOT`, `==`/`!=` → `=`/`<>`, nil comparisons →
 * `IS [NOT] NULL`, `=~` → `REGEXP` anchored to a whole-string match (Aviator uses
 * `Matcher.matches()`), the `string.*`/`math.*` functions that have SQL twins, and the common
 * iterative forms `first/last(getEventsForPattern('x')).f` → `FIRST/LAST(x.f)`.
 * Anything else is refused with a reason; a translation is never approximate without a warning.
 */
import type { BinaryOperator, CallExpression, Expr, MemberExpression } from "../../expr/ast.ts";
import { sqlIdentifier, sqlString } from "./sqlSyntax.ts";

/** Where the expression is evaluated. */
export interface ExpressionScope {
  /** Pattern variable of the row being tested (qualifies bare fields). */
  readonly rowVariable: string;
  /** The stage whose condition this is: `getEventsForPattern(stage)` excludes the current row. */
  readonly stage: string;
  /** Every stage name of the pattern. */
  readonly stages: ReadonlySet<string>;
}

/** A SQL boolean expression, or why there is none. */
export type SqlTranslation =
  | {
      readonly ok: true;
      readonly sql: string;
      readonly warnings: readonly string[];
      /** Uses `<`, `<=` or `<>`, where Aviator's nil ordering and SQL's NULL disagree. */
      readonly nullSensitive: boolean;
    }
  | { readonly ok: false; readonly reason: string };

/** Thrown inside the translator to abandon an expression; caught by {@link expressionToSql}. */
class Refusal extends Error {}

// SQL precedence levels, loosest first; operands looser than their operator get parentheses.
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;
const CONCAT = 5;
const ADDITIVE = 6;
const MULTIPLICATIVE = 7;
const UNARY = 8;
const ATOM = 9;

interface Sql {
  readonly text: string;
  readonly level: number;
  /** Known to be a string (drives `+` → `||`). */
  readonly isString?: boolean;
}

const COMPARISON_SQL: Partial<Record<BinaryOperator, string>> = {
  "==": "=",
  "!=": "<>",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

/** Same-named numeric functions, `math.x` → `X`. */
const MATH_FUNCTIONS: Readonly<Record<string, string>> = {
  "math.abs": "ABS",
  "math.floor": "FLOOR",
  "math.ceil": "CEIL",
  "math.pow": "POWER",
  "math.sqrt": "SQRT",
  "math.log": "LN",
  "math.log10": "LOG10",
  "math.sin": "SIN",
  "math.cos": "COS",
  "math.tan": "TAN",
};

const CASTS: Readonly<Record<string, string>> = { long: "BIGINT", double: "DOUBLE", str: "STRING" };

/** Translates a parsed condition to a SQL boolean expression in `scope`. */
export function expressionToSql(expr: Expr, scope: ExpressionScope): SqlTranslation {
  const warnings: string[] = [];
  try {
    const translator = new Translator(scope, warnings);
    const sql = translator.sql(expr).text;
    return { ok: true, sql, warnings, nullSensitive: translator.nullSensitive };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

class Translator {
  nullSensitive = false;

  constructor(
    private readonly scope: ExpressionScope,
    private readonly warnings: string[],
  ) {}

  sql(expr: Expr): Sql {
    switch (expr.type) {
      case "Number":
        return { text: numberLiteral(expr.raw, expr.value), level: ATOM };
      case "String":
        return { text: sqlString(expr.value), level: ATOM, isString: true };
      case "Boolean":
        return { text: expr.value ? "TRUE" : "FALSE", level: ATOM };
      case "Nil":
        throw new Refusal("nil is only translatable in '== nil' / '!= nil' comparisons");
      case "Regex":
        throw new Refusal("a regex literal is only translatable on the right of '=~'");
      case "Variable":
        return this.field(expr.name);
      case "Unary":
        if (expr.op === "!") return { text: `NOT ${this.wrap(this.sql(expr.operand), NOT)}`, level: NOT };
        if (expr.op === "-")
          return { text: `-${this.wrap(this.sql(expr.operand), UNARY + 1)}`, level: UNARY };
        throw new Refusal("the bitwise operator '~' has no Flink SQL equivalent");
      case "Binary":
        return this.binary(expr.op, expr.left, expr.right);
      case "Conditional":
        return {
          text: `CASE WHEN ${this.sql(expr.test).text} THEN ${this.sql(expr.consequent).text} ELSE ${this.sql(expr.alternate).text} END`,
          level: ATOM,
        };
      case "Call":
        return this.call(expr);
      case "Member":
        return this.member(expr);
      case "Index":
        throw new Refusal("indexing is only translatable as getEventsForPattern('x')[n].field");
      case "Lambda":
        throw new Refusal("lambdas have no Flink SQL equivalent");
      case "OperatorRef":
        throw new Refusal("operator references have no Flink SQL equivalent");
    }
  }

  private wrap(operand: Sql, minLevel: number): string {
    return operand.level >= minLevel ? operand.text : `(${operand.text})`;
  }

  private field(name: string): Sql {
    if (name.startsWith("$")) throw new Refusal(`the regex capture '${name}' has no Flink SQL equivalent`);
    if (name === "config" || name.startsWith("config.")) {
      throw new Refusal(`'${name}' reads the broadcast configuration, which Flink SQL does not have`);
    }
    const path = name.split(".");
    if (path.length > 1) {
      this.warnings.push(
        `'${name}' is written as nested field access; it assumes '${path[0] ?? ""}' is a ROW column`,
      );
    }
    return { text: [this.scope.rowVariable, ...path].map(sqlIdentifier).join("."), level: ATOM };
  }

  private binary(op: BinaryOperator, left: Expr, right: Expr): Sql {
    switch (op) {
      case "&&":
        return this.infix(left, "AND", right, AND);
      case "||":
        return this.infix(left, "OR", right, OR);
      case "==":
      case "!=":
        if (right.type === "Nil" || left.type === "Nil")
          return this.nilTest(op, left.type === "Nil" ? right : left);
        return this.comparison(left, op, right);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.comparison(left, op, right);
      case "=~":
        return this.regexMatch(left, right);
      case "+": {
        const l = this.sql(left);
        const r = this.sql(right);
        // Aviator's + concatenates when either side is a string.
        if (l.isString === true || r.isString === true) {
          return {
            text: `${this.wrap(l, CONCAT)} || ${this.wrap(r, CONCAT + 1)}`,
            level: CONCAT,
            isString: true,
          };
        }
        return { text: `${this.wrap(l, ADDITIVE)} + ${this.wrap(r, ADDITIVE + 1)}`, level: ADDITIVE };
      }
      case "-":
        return this.infix(left, "-", right, ADDITIVE);
      case "*":
      case "/":
        return this.infix(left, op, right, MULTIPLICATIVE);
      case "%":
        return { text: `MOD(${this.sql(left).text}, ${this.sql(right).text})`, level: ATOM };
      case "**":
        return { text: `POWER(${this.sql(left).text}, ${this.sql(right).text})`, level: ATOM };
      case "&":
      case "|":
      case "^":
      case "<<":
      case ">>":
      case ">>>":
        throw new Refusal(`the bitwise operator '${op}' has no Flink SQL equivalent`);
    }
  }

  private infix(left: Expr, op: string, right: Expr, level: number): Sql {
    return {
      text: `${this.wrap(this.sql(left), level)} ${op} ${this.wrap(this.sql(right), level + 1)}`,
      level,
    };
  }

  private comparison(left: Expr, op: BinaryOperator, right: Expr): Sql {
    const sqlOp = COMPARISON_SQL[op] ?? op;
    // Aviator orders nil below every value and finds nil != x true; SQL makes both UNKNOWN.
    if (op === "<" || op === "<=" || op === "!=") this.nullSensitive = true;
    // Comparisons do not chain in SQL: parenthesise any operand at comparison level or looser.
    const l = this.wrap(this.sql(left), COMPARISON + 1);
    const r = this.wrap(this.sql(right), COMPARISON + 1);
    return { text: `${l} ${sqlOp} ${r}`, level: COMPARISON };
  }

  private nilTest(op: "==" | "!=", operand: Expr): Sql {
    if (operand.type === "Nil") return { text: op === "==" ? "TRUE" : "FALSE", level: ATOM };
    const test = op === "==" ? "IS NULL" : "IS NOT NULL";
    return { text: `${this.wrap(this.sql(operand), COMPARISON + 1)} ${test}`, level: COMPARISON };
  }

  private regexMatch(left: Expr, right: Expr): Sql {
    if (right.type !== "Regex")
      throw new Refusal("'=~' is only translatable with a regex literal on its right");
    // REGEXP finds a match anywhere; Aviator's =~ must match the whole string.
    const anchored = `\\A(?:${right.pattern})\\z`;
    return { text: `REGEXP(${this.sql(left).text}, ${sqlString(anchored)})`, level: ATOM };
  }

  private call(call: CallExpression): Sql {
    const args = call.args;
    const arg = (i: number): Sql => {
      const expr = args[i];
      if (!expr) throw new Refusal(`${call.callee}() needs ${i + 1} argument(s)`);
      return this.sql(expr);
    };
    if (call.callee === "math.round") {
      // Aviator's math.round is Java's Math.round: floor(x + 0.5) as a long, halves toward +∞
      // (-2.5 → -2). SQL ROUND rounds halves away from zero (-2.5 → -3), so it is not used.
      return { text: `CAST(FLOOR(${this.wrap(arg(0), ADDITIVE)} + 0.5) AS BIGINT)`, level: ATOM };
    }
    const math = MATH_FUNCTIONS[call.callee];
    if (math !== undefined) {
      return { text: `${math}(${args.map((_, i) => arg(i).text).join(", ")})`, level: ATOM };
    }
    const cast = CASTS[call.callee];
    if (cast !== undefined)
      return { text: `CAST(${arg(0).text} AS ${cast})`, level: ATOM, isString: cast === "STRING" };
    switch (call.callee) {
      case "string.contains":
        return { text: `POSITION(${arg(1).text} IN ${arg(0).text}) > 0`, level: COMPARISON };
      case "string.startsWith":
        return this.likeOrPosition(args[0], args[1], "prefix");
      case "string.endsWith":
        return this.likeOrPosition(args[0], args[1], "suffix");
      case "string.length":
        return { text: `CHAR_LENGTH(${arg(0).text})`, level: ATOM };
      case "string.indexOf":
        return { text: `POSITION(${arg(1).text} IN ${arg(0).text}) - 1`, level: ADDITIVE };
      case "string.substring": {
        // Java substring(begin[, end]) is 0-based and end-exclusive.
        const from = `${this.wrap(arg(1), ADDITIVE)} + 1`;
        const length =
          args.length > 2 ? ` FOR ${this.wrap(arg(2), ADDITIVE)} - ${this.wrap(arg(1), ADDITIVE + 1)}` : "";
        return { text: `SUBSTRING(${arg(0).text} FROM ${from}${length})`, level: ATOM, isString: true };
      }
      case "getEventsForPattern":
        throw new Refusal(
          "getEventsForPattern is only translatable as first(...).field, last(...).field or [n].field",
        );
      default:
        throw new Refusal(`the function ${call.callee}() has no Flink SQL translation`);
    }
  }

  private likeOrPosition(subject: Expr | undefined, affix: Expr | undefined, kind: "prefix" | "suffix"): Sql {
    if (!subject || !affix)
      throw new Refusal(`string.${kind === "prefix" ? "startsWith" : "endsWith"}() needs 2 arguments`);
    const s = this.wrap(this.sql(subject), COMPARISON + 1);
    if (affix.type === "String") {
      // '!' rather than a backslash as the escape: no tool can mistake it for a string escape.
      const escaped = affix.value.replace(/[!%_]/g, (c) => "!" + c);
      const pattern = kind === "prefix" ? `${escaped}%` : `%${escaped}`;
      const escapeClause = escaped === affix.value ? "" : " ESCAPE '!'";
      return { text: `${s} LIKE ${sqlString(pattern)}${escapeClause}`, level: COMPARISON };
    }
    if (kind === "suffix")
      throw new Refusal("string.endsWith() is only translatable with a string literal suffix");
    return { text: `POSITION(${this.sql(affix).text} IN ${this.sql(subject).text}) = 1`, level: COMPARISON };
  }

  /** `first(getEventsForPattern('x')).f`, `last(…).f`, `getEventsForPattern('x')[n].f`. */
  private member(expr: MemberExpression): Sql {
    const path: string[] = [expr.property];
    let object: Expr = expr.object;
    while (object.type === "Member") {
      path.unshift(object.property);
      object = object.object;
    }
    const fields = path.flatMap((p) => p.split("."));
    let fn: "FIRST" | "LAST";
    let offset = 0;
    let source: Expr | undefined;
    if (
      object.type === "Call" &&
      (object.callee === "first" || object.callee === "last") &&
      object.args.length === 1
    ) {
      fn = object.callee === "first" ? "FIRST" : "LAST";
      source = object.args[0];
    } else if (
      object.type === "Index" &&
      object.index.type === "Number" &&
      typeof object.index.value === "number"
    ) {
      fn = "FIRST";
      offset = object.index.value;
      source = object.object;
    } else {
      throw new Refusal(
        "member access is only translatable on first(getEventsForPattern('x')) / last(...) / [n]",
      );
    }
    const stage = this.eventsForPattern(source);
    // getEventsForPattern(own stage) holds the events before the current row; in SQL the row under
    // test is already mapped to its variable, so the previous row of the own stage is LAST(x, 1).
    if (stage === this.scope.stage && this.scope.rowVariable === stage) {
      if (fn === "LAST") offset += 1;
      else {
        this.warnings.push(
          `getEventsForPattern('${stage}') inside '${stage}' itself: where Flink CEP has no such earlier event, SQL's FIRST(${stage}.…) reads the row under test`,
        );
      }
    }
    if (fields.length > 1) {
      this.warnings.push(
        `'${fields.join(".")}' is written as nested field access; it assumes '${fields[0] ?? ""}' is a ROW column`,
      );
    }
    const column = [stage, ...fields].map(sqlIdentifier).join(".");
    return { text: `${fn}(${column}${offset > 0 ? `, ${offset}` : ""})`, level: ATOM };
  }

  private eventsForPattern(source: Expr | undefined): string {
    if (source?.type !== "Call" || source.callee !== "getEventsForPattern") {
      throw new Refusal("first()/last()/[n] are only translatable on getEventsForPattern('x')");
    }
    const name = source.args[0];
    if (source.args.length !== 1 || name?.type !== "String") {
      throw new Refusal("getEventsForPattern needs a stage name literal to be translated");
    }
    if (!this.scope.stages.has(name.value)) {
      throw new Refusal(`getEventsForPattern('${name.value}') names no stage of this pattern`);
    }
    return name.value;
  }
}

function numberLiteral(raw: string, value: number | bigint): string {
  // Plain decimal spellings are valid SQL as written; hex and N/M suffixes are rewritten.
  if (/^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(raw)) return raw;
  return value.toString();
}
