/**
 * Group patterns with quantifiers, `until`, `optional()` and NOT stages inside and around them,
 * judged by the state-graph oracle (`stateGraph.ts`), NFA fed as Flink's `NFATestHarness` feeds
 * it, with timeouts, every skip strategy (SKIP_TO_FIRST / LAST naming a top-level stage:
 * `checkPatternSkipStrategy` walks the top-level chain, where a group is "GroupPattern"), with
 * and without a final `advanceTime(+∞)`. What the compiler does there:
 * - `createGroupPatternState` / `createLoopingGroupPatternState` build the group's chain once per
 *   iteration (a looping group loops through a dummy state that PROCEEDs back to its head);
 * - the group's head takes the group's edge strategy in its first iteration and its inner
 *   strategy after (`getIgnoreCondition`: `isCurrentGroupPatternFirstOfLoop`), and the inner
 *   strategy of the group replaces the head stage's own between that stage's iterations
 *   (`getInnerIgnoreCondition`: `headOfGroup`);
 * - a group's `until` ANDs ¬until onto every TAKE, IGNORE and PROCEED inside the group
 *   (`getTakeCondition`, `getIgnoreCondition`, `getTrueFunction`), NOT conditions included;
 * - an optional group's head gets a separate ignore state (`isHeadOfOptionalGroupPattern`);
 * - NOTs before a group stop its first state; a `notFollowedBy` after a group stops every later
 *   iteration's head and the looping states of the group's last stage (which sees the outer
 *   following pattern, `followingPattern` not being reset inside the group).
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { groupChainPatternArb, withChainSkip } from "./chainArbs.ts";
import { agreesWithStateGraph, isValidChain } from "./chainChecks.ts";
import { streamArb } from "./linearPattern.ts";

describe("group patterns with NOTs, until and quantifiers on the group", () => {
  it("matches, timeouts and the call emitting each follow the state-graph oracle, every strategy", () => {
    fc.assert(
      fc.property(
        withChainSkip(groupChainPatternArb.filter(isValidChain)),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(Number.POSITIVE_INFINITY, null),
        agreesWithStateGraph,
      ),
      { numRuns: 600 },
    );
  });
});
