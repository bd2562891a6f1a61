/**
 * The AST of the condition language: a discriminated union on `type`.
 *
 * Every node records the 0-based source offsets it spans (`start`, `end`), so tools can underline
 * it. Structural comparisons (printer round trips) ignore those two fields.
 */

/** Fields every node has. */
export interface NodeBase {
  /** 0-based offset of the node's first character in the source. */
  readonly start: number;
  /** 0-based offset just past the node's last character. */
  readonly end: number;
}

/** How a numeric literal behaves at run time, following the Aviator lexer. */
export type NumberKind = "long" | "double" | "bigint" | "decimal";

/** `42`, `0x1F`, `1.5`, `1e3`, `100N` (bigint), `1.5M` (decimal, evaluated as a double here). */
export interface NumberLiteral extends NodeBase {
  readonly type: "Number";
  /** The literal exactly as written (printed back verbatim). */
  readonly raw: string;
  readonly kind: NumberKind;
  /**
   * The value: a JS number when it is exact (longs within ±(2^53−1), doubles), a bigint otherwise
   * (longs beyond 2^53, every bigint literal).
   */
  readonly value: number | bigint;
}

/** `'text'` or `"text"`. */
export interface StringLiteral extends NodeBase {
  readonly type: "String";
  readonly value: string;
}

/** `true` / `false`. */
export interface BooleanLiteral extends NodeBase {
  readonly type: "Boolean";
  readonly value: boolean;
}

/** `nil`. */
export interface NilLiteral extends NodeBase {
  readonly type: "Nil";
}

/** `/pattern/` — a Java regular expression, stored as written between the slashes. */
export interface RegexLiteral extends NodeBase {
  readonly type: "Regex";
  readonly pattern: string;
}

/**
 * A variable: an event field (`price`), a dotted path (`data.productId`), a lambda parameter, a
 * regex capture (`$1`), or `config.key`. Aviator lexes `a.b.c` as one name, and so do we.
 */
export interface Variable extends NodeBase {
  readonly type: "Variable";
  readonly name: string;
}

/** `!x`, `-x`, `~x`. */
export interface UnaryExpression extends NodeBase {
  readonly type: "Unary";
  readonly op: UnaryOperator;
  readonly operand: Expr;
}

/** Every binary operator, including the short-circuit `&&` / `||` and the regex match `=~`. */
export interface BinaryExpression extends NodeBase {
  readonly type: "Binary";
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

/** `test ? consequent : alternate`. */
export interface ConditionalExpression extends NodeBase {
  readonly type: "Conditional";
  readonly test: Expr;
  readonly consequent: Expr;
  readonly alternate: Expr;
}

/**
 * `name(args…)` — a builtin function call; `name` may be dotted (`string.contains`). The call
 * starts at the name, so `start` is also where "unknown function" errors point.
 */
export interface CallExpression extends NodeBase {
  readonly type: "Call";
  readonly callee: string;
  readonly args: readonly Expr[];
}

/** `object.property` on a computed value, e.g. `first(getEventsForPattern('a')).price`. */
export interface MemberExpression extends NodeBase {
  readonly type: "Member";
  readonly object: Expr;
  readonly property: string;
}

/** `object[index]`. */
export interface IndexExpression extends NodeBase {
  readonly type: "Index";
  readonly object: Expr;
  readonly index: Expr;
}

/** `lambda(a, b) -> body end`. */
export interface LambdaExpression extends NodeBase {
  readonly type: "Lambda";
  readonly params: readonly string[];
  readonly body: Expr;
}

/** An operator used as a function value, as Aviator allows in arguments: `reduce(xs, +, 0)`. */
export interface OperatorReference extends NodeBase {
  readonly type: "OperatorRef";
  readonly op: OperatorRefSymbol;
}

/** A parsed expression. */
export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NilLiteral
  | RegexLiteral
  | Variable
  | UnaryExpression
  | BinaryExpression
  | ConditionalExpression
  | CallExpression
  | MemberExpression
  | IndexExpression
  | LambdaExpression
  | OperatorReference;

/** Prefix operators. */
export type UnaryOperator = "!" | "-" | "~";

/** Operators usable as function values (Aviator's `isOPVariable`). */
export type OperatorRefSymbol = "+" | "-" | "*" | "/" | "%" | "!" | "&" | "|";

/** Binary operators. */
export type BinaryOperator =
  | "||"
  | "&&"
  | "|"
  | "^"
  | "&"
  | "=="
  | "!="
  | "=~"
  | "<"
  | "<="
  | ">"
  | ">="
  | "<<"
  | ">>"
  | ">>>"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**";

/**
 * Binding power of each binary operator, from Aviator's recursive-descent parser
 * (ternary < `||` < `&&` < `|` < `^` < `&` < equality/`=~` < relational < shift < additive <
 * multiplicative < unary < `**` < postfix). Everything is left-associative except `**`.
 */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "=~": 7,
  "<": 8,
  "<=": 8,
  ">": 8,
  ">=": 8,
  "<<": 9,
  ">>": 9,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
  "**": 13,
};

