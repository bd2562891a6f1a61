/**
 * The state-graph oracle (`stateGraph.ts` + `stateGraphRuns.ts`, a transcription of Flink's
 * `NFACompiler` and `NFA.computeNextStates`) against the hand-written oracles of the families
 * they already judge, written from Flink's definitions in another way: `notRuns.ts` (NOT
 * patterns of single stages, every window type) and `quantifiedRuns.ts` (looping and ranged
 * quantifiers with inner contiguity, `until`, per-repetition windows, either window type). Same
 * run model, same skip strategies, same logs, every tie order: a check on the oracles themselves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AfterMatchSkipStrategy } from "../../model/pattern.ts";
import type { ChainPattern, ChainStage } from "./chainPattern.ts";
import { stageCountOf, toOraclePattern } from "./chainPattern.ts";
import { skipArb, streamArb, type LinearStage, type StreamEvent } from "./linearPattern.ts";
import { notPatternArb, type NotPattern } from "./notPattern.ts";
import { notRunSpace } from "./notRuns.ts";
import { windowedPatternArb, type QuantifiedPattern } from "./quantifiedPattern.ts";
import { quantifiedRunSpace } from "./quantifiedRuns.ts";
import { simulateRuns, type RunSpace } from "./runModel.ts";
import { compileStateGraph } from "./stateGraph.ts";
import { stateGraphRunSpace } from "./stateGraphRuns.ts";

const END = Number.POSITIVE_INFINITY;

const single = (stage: LinearStage): ChainStage => ({
  kind: "stage",
  edge: stage.edge,
  accepts: stage.accepts,
  quantifier: { kind: "single" },
  inner: "SKIP_TILL_NEXT",
  optional: false,
  until: null,
});

function fromNotPattern(p: NotPattern): ChainPattern {
  const not = { kind: "not" as const, type: p.not.kind, accepts: p.not.accepts };
  return {
    elements: [...p.pre.map(single), not, ...(p.post === null ? [] : [single(p.post)])],
    window: p.window,
  };
}

function fromQuantifiedPattern(p: QuantifiedPattern): ChainPattern {
  return {
    elements: p.stages.map((s): ChainStage => ({
      kind: "stage",
      edge: s.edge,
      accepts: s.accepts,
      quantifier: s.quantifier,
      inner: s.inner,
      optional: s.optional ?? false,
      until: s.until,
      ...(s.window === undefined ? {} : { window: s.window }),
    })),
    window: p.window === null ? null : { time: p.window, type: p.windowType ?? "FIRST_AND_LAST" },
  };
}

/** Both run spaces write the same set of logs (tie orders included), or both give up. */
function sameLogs<R>(
  expected: RunSpace<R>,
  chain: ChainPattern,
  skip: AfterMatchSkipStrategy,
  events: readonly StreamEvent[],
  finalTime: number | null,
): void {
  const reference = simulateRuns(expected, skip, events, finalTime);
  fc.pre(reference !== null);
  const graph = compileStateGraph(toOraclePattern(chain, events));
  const actual = simulateRuns(
    stateGraphRunSpace(graph, events, stageCountOf(chain.elements)),
    skip,
    events,
    finalTime,
  );
  expect(actual?.map((log) => log.join("\n")).sort()).toEqual(reference.map((log) => log.join("\n")).sort());
}

describe("the state-graph oracle", () => {
  it("writes the logs of notRuns.ts for NOT patterns of single stages, every strategy and window", () => {
    fc.assert(
      fc.property(
        notPatternArb.chain((pattern) =>
          skipArb(pattern.pre.length + 1 + (pattern.post === null ? 0 : 1)).map((skip) => ({
            pattern,
            skip,
          })),
        ),
        streamArb({ maxLength: 10 }),
        fc.constantFrom(END, null),
        ({ pattern, skip }, events, end) => {
          sameLogs(notRunSpace(pattern, events), fromNotPattern(pattern), skip, events, end);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes the logs of quantifiedRuns.ts for quantified chains without greedy, every strategy and window", () => {
    fc.assert(
      fc.property(
        windowedPatternArb
          .map((p) => ({ ...p, stages: p.stages.map((s) => ({ ...s, greedy: false })) }))
          .chain((pattern) => skipArb(pattern.stages.length).map((skip) => ({ pattern, skip }))),
        streamArb({ maxLength: 9, maxGap: 2 }),
        fc.constantFrom(END, null),
        ({ pattern, skip }, events, end) => {
          sameLogs(quantifiedRunSpace(pattern, events), fromQuantifiedPattern(pattern), skip, events, end);
        },
      ),
      { numRuns: 300 },
    );
  });
});
