/**
 * AST → canonical source. Parentheses are added only where precedence or associativity needs
 * them, names that are not plain identifier paths are quoted, and numbers keep their raw text,
 * so `parse(print(ast))` gives back the same tree (positions aside).
 */

import {
  POSTFIX_PRECEDENCE,
  RESERVED_WORDS,
  TERNARY_PRECEDENCE,
  UNARY_PRECEDENCE,
  isIdentifierPath,
  precedenceOf,
  type Expr,
} from "./ast.ts";
import { quoteString } from "./literals.ts";

/** Prints an expression in canonical form. */
export function print(node: Expr): string {
  switch (node.type) {
    case "Number":
      return node.raw;
    case "String":
      return quoteString(node.value);
    case "Boolean":
      return node.value ? "true" : "false";
    case "Nil":
      return "nil";
    case "Regex":
      return `/${node.pattern}/`;
    case "Variable":
      return printName(node.name);
    case "OperatorRef":
      return `(${node.op})`;
    case "Unary":
      return node.op + wrap(node.operand, precedenceOf(node.operand) < UNARY_PRECEDENCE);
    case "Binary": {
      const p = precedenceOf(node);
      const lp = precedenceOf(node.left);
      const rp = precedenceOf(node.right);
      if (node.op === "**") {
        // Right-associative; the left operand must be postfix-level, the right may be prefix-level.
        return `${wrap(node.left, lp < POSTFIX_PRECEDENCE)} ** ${wrap(node.right, rp < UNARY_PRECEDENCE)}`;
      }
      return `${wrap(node.left, lp < p)} ${node.op} ${wrap(node.right, rp <= p)}`;
    }
    case "Conditional":
      return `${wrap(node.test, precedenceOf(node.test) <= TERNARY_PRECEDENCE)} ? ${print(node.consequent)} : ${print(node.alternate)}`;
    case "Call":
      return `${node.callee}(${node.args.map(printArgument).join(", ")})`;
    case "Member":
      return `${printObject(node.object)}.${node.property}`;
    case "Index":
      return `${printObject(node.object, true)}[${print(node.index)}]`;
    case "Lambda":
      return `lambda(${node.params.join(", ")}) -> ${print(node.body)} end`;
  }
}

function wrap(node: Expr, parenthesise: boolean): string {
  return parenthesise ? `(${print(node)})` : print(node);
}

/** Operator references stand bare as arguments (`reduce(xs, +, 0)`), parenthesised elsewhere. */
function printArgument(node: Expr): string {
  return node.type === "OperatorRef" ? node.op : print(node);
}

/**
 * The object of `.member` / `[index]`. A variable needs parentheses before `.`: `a.b` would be
 * read back as the single name `a.b`.
 */
function printObject(node: Expr, variableOk = false): string {
  const bare = node.type === "Call" || node.type === "Member" || node.type === "Index";
  return wrap(node, !(bare || (variableOk && node.type === "Variable")));
}

/** A variable name: bare when it lexes back as the same name, otherwise quoted as `` #`name` ``. */
export function printName(name: string): string {
  if (isIdentifierPath(name) && !RESERVED_WORDS.has(name)) return name;
  if (name.includes("`")) throw new Error(`cannot print a name containing a backquote: ${name}`);
  return `#\`${name}\``;
}
