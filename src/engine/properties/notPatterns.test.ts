/**
 * `notNext` / `notFollowedBy` (in the middle, and at the end with either window type) against
 * the oracle of `notPattern.ts`, NFA fed as Flink's `NFATestHarness` feeds it, NO_SKIP, then
 * `advanceTime(+∞)` (how an event-time job ends), which releases pending `notFollowedBy` matches.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import { streamArb } from "./linearPattern.ts";
import { matchLines } from "./logViews.ts";
import { buildNotPattern, enumerateNotMatches, notPatternArb } from "./notPattern.ts";

describe("NOT patterns", () => {
  it("NO_SKIP matches and the call that emits each follow the stop-state and pending-state rules", () => {
    fc.assert(
      fc.property(notPatternArb, streamArb({ maxLength: 10 }), (pattern, events) => {
        const log = feedLog(compileForTest(buildNotPattern(pattern)), events, Number.POSITIVE_INFINITY);
        expect(matchLines(log).sort()).toEqual(enumerateNotMatches(pattern, events).sort());
      }),
      { numRuns: 800 },
    );
  });
});
