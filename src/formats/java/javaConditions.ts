/**
 * Model conditions as Java `IterativeCondition` expressions, the way dynamic CEP's
 * `ConditionSpec.toIterativeCondition` builds them: `AviatorCondition`, user classes (with
 * `CustomArgsCondition`-style `String[]` arguments), `SubtypeCondition` and the binary
 * `RichAndCondition` / `RichOrCondition` / unary `RichNotCondition`.
 */
import type { Condition } from "../../model/condition.ts";
import type { ExportNotes } from "../exportNote.ts";
import { javaClassReference, javaString, type JavaTarget } from "./javaSyntax.ts";

const CONDITIONS_PACKAGE = "org.apache.flink.cep.pattern.conditions";
/** Ververica's class (dynamic CEP jar); for vanilla Flink the exporter writes its own, nested in the output. */
const VVR_AVIATOR_CONDITION = "org.apache.flink.cep.dynamic.condition.AviatorCondition";

/** What condition rendering needs and records while it walks one stage's conditions. */
export interface ConditionContext {
  readonly target: JavaTarget;
  readonly stage: string;
  readonly notes: ExportNotes;
  readonly imports: Set<string>;
  /** Set when an Aviator condition was written for vanilla Flink: the class must be emitted too. */
  needsOwnAviatorCondition: boolean;
}

/** A Java expression of type `IterativeCondition<…>` for `condition`. */
export function javaCondition(condition: Condition, ctx: ConditionContext): string {
  switch (condition.type) {
    case "aviator":
      return aviatorCondition(condition.expression, ctx);
    case "groovy":
      ctx.notes.error(
        ctx.stage,
        "GROOVY conditions have no Java class CEP Studio can target; the code names a GroovyCondition you must supply",
      );
      return `new GroovyCondition<>(${javaString(condition.expression)})`;
    case "class": {
      const reference = classReference(condition.className, ctx);
      if (condition.args === undefined) return `new ${reference}()`;
      const args = condition.args.map(javaString).join(", ");
      return `new ${reference}(new String[] {${args}})`;
    }
    case "subtype":
      ctx.imports.add(`${CONDITIONS_PACKAGE}.SubtypeCondition`);
      return `new SubtypeCondition<>(${subtypeClassLiteral(condition.subClassName, ctx)})`;
    case "and":
      ctx.imports.add(`${CONDITIONS_PACKAGE}.RichAndCondition`);
      return `new RichAndCondition<>(${javaCondition(condition.left, ctx)}, ${javaCondition(condition.right, ctx)})`;
    case "or":
      ctx.imports.add(`${CONDITIONS_PACKAGE}.RichOrCondition`);
      return `new RichOrCondition<>(${javaCondition(condition.left, ctx)}, ${javaCondition(condition.right, ctx)})`;
    case "not":
      ctx.imports.add(`${CONDITIONS_PACKAGE}.RichNotCondition`);
      return `new RichNotCondition<>(${javaCondition(condition.inner, ctx)})`;
  }
}

/**
 * The pattern calls that apply a stage's condition. `Pattern.subtype(X.class)` is itself
 * `where(RichAndCondition(previous, SubtypeCondition(X)))`, so a subtype at the top level (alone
 * or as the right side of an AND) is written the idiomatic way. Only that outermost one: a second
 * `subtype(Y.class)` would narrow from X, and `<S extends F>` does not compile unless Y extends X,
 * which the model cannot know; inner subtypes stay `SubtypeCondition`s inside `where()`.
 */
export function javaWhereCalls(condition: Condition, ctx: ConditionContext): string[] {
  if (condition.type === "subtype") return [`.subtype(${subtypeClassLiteral(condition.subClassName, ctx)})`];
  if (condition.type === "and" && condition.right.type === "subtype") {
    return [
      `.where(${javaCondition(condition.left, ctx)})`,
      `.subtype(${subtypeClassLiteral(condition.right.subClassName, ctx)})`,
    ];
  }
  return [`.where(${javaCondition(condition, ctx)})`];
}

function aviatorCondition(expression: string, ctx: ConditionContext): string {
  if (ctx.target === "vvr-1.15") ctx.imports.add(VVR_AVIATOR_CONDITION);
  else ctx.needsOwnAviatorCondition = true;
  if (/\bgetEventsForPattern\s*\(/.test(expression)) {
    ctx.notes.warning(
      ctx.stage,
      "the expression calls getEventsForPattern, which AviatorCondition cannot evaluate (it binds the event's fields only); " +
        "write this condition as an IterativeCondition",
    );
  }
  return `new AviatorCondition<>(${javaString(expression)})`;
}

function classReference(className: string, ctx: ConditionContext): string {
  const reference = javaClassReference(className);
  if (reference !== null) return reference;
  ctx.notes.error(ctx.stage, `'${className}' is not a Java class name that code can refer to`);
  return "InvalidClassName";
}

function subtypeClassLiteral(className: string, ctx: ConditionContext): string {
  return `${classReference(className, ctx)}.class`;
}
