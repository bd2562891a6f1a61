/**
 * Patterns Flink rejects exit 2 with one stderr line per problem — the file, the JSON path, the
 * stage and Flink's own words — and print nothing on stdout; patterns Flink accepts run (exit 0),
 * with a warning on stderr where CEP Studio has one. The rules themselves are tested in
 * `src/model/validate*.test.ts`; this is the same verdict through `cep-studio run` and `convert`.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import type { GraphNode, Quantifier } from "../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import { loopingQuantifier, timesQuantifier } from "../model/quantifier.ts";
import { runInProcess, writeTempFiles } from "./testing/cliTestSupport.ts";

const EVENTS = ["kind,t", "a,1", "b,2", "c,3", "a,4", "b,5"].join("\n");

/** Runs `graph` over a few events; returns the run and the pattern file's path. */
async function run(graph: GraphNode) {
  const dir = writeTempFiles({
    "pattern.json": JSON.stringify(exportGraphSpec(graph), null, 2),
    "events.csv": EVENTS,
  });
  const file = path.join(dir, "pattern.json");
  const result = await runInProcess([
    "run",
    "--pattern",
    file,
    "--events",
    path.join(dir, "events.csv"),
    "--time",
    "t",
  ]);
  return { ...result, file };
}

async function expectRejected(graph: GraphNode, ...lines: string[]): Promise<void> {
  const { status, stdout, stderr, file } = await run(graph);
  expect({ status, stdout }).toEqual({ status: 2, stdout: "" });
  for (const line of lines) expect(stderr).toContain(`${file}: ${line}\n`);
}

async function expectAccepted(graph: GraphNode, ...warnings: string[]): Promise<void> {
  const { status, stderr, file } = await run(graph);
  expect(status).toBe(0);
  expect(stderr).toBe(warnings.map((w) => `warning: ${file}: ${w}\n`).join(""));
}

function setQuantifier(graph: GraphNode, stage: string, quantifier: Quantifier): GraphNode {
  return { ...graph, nodes: graph.nodes.map((n) => (n.name === stage ? { ...n, quantifier } : n)) };
}

const a = () => PatternBuilder.begin("a").where("kind == 'a'");

describe("cep-studio run refuses what Flink refuses", () => {
  it("a NOT stage after an optional stage (Pattern.notNext)", async () => {
    await expectRejected(
      a().optional().notNext("n").where("kind == 'c'").followedBy("b").build(),
      "edges[1].type: stage 'n': Specifying a pattern with an optional path to NOT condition is not supported yet: the stage before, 'a', is optional",
    );
  });

  it("a trailing notFollowedBy without a window (NFACompiler)", async () => {
    await expectRejected(
      a().notFollowedBy("n").where("kind == 'c'").build(),
      "edges[0].type: stage 'n': NotFollowedBy is not supported without windowTime as a last part of a Pattern! Add a window to the rule, or end it with another stage",
    );
  });

  it("greedy() on a single stage, until() on times(), consecutive() on a single stage", async () => {
    await expectRejected(
      a().greedy().followedBy("b").times(2).until("kind == 'c'").followedBy("c").consecutive().build(),
      "nodes[2].quantifier.properties: stage 'a': Option not applicable to singleton quantifier: GREEDY needs LOOPING or TIMES",
      "nodes[1].quantifier.untilCondition: stage 'b': The until condition is only applicable to looping states.",
      "nodes[0].quantifier.consumingStrategy: stage 'c': Consecutive (STRICT) not applicable to a SINGLE stage: it needs LOOPING or TIMES",
    );
  });

  it("times {0, 0} and timesOrMore(0) (Quantifier.Times)", async () => {
    const graph = a().followedBy("b").times(2).followedBy("c").timesOrMore(0).build();
    await expectRejected(
      setQuantifier(graph, "b", {
        ...timesQuantifier(2, 2),
        times: { from: 0, to: 0, windowTime: null },
      }),
      "nodes[1].quantifier.times.to: stage 'b': The to should be a number greater than or equal to from: 1.",
      "nodes[0].quantifier.times.from: stage 'c': The from should be a positive number greater than 0.",
    );
  });

  it("a quantifier on a NOT stage, and an optional stage after a greedy one", async () => {
    await expectRejected(
      a().notNext("n").oneOrMore().followedBy("b").oneOrMore().greedy().followedBy("c").optional().build(),
      "nodes[2].quantifier.properties: stage 'n': Option not applicable to NOT pattern: a NOT stage cannot be LOOPING",
      "nodes[0].quantifier.properties: stage 'c': Optional pattern cannot be preceded by greedy pattern ('b' is greedy)",
    );
  });

  it("duplicate names across groups, and a skip target that is not a top-level stage", async () => {
    const graph = PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("x"))
      .followedBy(PatternBuilder.begin("x").next("a").next("y"))
      .build();
    await expectRejected(
      graph,
      "nodes[1].name: stage 'a': Duplicate pattern name: a. Names must be unique.",
      "afterMatchStrategy.patternName: The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern: 'x' ('x' is inside a group; Flink only looks at the stages of the top-level chain)",
    );
  });

  it("a times window longer than the pattern's window (checkPatternWindowTimes)", async () => {
    await expectRejected(
      a().timesOrMore(2, 10_000).followedBy("b").within(5_000).build(),
      "nodes[1].quantifier.times.windowTime: stage 'a': The window length between the previous and current event cannot be larger than the window length between the first and last event for a Pattern.",
    );
  });

  it("says the same through convert, for every target", async () => {
    const dir = writeTempFiles({
      "pattern.json": JSON.stringify(exportGraphSpec(a().greedy().build())),
    });
    const file = path.join(dir, "pattern.json");
    for (const to of ["json", "sql", "java"]) {
      const result = await runInProcess(["convert", "--pattern", file, "--to", to]);
      expect(result).toMatchObject({ status: 2, stdout: "" });
      expect(result.stderr).toBe(
        `${file}: nodes[0].quantifier.properties: stage 'a': Option not applicable to singleton quantifier: GREEDY needs LOOPING or TIMES\n`,
      );
    }
  });
});

