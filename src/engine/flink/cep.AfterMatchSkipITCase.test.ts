/**
 * Port of Apache Flink CEP's historic job-level `AfterMatchSkipITCase` in package
 * `org.apache.flink.cep` (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/AfterMatchSkipITCase.java,
 * revision dc3e6053 of the after-match-skip prototype, FLINK-7169), method by method, in Flink's
 * order: processing-time jobs over `env.fromElements(...)`, without `keyBy`, run end to end
 * through our `CepOperator` ({@link runJob}). Today's NFA-level suite of the same name is
 * `AfterMatchSkipITCase.test.ts`.
 *
 * The prototype set the strategy with `pattern.setAfterMatchSkipStrategy(new
 * AfterMatchSkipStrategy(SKIP_TO_FIRST, "end"))`; today that is `Pattern.begin("start",
 * AfterMatchSkipStrategy.skipToFirst("end"))`, the JSON's `afterMatchStrategy`. The select
 * functions print every event id of the printed stages followed by a comma.
 *
 * Skipped (they expect a `JobExecutionException` that today's Flink no longer raises there):
 * - testSkipToLastWithEmptyException (skip to the last event of a stage the match left empty),
 * - testSkipToLastWithInfiniteLoopException and testSkipToFirstWithInfiniteLoopException (skip
 *   to the first event of the match itself).
 * The prototype threw in both situations. Today's `SkipToElementStrategy` throws only when built
 * with `throwExceptionOnMiss()`, a Java-API flag that the JSON's skip spec (type + pattern name)
 * cannot carry; without it Flink prunes nothing (no skip), which `AfterMatchSkipITCase.test.ts`
 * checks in its `…NonExistentPositionWithoutException` and `testSkipToFirstAtStartPosition` ports.
 */
import { describe, expect, it } from "vitest";
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { Match } from "../api.ts";
import { runJob, sorted } from "../testing/cepJobHarness.ts";
import { ev, type TestEvent } from "../testing/nfaTestHarness.ts";

/** What the select functions print: `id,` for every event of the given stages. */
function printed(match: Match, ...stages: string[]): string {
  return stages.flatMap((stage) => (match.get(stage) ?? []).map((e) => `${String(e.id)},`)).join("");
}

/** Six events named "a", ids 1 to 6. */
function sixAs(): TestEvent[] {
  return [1, 2, 3, 4, 5, 6].map((id) => ev(id, "a", 0.0));
}

/** Seven events named "ab", ids 1 to 7. */
function sevenAbs(): TestEvent[] {
  return [1, 2, 3, 4, 5, 6, 7].map((id) => ev(id, "ab", 0.0));
}

/** `start` (name contains "a") × 2, `next("end")` (name contains "b") × 2. */
function twoAThenTwoB(skip: AfterMatchSkipStrategy): PatternBuilder {
  return PatternBuilder.begin("start", skip)
    .where("string.contains(name, 'a')")
    .times(2)
    .next("end")
    .where("string.contains(name, 'b')")
    .times(2);
}

describe("AfterMatchSkipITCase (org.apache.flink.cep, job level)", () => {
  it("testSkipToNextRow", () => {
    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipToNext()).where("name == 'a'").times(3);
    const { matches } = runJob({ pattern, input: sixAs(), time: "processing-time" });
    expect(sorted(matches.map((m) => printed(m, "start")))).toEqual(
      sorted(["1,2,3,", "2,3,4,", "3,4,5,", "4,5,6,"]),
    );
  });

  it("testSkipPastLastRow", () => {
    const pattern = PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
      .where("name == 'a'")
      .times(3);
    const { matches } = runJob({ pattern, input: sixAs(), time: "processing-time" });
    expect(sorted(matches.map((m) => printed(m, "start")))).toEqual(sorted(["1,2,3,", "4,5,6,"]));
  });

  it("testSkipToFirst", () => {
    const pattern = twoAThenTwoB(AfterMatchSkip.skipToFirst("end"));
    const { matches } = runJob({ pattern, input: sevenAbs(), time: "processing-time" });
    expect(sorted(matches.map((m) => printed(m, "start", "end")))).toEqual(sorted(["1,2,3,4,", "3,4,5,6,"]));
  });

  it("testSkipToLast", () => {
    const pattern = twoAThenTwoB(AfterMatchSkip.skipToLast("end"));
    const { matches } = runJob({ pattern, input: sevenAbs(), time: "processing-time" });
    expect(sorted(matches.map((m) => printed(m, "start", "end")))).toEqual(sorted(["1,2,3,4,", "4,5,6,7,"]));
  });
});