/** Precedence of the ternary operator (the lowest). */
export const TERNARY_PRECEDENCE = 1;
/** Precedence of prefix operators; also the level of the right operand of `**`. */
export const UNARY_PRECEDENCE = 12;
/** Precedence of postfix forms (calls, `.member`, `[index]`). */
export const POSTFIX_PRECEDENCE = 14;
/** Precedence of literals, variables, lambdas and parenthesised expressions. */
export const PRIMARY_PRECEDENCE = 15;

/** The precedence level a node occupies when printed without parentheses. */
export function precedenceOf(node: Expr): number {
  switch (node.type) {
    case "Conditional":
      return TERNARY_PRECEDENCE;
    case "Binary":
      return BINARY_PRECEDENCE[node.op];
    case "Unary":
      return UNARY_PRECEDENCE;
    case "Call":
    case "Member":
    case "Index":
      return POSTFIX_PRECEDENCE;
    default:
      return PRIMARY_PRECEDENCE;
  }
}

/**
 * Words that are not variables: the literals, `lambda`/`end`, and Aviator's statement keywords
 * (statements are not part of the condition language, so they get a clear error instead).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "true",
  "false",
  "nil",
  "lambda",
  "end",
  "if",
  "else",
  "elsif",
  "for",
  "in",
  "while",
  "let",
  "fn",
  "return",
  "break",
  "continue",
  "try",
  "catch",
  "finally",
  "throw",
  "new",
  "use",
]);

const IDENT_SEGMENT = /^[\p{L}\p{Nl}\p{Sc}\p{Pc}][\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}]*$/u;

/** True when `name` is one Java-identifier segment (letters, digits, `_`, `$`…, not starting with a digit). */
export function isIdentifierSegment(name: string): boolean {
  return IDENT_SEGMENT.test(name);
}

/** True when `name` is a dot-separated path of identifier segments, e.g. `data.productId`. */
export function isIdentifierPath(name: string): boolean {
  // The lexer reads names one UTF-16 unit at a time, so astral characters only work quoted.
  if (name.length === 0 || /[\uD800-\uDFFF]/.test(name)) return false;
  for (const segment of name.split(".")) if (!isIdentifierSegment(segment)) return false;
  return true;
}

/** Calls `visit` on every direct child of `node`, in source order. */
export function forEachChild(node: Expr, visit: (child: Expr) => void): void {
  switch (node.type) {
    case "Unary":
      visit(node.operand);
      return;
    case "Binary":
      visit(node.left);
      visit(node.right);
      return;
    case "Conditional":
      visit(node.test);
      visit(node.consequent);
      visit(node.alternate);
      return;
    case "Call":
      for (const arg of node.args) visit(arg);
      return;
    case "Member":
      visit(node.object);
      return;
    case "Index":
      visit(node.object);
      visit(node.index);
      return;
    case "Lambda":
      visit(node.body);
      return;
    default:
      return;
  }
}