describe("cep-studio run accepts what Flink accepts", () => {
  it("a trailing notFollowedBy with either window type", async () => {
    await expectAccepted(a().notFollowedBy("n").where("kind == 'c'").within(10).build());
    await expectAccepted(
      a().notFollowedBy("n").where("kind == 'c'").within(10, "PREVIOUS_AND_CURRENT").build(),
    );
  });

  it("greedy() then allowCombinations(), the order Flink's reader calls them", async () => {
    await expectAccepted(
      a().oneOrMore().allowCombinations().greedy().followedBy("b").build(),
      "nodes[1].quantifier.consumingStrategy: stage 'a': GREEDY with allowCombinations() (SKIP_TILL_ANY) is accepted only in this order: Flink's reader calls greedy() before allowCombinations(); allowCombinations().greedy() throws 'Option not applicable to FollowedByAny pattern'",
    );
  });

  it("SINGLE next to LOOPING in properties: Flink's reader ignores SINGLE", async () => {
    const graph = a().followedBy("b").oneOrMore().build();
    await expectAccepted(
      setQuantifier(graph, "b", { ...loopingQuantifier(1), properties: ["SINGLE", "LOOPING"] }),
      "nodes[0].quantifier.properties: stage 'b': properties has SINGLE together with LOOPING; Flink's reader ignores SINGLE and builds a LOOPING stage",
    );
  });

  it("SKIP_TO_FIRST('GroupPattern') when the top level holds a group", async () => {
    await expectAccepted(
      PatternBuilder.begin("a", AfterMatchSkip.skipToFirst("GroupPattern"))
        .followedBy(PatternBuilder.begin("x").next("y"))
        .build(),
      "afterMatchStrategy.patternName: 'GroupPattern' is found (Flink names every GroupPattern so), but no stage holds events under that name, so SKIP_TO_FIRST never skips anything",
    );
  });

  it("a group's PREVIOUS_AND_CURRENT window on a looping last stage, which NFACompiler never records", async () => {
    await expectAccepted(
      a()
        .followedBy(PatternBuilder.begin("x").next("y").oneOrMore().within(10_000, "PREVIOUS_AND_CURRENT"))
        .within(5_000)
        .build(),
    );
  });

  it("times(0, n) written as {from: 0} after a greedy stage", async () => {
    const graph = a().oneOrMore().greedy().followedBy("b").times(1, 2).build();
    await expectAccepted(
      setQuantifier(graph, "b", { ...timesQuantifier(1, 2), times: { from: 0, to: 2, windowTime: null } }),
    );
  });
});
