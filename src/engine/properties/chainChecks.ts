/**
 * What the chain properties (`notLoops.test.ts`, `groupNots.test.ts`) check: the engine's whole
 * NFA log against the state-graph oracle, for patterns the model's validation accepts.
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { hasPatternErrors, validatePattern } from "../../model/validate.ts";
import { buildChainPattern, simulateChain, type ChainPattern } from "./chainPattern.ts";
import { compileForTest, feedLog } from "./engineDrivers.ts";
import type { StreamEvent } from "./linearPattern.ts";
import { sortEqualStarts } from "./runModel.ts";

/** What the model's validation accepts (Flink's `MalformedPatternException` rules). */
export const isValidChain = (p: ChainPattern): boolean =>
  !hasPatternErrors(validatePattern(buildChainPattern(p)));

/**
 * The engine's log (matches, timeouts with their timestamps, and the `advanceTime` / `process`
 * call that emits each), fed as `NFATestHarness` feeds it, is one the oracle writes for some order
 * of equal-start matches.
 */
export function agreesWithStateGraph(
  { pattern, skip }: { readonly pattern: ChainPattern; readonly skip: AfterMatchSkipStrategy },
  events: readonly StreamEvent[],
  finalTime: number | null,
): void {
  const logs = simulateChain(pattern, skip, events, finalTime);
  fc.pre(logs !== null);
  const log = feedLog(compileForTest(buildChainPattern(pattern, skip)), events, finalTime);
  expect(logs).toContainEqual(sortEqualStarts(log));
}
