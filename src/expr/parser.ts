/**
 * Pratt parser: tokens → AST, with Aviator's operator precedence (see `BINARY_PRECEDENCE`).
 *
 * The grammar is one expression (optionally followed by a single `;`): literals, names, calls to
 * named functions, `lambda(…) -> … end`, prefix `! - ~`, binary operators, `?:`, postfix
 * `.member` and `[index]`. Statements (`let`, `if`, `fn`…) are refused with a clear message.
 *
 * Two limits keep every later recursive pass (compile, print, evaluate) far from the stack limit:
 * the parser's own nesting depth (parentheses, prefix chains, calls…) and the height of the tree
 * (long operator chains are built iteratively but still make a deep tree).
 */

import {
  BINARY_PRECEDENCE,
  RESERVED_WORDS,
  TERNARY_PRECEDENCE,
  UNARY_PRECEDENCE,
  type BinaryOperator,
  type Expr,
  type OperatorRefSymbol,
} from "./ast.ts";
import { ExprSyntaxError } from "./errors.ts";
import { Lexer, type Token } from "./lexer.ts";
import { numberLiteralValue } from "./literals.ts";
import { compileJavaPattern, RegexSyntaxError } from "./regex.ts";

/** Deepest nesting the parser accepts (parentheses, prefix operators, arguments…). */
export const MAX_NESTING = 200;
/** Tallest AST accepted (e.g. a chain of 500 `||`). */
export const MAX_TREE_HEIGHT = 500;

const OPERATOR_REFS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "!", "&", "|"]);

function isBinaryOperator(text: string): text is BinaryOperator {
  return Object.hasOwn(BINARY_PRECEDENCE, text);
}

