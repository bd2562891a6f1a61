/**
 * The condition check and the compiler agree: over random patterns (stages, groups, until,
 * nested and/or/not of every leaf kind, good and bad), a pattern with no condition problem
 * compiles, and one with problems makes `compilePattern` throw the ConditionError of one of them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { hasPatternErrors, validatePattern } from "../../model/validate.ts";
import { compilePattern, ConditionError, patternConditionProblems } from "../index.ts";

const BINDINGS = { "com.Ok": "kind == 'a'", "com.Args": "include(config.args, kind)", "com.Bad": "n >" };

const leaf: fc.Arbitrary<Condition> = fc.constantFrom<Condition>(
  { type: "aviator", expression: "kind == 'a'" },
  { type: "aviator", expression: "kind == " },
  { type: "aviator", expression: "nosuchfn(kind)" },
  { type: "groovy", expression: "true" },
  { type: "class", className: "com.Ok" },
  { type: "class", className: "com.Args", args: ["a", "b"] },
  { type: "class", className: "com.Bad" },
  { type: "class", className: "com.Missing" },
  { type: "class", className: "toString" },
  {
    type: "subtype",
    className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
    subClassName: "com.Ok",
  },
  {
    type: "subtype",
    className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
    subClassName: "com.Gone",
  },
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant("and" as const), left: tie("condition"), right: tie("condition") }),
    fc.record({ type: fc.constant("or" as const), left: tie("condition"), right: tie("condition") }),
    fc.record({ type: fc.constant("not" as const), inner: tie("condition") }),
  ),
})).condition;

/** Mostly valid conditions, so patterns with a single problem (or none) come up often. */
const stageCondition = fc.oneof(
  { arbitrary: fc.constant<Condition>({ type: "aviator", expression: "kind == 'a'" }), weight: 2 },
  { arbitrary: condition, weight: 1 },
);

interface StageDraft {
  readonly where: Condition;
  readonly looping: boolean;
  readonly until: Condition | null;
  /** The stage is a group of two stages, the second with this condition. */
  readonly group: Condition | null;
}

const stage: fc.Arbitrary<StageDraft> = fc.record({
  where: stageCondition,
  looping: fc.boolean(),
  until: fc.option(stageCondition, { freq: 2 }),
  group: fc.option(stageCondition, { freq: 3 }),
});

function build(stages: readonly StageDraft[]) {
  let builder: PatternBuilder | null = null;
  for (const [i, draft] of stages.entries()) {
    const name = `s${i}`;
    const next: string | PatternBuilder =
      draft.group === null
        ? name
        : PatternBuilder.begin(`${name}a`).where(draft.where).followedBy(`${name}b`).where(draft.group);
    builder = builder === null ? PatternBuilder.begin(next) : builder.followedBy(next);
    if (draft.group === null) builder.where(draft.where);
    if (draft.looping) {
      builder.oneOrMore();
      if (draft.until !== null) builder.until(draft.until);
    }
  }
  if (builder === null) throw new Error("no stage");
  return builder.build();
}

describe("patternConditionProblems agrees with ConditionCompiler", () => {
  it("no problem ⇔ compiles; else the compiler throws one of the problems", () => {
    fc.assert(
      fc.property(fc.array(stage, { minLength: 1, maxLength: 3 }), (stages) => {
        const pattern = build(stages);
        fc.pre(!hasPatternErrors(validatePattern(pattern)));
        const problems = patternConditionProblems(pattern, BINDINGS);
        let thrown: unknown = null;
        try {
          compilePattern(pattern, { bindings: BINDINGS });
        } catch (error) {
          thrown = error;
        }
        if (problems.length === 0) {
          expect(thrown).toBeNull();
          return;
        }
        expect(thrown).toBeInstanceOf(ConditionError);
        const error = thrown as ConditionError;
        const unboundClass = /^condition class '([^']+)' \(stage '[^']+'\) has no binding/.exec(
          error.message,
        )?.[1];
        if (unboundClass === undefined) {
          // An invalid expression or GROOVY: the same problem, at the same path.
          expect(problems).toContainEqual({ path: error.path, message: error.message });
        } else {
          // An unbound class: one problem for the class, naming the stage the compiler met it in.
          const problem = problems.find((p) => p.message.startsWith(`condition class '${unboundClass}' (`));
          expect(problem?.message).toContain(`'${error.stage}'`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
