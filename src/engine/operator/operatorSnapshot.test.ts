/**
 * Snapshot and restore of the operator: a restored operator goes on exactly as the original
 * would. `snapshotState` clones all keys' states at once, so objects the states shared before
 * (the frozen empty queue of held matches) are shared by the copies too; these cases caught a
 * held match of one key (or rule) leaking into another through such a shared copy.
 */
import { describe, expect, it } from "vitest";
import { AfterMatchSkip, PatternBuilder } from "../../model/index.ts";
import { compilePattern, type CompiledNFA } from "../index.ts";
import { CepOperator, type CepOperatorSnapshot, type OperatorOutput } from "./cepOperator.ts";

type Feed = ReadonlyArray<readonly [key: string, name: string, ts: number]>;

/** `a followedByAny c` skipping to the first `a`: a match waits while an earlier run lives. */
function heldMatchRule(): CompiledNFA {
  return compilePattern(
    PatternBuilder.begin("s0", AfterMatchSkip.skipToFirst("s0"))
      .where("name == 'a'")
      .followedByAny("s1")
      .where("name == 'c'")
      .build(),
  );
}

function describeOutput(output: OperatorOutput): string {
  if (output.type === "late") return "late";
  const times = [...output.match.values()].flat().map((event) => String(event.ts));
  return `${output.type} rule ${output.rule} key ${String(output.key)}: ${times.join(",")}`;
}

/** Runs `feed` (a watermark after each event), restoring from a snapshot before event `cut`. */
function run(rules: readonly CompiledNFA[], feed: Feed, cut: number | null): string[] {
  const outputs: string[] = [];
  const operator = (restore?: CepOperatorSnapshot): CepOperator =>
    new CepOperator({
      rules: rules.map((nfa) => ({ nfa })),
      timeCharacteristic: "eventTime",
      output: (output) => outputs.push(describeOutput(output)),
      ...(restore === undefined ? {} : { restore }),
    });
  let current = operator();
  feed.forEach(([key, name, ts], index) => {
    if (index === cut) current = operator(current.snapshotState());
    current.processElement({ name, ts }, key, ts);
    current.processWatermark(ts);
  });
  current.processWatermark(Number.POSITIVE_INFINITY);
  return outputs;
}

describe("CepOperator snapshot and restore", () => {
  it("keeps a key's held match its own after a restore (one rule, two keys)", () => {
    const feed: Feed = [
      ["k1", "a", 0],
      ["k1", "a", 1],
      ["k2", "a", 2],
      ["k1", "c", 3],
      ["k2", "c", 4],
    ];
    const straight = run([heldMatchRule()], feed, null);
    expect(straight).toEqual(["match rule 0 key k1: 0,3", "match rule 0 key k2: 2,4"]);
    for (let cut = 0; cut < feed.length; cut++) expect(run([heldMatchRule()], feed, cut)).toEqual(straight);
  });

  it("keeps a rule's held match its own after a restore (two rules, one key)", () => {
    const other = compilePattern(
      PatternBuilder.begin("x").where("name == 'b'").next("y").where("name == 'b'").build(),
    );
    const feed: Feed = [
      ["k", "a", 0],
      ["k", "a", 1],
      ["k", "b", 2],
      ["k", "c", 3],
    ];
    const straight = run([heldMatchRule(), other], feed, null);
    expect(straight).toEqual(["match rule 0 key k: 0,3"]);
    for (let cut = 0; cut < feed.length; cut++)
      expect(run([heldMatchRule(), other], feed, cut)).toEqual(straight);
  });
});