/** Parses one expression; throws ExprSyntaxError with a 1-based line:column. */
export function parse(source: string): Expr {
  return new Parser(source).parseProgram();
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  /** The token after `token`, when it had to be looked at. */
  private lookahead: Token | null = null;
  private depth = 0;
  private readonly heights = new WeakMap<Expr, number>();

  constructor(private readonly source: string) {
    this.lexer = new Lexer(source);
    this.token = this.lexer.next();
  }

  parseProgram(): Expr {
    const expr = this.parseExpression(0);
    if (this.isPunct(";")) this.advance();
    if (this.token.kind !== "eof") throw this.unexpected("end of expression");
    return expr;
  }

  // ---- token helpers -------------------------------------------------------------------------

  private advance(): Token {
    const t = this.token;
    if (this.lookahead !== null) {
      this.token = this.lookahead;
      this.lookahead = null;
    } else {
      this.token = this.lexer.next();
    }
    return t;
  }

  private peek(): Token {
    this.lookahead ??= this.lexer.next();
    return this.lookahead;
  }

  private isPunct(text: string): boolean {
    return this.token.kind === "punct" && this.token.text === text;
  }

  private expectPunct(text: string): Token {
    if (!this.isPunct(text)) throw this.unexpected(`'${text}'`);
    return this.advance();
  }

  private error(offset: number, detail: string): ExprSyntaxError {
    return ExprSyntaxError.at(this.source, offset, detail);
  }

  private unexpected(expected: string): ExprSyntaxError {
    return this.error(this.token.start, `expected ${expected} but found ${describeToken(this.token)}`);
  }

  /** Records a new node's height (1 + tallest child) and enforces MAX_TREE_HEIGHT. */
  private node<T extends Expr>(node: T, children: readonly Expr[] = []): T {
    let h = 0;
    for (const c of children) h = Math.max(h, this.heights.get(c) ?? 1);
    if (h + 1 > MAX_TREE_HEIGHT) {
      // Point at the newest part (e.g. the operand that made a long chain too tall).
      const at = children[children.length - 1]?.start ?? node.start;
      throw this.error(at, `expression is too deeply nested (more than ${MAX_TREE_HEIGHT} levels)`);
    }
    this.heights.set(node, h + 1);
    return node;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      throw this.error(this.token.start, `expression is nested too deeply (more than ${MAX_NESTING} levels)`);
    }
  }

  // ---- grammar -------------------------------------------------------------------------------

  /** Parses operators binding tighter than `minPrecedence` (0 accepts everything). */
  private parseExpression(minPrecedence: number): Expr {
    this.enter();
    let left = this.parsePostfix(this.parsePrefix());
    for (;;) {
      const t = this.token;
      if (t.kind !== "punct") break;
      if (t.text === "?" && minPrecedence <= TERNARY_PRECEDENCE) {
        this.advance();
        const consequent = this.parseExpression(0);
        this.expectPunct(":");
        const alternate = this.parseExpression(0);
        left = this.node(
          { type: "Conditional", test: left, consequent, alternate, start: left.start, end: alternate.end },
          [left, consequent, alternate],
        );
        continue;
      }
      if (!isBinaryOperator(t.text)) break;
      const op = t.text;
      const precedence = BINARY_PRECEDENCE[op];
      if (precedence <= minPrecedence) break;
      this.advance();
      // `**` is right-associative and its right operand may be a prefix expression (`2 ** -1`).
      const right = this.parseExpression(op === "**" ? UNARY_PRECEDENCE : precedence);
      left = this.node({ type: "Binary", op, left, right, start: left.start, end: right.end }, [left, right]);
    }
    this.depth--;
    return left;
  }

  private parsePrefix(): Expr {
    const t = this.token;
    switch (t.kind) {
      case "number": {
        this.advance();
        const { kind, value } = numberLiteralValue(t.text);
        return this.node({ type: "Number", raw: t.text, kind, value, start: t.start, end: t.end });
      }
      case "string":
        this.advance();
        return this.node({ type: "String", value: t.text, start: t.start, end: t.end });
      case "regex":
        this.advance();
        try {
          compileJavaPattern(t.text);
        } catch (e) {
          if (e instanceof RegexSyntaxError) throw this.error(t.start + 1 + e.index, e.message);
          throw e;
        }
        return this.node({ type: "Regex", pattern: t.text, start: t.start, end: t.end });
      case "name":
        return this.parseName();
      case "punct":
        return this.parsePunctPrefix(t);
      default:
        throw this.unexpected("an expression");
    }
  }

  private parsePunctPrefix(t: Token): Expr {
    if (OPERATOR_REFS.has(t.text) && this.peek().kind === "punct" && [",", ")"].includes(this.peek().text)) {
      this.advance();
      return this.node({ type: "OperatorRef", op: t.text as OperatorRefSymbol, start: t.start, end: t.end });
    }
    if (t.text === "(") {
      this.advance();
      const inner = this.parseExpression(0);
      this.expectPunct(")");
      return inner;
    }
    if (t.text === "!" || t.text === "-" || t.text === "~") {
      this.advance();
      const operand = this.parseExpression(UNARY_PRECEDENCE);
      return this.node({ type: "Unary", op: t.text, operand, start: t.start, end: operand.end }, [operand]);
    }
    throw this.unexpected("an expression");
  }

  private parseName(): Expr {
    const t = this.advance();
    if (!t.quoted) {
      switch (t.text) {
        case "true":
        case "false":
          return this.node({ type: "Boolean", value: t.text === "true", start: t.start, end: t.end });
        case "nil":
          return this.node({ type: "Nil", start: t.start, end: t.end });
        case "lambda":
          return this.parseLambda(t);
        default:
          if (RESERVED_WORDS.has(t.text)) {
            throw this.error(
              t.start,
              `'${t.text}' is a reserved word: a condition is a single expression ` +
                `(use 'a ? b : c' for choices, or #\`${t.text}\` for a field of that name)`,
            );
          }
      }
    }
    if (this.isPunct("(")) {
      if (t.quoted) throw this.error(t.start, "a quoted name cannot be called");
      return this.parseCall(t);
    }
    return this.node({ type: "Variable", name: t.text, start: t.start, end: t.end });
  }

  private parseCall(name: Token): Expr {
    this.enter();
    this.advance(); // (
    const args: Expr[] = [];
    if (!this.isPunct(")")) {
      for (;;) {
        args.push(this.parseExpression(0));
        if (!this.isPunct(",")) break;
        this.advance();
      }
    }
    const close = this.expectPunct(")");
    this.depth--;
    return this.node({ type: "Call", callee: name.text, args, start: name.start, end: close.end }, args);
  }

  private parseLambda(keyword: Token): Expr {
    this.enter();
    this.expectPunct("(");
    const params: string[] = [];
    if (!this.isPunct(")")) {
      for (;;) {
        const p = this.token;
        if (p.kind !== "name" || p.quoted || p.text.includes(".") || RESERVED_WORDS.has(p.text)) {
          throw this.unexpected("a parameter name");
        }
        if (params.includes(p.text)) throw this.error(p.start, `duplicate parameter '${p.text}'`);
        params.push(p.text);
        this.advance();
        if (!this.isPunct(",")) break;
        this.advance();
      }
    }
    this.expectPunct(")");
    this.expectPunct("->");
    const body = this.parseExpression(0);
    if (this.isPunct(";")) this.advance(); // Aviator bodies are statements; tolerate `x; end`
    const end = this.token;
    if (end.kind !== "name" || end.quoted || end.text !== "end")
      throw this.unexpected("'end' to close the lambda");
    this.advance();
    this.depth--;
    return this.node({ type: "Lambda", params, body, start: keyword.start, end: end.end }, [body]);
  }

  /** `.member` and `[index]` suffixes. */
  private parsePostfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      if (this.isPunct(".")) {
        this.advance();
        const name = this.token;
        if (name.kind !== "name" || name.quoted) throw this.unexpected("a field name after '.'");
        this.advance();
        // A dotted name after '.' (`.a.b`) is one token: unfold it into nested members.
        let offset = name.start;
        for (const property of name.text.split(".")) {
          offset += property.length;
          expr = this.node({ type: "Member", object: expr, property, start: expr.start, end: offset }, [
            expr,
          ]);
          offset += 1;
        }
      } else if (this.isPunct("[")) {
        this.enter();
        this.advance();
        const index = this.parseExpression(0);
        const close = this.expectPunct("]");
        this.depth--;
        expr = this.node({ type: "Index", object: expr, index, start: expr.start, end: close.end }, [
          expr,
          index,
        ]);
      } else if (this.isPunct("(")) {
        throw this.error(this.token.start, "only named builtin functions can be called");
      } else {
        return expr;
      }
    }
  }
}

/** How a token is named in "expected X but found Y" messages. */
function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of expression";
    case "number":
      return `number ${t.text}`;
    case "string":
      return "a string literal";
    case "regex":
      return "a regular expression";
    case "name":
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
