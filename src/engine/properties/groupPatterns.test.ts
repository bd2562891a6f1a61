/**
 * Group patterns against the flat chains they compile to, NFA fed as Flink's `NFATestHarness`
 * feeds it, NO_SKIP, then `advanceTime(+∞)`.
 *
 * `NFACompiler.createTimesState` on a `GroupPattern` builds the group's states once per
 * iteration (`createGroupPatternState` → `createMiddleStates` + `convertPattern` on the raw
 * pattern). The group's head takes the group's edge strategy in the first iteration and the
 * group's inner strategy in the others (`getIgnoreCondition`: `isCurrentGroupPatternFirstOfLoop`);
 * every other inner stage keeps its own edge. So `(g0 E g1).times(n)` behind edge G with inner
 * strategy I is the chain `g0[G] g1[E] g0[I] g1[E] …`, and the match lists each inner stage's
 * events of all iterations under its name (`GroupITCase.testGroupFollowedByTimes`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InnerContiguity } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { streamArb, type LinearEdge, type LinearStage, type Letter } from "./linearPattern.ts";
import { perCall } from "./logViews.ts";

const LETTERS: readonly Letter[] = ["a", "b", "c"];
const edgeArb = fc.constantFrom<LinearEdge>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY");
const stageArb: fc.Arbitrary<LinearStage> = fc.record({
  accepts: fc.subarray([...LETTERS], { minLength: 1, maxLength: 2 }),
  edge: edgeArb,
});

interface GroupCase {
  readonly prefix: LinearStage | null;
  /** The group's edge (unused at the begin) and its inner stages (the first one's edge unused). */
  readonly groupEdge: LinearEdge;
  readonly inner: readonly LinearStage[];
  readonly times: number;
  readonly contiguity: InnerContiguity;
  readonly suffix: LinearStage | null;
  readonly window: number | null;
}

const groupCaseArb: fc.Arbitrary<GroupCase> = fc.record({
  prefix: fc.option(stageArb, { nil: null }),
  groupEdge: edgeArb,
  inner: fc.array(stageArb, { minLength: 1, maxLength: 2 }),
  times: fc.integer({ min: 2, max: 3 }),
  contiguity: fc.constantFrom<InnerContiguity>("STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY"),
  suffix: fc.option(stageArb, { nil: null }),
  window: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});

const where = (letters: readonly Letter[]) => letters.map((l) => `name == '${l}'`).join(" || ");

/** Appends `target` to `builder` over `edge`, or begins a builder with it. */
function chain(
  builder: PatternBuilder | null,
  edge: LinearEdge,
  target: string | PatternBuilder,
): PatternBuilder {
  if (builder === null) return PatternBuilder.begin(target);
  if (edge === "STRICT") return builder.next(target);
  if (edge === "SKIP_TILL_NEXT") return builder.followedBy(target);
  return builder.followedByAny(target);
}

function grouped(c: GroupCase) {
  let group: PatternBuilder | null = null;
  for (const [k, stage] of c.inner.entries())
    group = chain(group, stage.edge, `g${k}`).where(where(stage.accepts));
  if (group === null) throw new Error("a group needs a stage");
  let builder = c.prefix ? PatternBuilder.begin("p").where(where(c.prefix.accepts)) : null;
  builder = chain(builder, c.groupEdge, group).times(c.times);
  if (c.contiguity === "STRICT") builder.consecutive();
  else if (c.contiguity === "SKIP_TILL_ANY") builder.allowCombinations();
  if (c.suffix) builder = chain(builder, c.suffix.edge, "q").where(where(c.suffix.accepts));
  if (c.window !== null) builder.within(c.window);
  return builder.build();
}

/** The flat chain: inner stage k of iteration j is named `g<k>_<j>`. */
function flattened(c: GroupCase) {
  let builder = c.prefix ? PatternBuilder.begin("p").where(where(c.prefix.accepts)) : null;
  for (let j = 0; j < c.times; j++) {
    for (const [k, stage] of c.inner.entries()) {
      // An InnerContiguity is one of the edge strategies.
      const edge: LinearEdge = k > 0 ? stage.edge : j === 0 ? c.groupEdge : c.contiguity;
      builder = chain(builder, edge, `g${k}_${j}`).where(where(stage.accepts));
    }
  }
  if (builder === null) throw new Error("no stages");
  if (c.suffix) builder = chain(builder, c.suffix.edge, "q").where(where(c.suffix.accepts));
  if (c.window !== null) builder.within(c.window);
  return builder.build();
}

describe("group patterns", () => {
  it("(g0 … gk).times(n) matches, times out and emits like its iterations chained flat", () => {
    fc.assert(
      fc.property(groupCaseArb, streamArb({ maxLength: 10 }), (c, events) => {
        const end = Number.POSITIVE_INFINITY;
        const actual = feedLog(compileForTest(grouped(c)), events, end);
        const expected = feedLog(compileForTest(flattened(c)), events, end, (name) =>
          name.replace(/_\d+$/, ""),
        );
        expect(perCall(actual)).toEqual(perCall(expected));
      }),
      { numRuns: 400 },
    );
  });
});
